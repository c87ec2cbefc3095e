import { describe, expect, it } from "vitest";
import { fromSessionClaims, newSessionId, sessionAllows, toSessionClaims } from "./session-claims";

const now = 1_800_000_000;
const SID = "AAAAAAAAAAAAAAAAAAAAAA";

describe("session claims", () => {
  it("round-trips an account session and a checkout session", () => {
    const account = {
      userId: "usr_a",
      sessionId: SID,
      access: { kind: "account" as const },
      signedInAt: now - 60,
      expiresAt: now + 60,
      lang: null,
    };
    const link = {
      userId: "usr_a",
      sessionId: SID,
      access: { kind: "checkout" as const, checkoutId: "chk_1" },
      signedInAt: now - 60,
      expiresAt: now + 60,
      lang: "es" as const,
    };
    expect(fromSessionClaims(toSessionClaims(account), now)).toEqual(account);
    expect(fromSessionClaims(toSessionClaims(link), now)).toEqual(link);
  });

  it("refuses a session without the time it signed in, which revoking its customer could not end", () => {
    const claims = { sub: "usr_a", sid: SID, access: "account", sessionExpiresAt: now + 60 };
    expect(fromSessionClaims(claims, now)).toBeNull();
    // The JWT's `iat` is no substitute: next-auth renews it whenever it re-encodes the cookie.
    expect(fromSessionClaims({ ...claims, iat: now - 60 }, now)).toBeNull();
    expect(fromSessionClaims({ ...claims, signedInAt: now - 60 }, now)?.signedInAt).toBe(now - 60);
  });

  it("refuses a session claiming a language the portal does not speak", () => {
    const claims = {
      sub: "usr_a",
      sid: SID,
      access: "account",
      signedInAt: now - 60,
      sessionExpiresAt: now + 60,
      lang: "fr",
    };
    expect(fromSessionClaims(claims, now)).toBeNull();
    expect(fromSessionClaims({ ...claims, lang: "es" }, now)?.lang).toBe("es");
  });

  it("refuses claims without a concrete usr_ id, and ended sessions", () => {
    expect(fromSessionClaims({ access: "account", sessionExpiresAt: now + 60 }, now)).toBeNull();
    expect(fromSessionClaims({ sub: "", access: "account", sessionExpiresAt: now + 60 }, now)).toBeNull();
    expect(
      fromSessionClaims({ sub: "admin", access: "account", sessionExpiresAt: now + 60 }, now),
    ).toBeNull();
    expect(
      fromSessionClaims(
        { sub: "usr_a", sid: SID, access: "account", signedInAt: now - 60, sessionExpiresAt: now },
        now,
      ),
    ).toBeNull();
    expect(
      fromSessionClaims(
        { sub: "usr_a", sid: SID, access: "checkout", signedInAt: now - 60, sessionExpiresAt: now + 60 },
        now,
      ),
    ).toBeNull();
    expect(fromSessionClaims(null, now)).toBeNull();
  });

  it("refuses a session without a session id, which could never be revoked", () => {
    expect(
      fromSessionClaims({ sub: "usr_a", access: "account", sessionExpiresAt: now + 60 }, now),
    ).toBeNull();
    expect(
      fromSessionClaims({ sub: "usr_a", sid: "short", access: "account", sessionExpiresAt: now + 60 }, now),
    ).toBeNull();
  });

  it("gives every session its own 128-bit id", () => {
    const ids = new Set(Array.from({ length: 50 }, newSessionId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("lets a checkout session read that checkout only", () => {
    const link = {
      userId: "usr_a",
      sessionId: SID,
      access: { kind: "checkout" as const, checkoutId: "chk_1" },
      signedInAt: now - 60,
      expiresAt: now + 60,
      lang: null,
    };
    expect(sessionAllows(link, { checkoutId: "chk_1" })).toBe(true);
    expect(sessionAllows(link, { checkoutId: "chk_2" })).toBe(false);
    expect(sessionAllows(link, "account")).toBe(false);
    const account = {
      userId: "usr_a",
      sessionId: SID,
      access: { kind: "account" as const },
      signedInAt: now - 60,
      expiresAt: now + 60,
      lang: null,
    };
    expect(sessionAllows(account, "account")).toBe(true);
    expect(sessionAllows(account, { checkoutId: "chk_2" })).toBe(true);
  });
});
