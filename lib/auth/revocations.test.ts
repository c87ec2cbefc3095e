import { expect, it } from "vitest";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { LINK_RENEWAL_WINDOW_SECONDS } from "./link-token";
import { createRevocations, DEFAULT_OUTAGE_GRACE_SECONDS } from "./revocations";

const DAY = 24 * 60 * 60;
const SID = "sid_4mTq9xYb2Lk";
const OTHER_SID = "sid_8pWe3rTy7Uz";
const JTI = "jti_Zx81Qw62Ev";
/** A link of usr_alex's issued at `iat` (default: long ago). */
const link = (jti: string, iat = 0) => ({ jti, userId: "usr_alex", iat });

describeWithEachStore("revocations", (current) => {
  const setup = () => {
    const { store, now, advanceSeconds, breakStore, restore } = current();
    const revocations = createRevocations(store, { now });
    const nowSeconds = () => Math.floor(now() / 1000);
    return { revocations, nowSeconds, advanceSeconds, breakStore, restore };
  };

  it("refuses a revoked session everywhere the store reaches, and only that session", async () => {
    const { revocations, nowSeconds } = setup();
    const iat = nowSeconds() - 60;
    await revocations.revokeSession(SID, nowSeconds() + DAY);
    expect(await revocations.isSessionRevoked({ sid: SID, userId: "usr_alex", iat })).toBe(true);
    expect(await revocations.isSessionRevoked({ sid: OTHER_SID, userId: "usr_alex", iat })).toBe(false);
    expect(await revocations.sessionVerdict({ sid: SID, userId: "usr_alex", iat })).toBe("revoked");
    expect(await revocations.sessionVerdict({ sid: OTHER_SID, userId: "usr_alex", iat })).toBe("active");
  });

  it("ends every earlier session of a customer, but not later sign-ins or other customers", async () => {
    const { revocations, nowSeconds, advanceSeconds } = setup();
    const earlier = { sid: SID, userId: "usr_alex", iat: nowSeconds() - 3600 };
    await revocations.revokeUser("usr_alex", nowSeconds() + 30 * DAY);
    expect(await revocations.isSessionRevoked(earlier)).toBe(true);
    expect(await revocations.isSessionRevoked({ ...earlier, userId: "usr_blair" })).toBe(false);
    await advanceSeconds(5);
    const later = { sid: OTHER_SID, userId: "usr_alex", iat: nowSeconds() };
    expect(await revocations.isSessionRevoked(later)).toBe(false);
  });

  it("lets a revocation expire when the token it revokes would have", async () => {
    const { revocations, nowSeconds, advanceSeconds } = setup();
    const session = { sid: SID, userId: "usr_alex", iat: nowSeconds() };
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
    await advanceSeconds(5);
    expect(await revocations.linkVerdict(link(JTI, before))).toBe("revoked");
    expect(await revocations.linkVerdict({ jti: null, userId: "usr_alex", iat: before })).toBe("revoked");
    expect(await revocations.linkVerdict(link(JTI, nowSeconds()))).toBe("usable");
    expect(await revocations.linkVerdict({ jti: JTI, userId: "usr_blair", iat: before })).toBe("usable");
  });

  it("treats malformed ids as revoked, and refuses to store them", async () => {
    const { revocations, nowSeconds } = setup();
    expect(await revocations.isLinkRevoked(link("*"))).toBe(true);
    expect(await revocations.isSessionRevoked({ sid: SID, userId: "alex", iat: nowSeconds() })).toBe(true);
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
    const session = { sid: SID, userId: "usr_alex", iat: nowSeconds() };
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
