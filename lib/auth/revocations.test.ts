import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { MAX_SESSION_LIFETIME_DAYS } from "@/lib/config/schema";
import { recordingChanges } from "@/test-support/recording-store";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { CLOCK_SKEW_SECONDS, LINK_LONGEST_REACH_SECONDS, LINK_RENEWAL_WINDOW_SECONDS } from "./link-token";
import { CUSTOMER_REVOCATION_SECONDS, createRevocations, DEFAULT_OUTAGE_GRACE_SECONDS } from "./revocations";

const SECRET = "revocations-test-secret-0123456789abcdef";
const DAY = 24 * 60 * 60;
const SID = "sid_4mTq9xYb2Lk";
const OTHER_SID = "sid_8pWe3rTy7Uz";
const JTI = "jti_Zx81Qw62Ev";
/** A link of usr_alex's issued at `iat` (default: long ago). */
const link = (jti: string, iat = 0) => ({ jti, userId: "usr_alex", iat });

describeWithEachStore("revocations", (current) => {
  const setup = () => {
    const { store, now, advanceSeconds, breakStore, restore } = current();
    const { store: recording, changes: writes } = recordingChanges(store);
    const revocations = createRevocations(recording, SECRET, { now });
    const nowSeconds = () => Math.floor(now() / 1000);
    return { revocations, store, writes, now, nowSeconds, advanceSeconds, breakStore, restore };
  };

  it("refuses a revoked session everywhere the store reaches, and only that session", async () => {
    const { revocations, nowSeconds } = setup();
    const signedInAt = nowSeconds() - 60;
    await revocations.revokeSession(SID, nowSeconds() + DAY);
    expect(await revocations.isSessionRevoked({ sid: SID, userId: "usr_alex", signedInAt })).toBe(true);
    expect(await revocations.isSessionRevoked({ sid: OTHER_SID, userId: "usr_alex", signedInAt })).toBe(
      false,
    );
    expect(await revocations.sessionVerdict({ sid: SID, userId: "usr_alex", signedInAt })).toBe("revoked");
    expect(await revocations.sessionVerdict({ sid: OTHER_SID, userId: "usr_alex", signedInAt })).toBe(
      "active",
    );
  });

  it("ends every earlier session of a customer, but not later sign-ins or other customers", async () => {
    const { revocations, nowSeconds, advanceSeconds } = setup();
    const earlier = { sid: SID, userId: "usr_alex", signedInAt: nowSeconds() - 3600 };
    await revocations.revokeUser("usr_alex", nowSeconds() + 30 * DAY);
    expect(await revocations.isSessionRevoked(earlier)).toBe(true);
    expect(await revocations.isSessionRevoked({ ...earlier, userId: "usr_blair" })).toBe(false);
    await advanceSeconds(CLOCK_SKEW_SECONDS + 1);
    const later = { sid: OTHER_SID, userId: "usr_alex", signedInAt: nowSeconds() };
    expect(await revocations.isSessionRevoked(later)).toBe(false);
  });

  it("stores a customer's revocation under a keyed digest only: not the id, not its plain SHA-256", async () => {
    const { revocations, writes, nowSeconds } = setup();
    await revocations.revokeUser("usr_alex", nowSeconds() + DAY);
    const plainSha256 = createHash("sha256").update("usr_alex").digest("hex");
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^revoked:customer:[0-9a-f]{40}$/);
    expect(writes[0]).not.toContain(plainSha256.slice(0, 16));
    expect(writes[0]).not.toContain("usr_alex");
  });

  it("lets a revocation expire when the token it revokes would have", async () => {
    const { revocations, nowSeconds, advanceSeconds } = setup();
    const session = { sid: SID, userId: "usr_alex", signedInAt: nowSeconds() };
    await revocations.revokeSession(SID, nowSeconds() + 600);
    await advanceSeconds(599);
    expect(await revocations.isSessionRevoked(session)).toBe(true);
    await advanceSeconds(1);
    expect(await revocations.isSessionRevoked(session)).toBe(false);
  });

  it("keeps a link revoked through the renewal window after it expires, then lets it go", async () => {
    const { revocations, nowSeconds, advanceSeconds } = setup();
    await revocations.revokeLink(JTI, nowSeconds() + 600);
    await advanceSeconds(600 + LINK_RENEWAL_WINDOW_SECONDS - 1);
    expect(await revocations.isLinkRevoked(link(JTI))).toBe(true);
    await advanceSeconds(1);
    expect(await revocations.isLinkRevoked(link(JTI))).toBe(false);
  });

  it("keeps a customer's revocation while their older links could still sign in or be renewed, even when asked for less", async () => {
    const { revocations, nowSeconds, advanceSeconds } = setup();
    const issuedBefore = nowSeconds() - 1;
    await revocations.revokeUser("usr_alex", nowSeconds() + DAY);
    await advanceSeconds(CUSTOMER_REVOCATION_SECONDS - 1);
    expect(await revocations.linkVerdict(link(JTI, issuedBefore))).toBe("revoked");
    await advanceSeconds(1);
    expect(await revocations.linkVerdict(link(JTI, issuedBefore))).toBe("usable");
  });

  it("keeps a customer's revocation longer when asked to", async () => {
    const { revocations, nowSeconds, advanceSeconds } = setup();
    const issuedBefore = nowSeconds() - 1;
    await revocations.revokeUser("usr_alex", nowSeconds() + CUSTOMER_REVOCATION_SECONDS + 10 * DAY);
    await advanceSeconds(CUSTOMER_REVOCATION_SECONDS + 10 * DAY - 1);
    expect(await revocations.linkVerdict(link(JTI, issuedBefore))).toBe("revoked");
  });

  it("refuses a revoked email link, and leaves other links usable", async () => {
    const { revocations, nowSeconds } = setup();
    await revocations.revokeLink(JTI, nowSeconds() + 7 * DAY);
    expect(await revocations.linkVerdict(link(JTI))).toBe("revoked");
    expect(await revocations.linkVerdict(link("jti_another1"))).toBe("usable");
  });

  it("ends a customer's links issued before their revocation, not later ones", async () => {
    const { revocations, nowSeconds, advanceSeconds } = setup();
    const before = nowSeconds() - 60;
    await revocations.revokeUser("usr_alex", nowSeconds() + DAY);
    await advanceSeconds(CLOCK_SKEW_SECONDS + 1);
    expect(await revocations.linkVerdict(link(JTI, before))).toBe("revoked");
    expect(await revocations.linkVerdict({ jti: null, userId: "usr_alex", iat: before })).toBe("revoked");
    expect(await revocations.linkVerdict(link(JTI, nowSeconds()))).toBe("usable");
    expect(await revocations.linkVerdict({ jti: JTI, userId: "usr_blair", iat: before })).toBe("usable");
  });

  it("counts links and sign-ins up to the tolerated clock skew after a revocation as before it", async () => {
    const { revocations, nowSeconds } = setup();
    // The machine that ran `npm run revoke` may be up to CLOCK_SKEW_SECONDS behind the link minter's
    // or the portal's, as verification tolerates: what they stamp that much later may predate it.
    const revokedAt = nowSeconds();
    await revocations.revokeUser("usr_alex", revokedAt + DAY);
    const session = (signedInAt: number) => ({ sid: SID, userId: "usr_alex", signedInAt });
    expect(await revocations.linkVerdict(link(JTI, revokedAt + CLOCK_SKEW_SECONDS))).toBe("revoked");
    expect(await revocations.sessionVerdict(session(revokedAt + CLOCK_SKEW_SECONDS))).toBe("revoked");
    expect(await revocations.linkVerdict(link(JTI, revokedAt + CLOCK_SKEW_SECONDS + 1))).toBe("usable");
    expect(await revocations.sessionVerdict(session(revokedAt + CLOCK_SKEW_SECONDS + 1))).toBe("active");
  });

  it("treats malformed ids as revoked, and refuses to store them", async () => {
    const { revocations, nowSeconds } = setup();
    expect(await revocations.isLinkRevoked(link("*"))).toBe(true);
    expect(await revocations.isSessionRevoked({ sid: SID, userId: "alex", signedInAt: nowSeconds() })).toBe(
      true,
    );
    await expect(revocations.revokeUser("alex", nowSeconds() + DAY)).rejects.toThrow(RangeError);
    await expect(revocations.revokeSession("x", nowSeconds() + DAY)).rejects.toThrow(RangeError);
  });

  it("fails closed for links while the store is unreachable", async () => {
    const { revocations, breakStore, restore } = setup();
    breakStore();
    expect(await revocations.linkVerdict(link(JTI))).toBe("unverifiable");
    restore();
    expect(await revocations.linkVerdict(link(JTI))).toBe("usable");
  });

  it("serves sessions unverified for a short grace while the store is unreachable, then refuses", async () => {
    const { revocations, nowSeconds, advanceSeconds, breakStore, restore } = setup();
    const session = { sid: SID, userId: "usr_alex", signedInAt: nowSeconds() };
    breakStore();
    expect(await revocations.sessionVerdict(session)).toBe("active_unverified");
    await advanceSeconds(DEFAULT_OUTAGE_GRACE_SECONDS - 1);
    expect(await revocations.sessionVerdict(session)).toBe("active_unverified");
    await advanceSeconds(1);
    expect(await revocations.sessionVerdict(session)).toBe("unverifiable");
    await expect(revocations.isSessionRevoked(session)).rejects.toThrow(/unavailable|broken/);

    restore();
    expect(await revocations.sessionVerdict(session)).toBe("active");
    breakStore();
    expect(await revocations.sessionVerdict(session)).toBe("active_unverified"); // a new outage, a new grace
  });
});

it("keeps a customer's revocation past the longest link's renewal and the longest session, clocks apart", () => {
  expect(CUSTOMER_REVOCATION_SECONDS).toBeGreaterThanOrEqual(LINK_LONGEST_REACH_SECONDS + CLOCK_SKEW_SECONDS);
  expect(CUSTOMER_REVOCATION_SECONDS).toBeGreaterThanOrEqual(
    MAX_SESSION_LIFETIME_DAYS * DAY + CLOCK_SKEW_SECONDS,
  );
  expect(CUSTOMER_REVOCATION_SECONDS % DAY).toBe(0);
});
