import { expect, it } from "vitest";
import { z } from "zod";
import { createLastKnownGood } from "@/lib/store/last-known-good";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { createRevocations, DEFAULT_OUTAGE_GRACE_SECONDS } from "./revocations";
import type { CustomerSession } from "./session-claims";
import { createSessionGuard } from "./session-guard";

const SECRET = "session-guard-test-secret-0123456789abcdef";
const HOUR = 60 * 60;

describeWithEachStore("session guard", (current) => {
  const setup = () => {
    const harness = current();
    const nowSeconds = () => Math.floor(harness.now() / 1000);
    const guard = createSessionGuard(harness.store, SECRET, { now: harness.now });
    const session = (sessionId: string, userId = "usr_alex"): CustomerSession => ({
      userId,
      sessionId,
      access: { kind: "account" },
      expiresAt: nowSeconds() + HOUR,
      lang: null,
    });
    return { ...harness, guard, session, nowSeconds };
  };

  it("refuses a signed-out session on every guard sharing the store, and only that session", async () => {
    const { store, now, guard, session, nowSeconds } = setup();
    const signedOut = session("sid_aaaaaaaaaaaaaaaaaaaaaa");
    const other = session("sid_bbbbbbbbbbbbbbbbbbbbbb");
    const iat = nowSeconds() - 60;
    expect(await guard.sessionIsUsable(signedOut, iat)).toBe(true);
    expect(await guard.endSession(signedOut)).toEqual({ revoked: true, viewsForgotten: true });
    const elsewhere = createSessionGuard(store, SECRET, { now });
    expect(await elsewhere.sessionIsUsable(signedOut, iat)).toBe(false);
    expect(await elsewhere.sessionIsUsable(other, iat)).toBe(true);
  });

  it("deletes the customer's saved views on sign-out, and nobody else's", async () => {
    const { store, now, guard, session } = setup();
    const views = createLastKnownGood(store, SECRET, { now });
    await views.rememberView("usr_alex", "checkouts", { count: 1 });
    await views.rememberView("usr_blair", "checkouts", { count: 2 });
    await guard.endSession(session("sid_aaaaaaaaaaaaaaaaaaaaaa"));
    expect(await views.lastKnownView("usr_alex", "checkouts", countSchema)).toBeNull();
    expect((await views.lastKnownView("usr_blair", "checkouts", countSchema))?.view).toEqual({ count: 2 });
  });

  it("refuses revoked links, and lets links without a jti through (they cannot be revoked)", async () => {
    const { store, now, guard, nowSeconds } = setup();
    await createRevocations(store, SECRET, { now }).revokeLink("jti_Zx81Qw62Ev", nowSeconds() + HOUR);
    expect(await guard.linkVerdict({ tokenId: "jti_Zx81Qw62Ev", userId: "usr_alex", issuedAt: 0 })).toBe(
      "revoked",
    );
    expect(await guard.linkVerdict({ tokenId: "jti_Other12345", userId: "usr_alex", issuedAt: 0 })).toBe(
      "usable",
    );
    expect(await guard.linkVerdict({ tokenId: null, userId: "usr_alex", issuedAt: 0 })).toBe("usable");
  });

  it("serves sessions through a short outage, then refuses them; links fail closed at once", async () => {
    const { guard, session, nowSeconds, breakStore, restore, advanceSeconds } = setup();
    const current = session("sid_aaaaaaaaaaaaaaaaaaaaaa");
    const iat = nowSeconds() - 60;
    breakStore();
    expect(await guard.sessionIsUsable(current, iat)).toBe(true);
    expect(await guard.linkVerdict({ tokenId: "jti_Zx81Qw62Ev", userId: "usr_alex", issuedAt: 0 })).toBe(
      "unverifiable",
    );
    await advanceSeconds(DEFAULT_OUTAGE_GRACE_SECONDS);
    expect(await guard.sessionIsUsable(current, iat)).toBe(false);
    restore();
    expect(await guard.sessionIsUsable(current, iat)).toBe(true);
  });

  it("reports a sign-out it could not record instead of throwing", async () => {
    const { guard, session, breakStore } = setup();
    breakStore();
    expect(await guard.endSession(session("sid_aaaaaaaaaaaaaaaaaaaaaa"))).toEqual({
      revoked: false,
      viewsForgotten: false,
    });
  });
});

const countSchema = z.object({ count: z.number() });
