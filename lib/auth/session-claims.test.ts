import { describe, expect, it } from "vitest";
import { fromSessionClaims, sessionAllows, toSessionClaims } from "./session-claims";

const now = 1_800_000_000;

describe("session claims", () => {
  it("round-trips an account session and a checkout session", () => {
    const account = { userId: "usr_a", access: { kind: "account" as const }, expiresAt: now + 60 };
    const link = {
      userId: "usr_a",
      access: { kind: "checkout" as const, checkoutId: "chk_1" },
      expiresAt: now + 60,
    };
    expect(fromSessionClaims(toSessionClaims(account), now)).toEqual(account);
    expect(fromSessionClaims(toSessionClaims(link), now)).toEqual(link);
  });

  it("refuses claims without a concrete usr_ id, and ended sessions", () => {
    expect(fromSessionClaims({ access: "account", sessionExpiresAt: now + 60 }, now)).toBeNull();
    expect(fromSessionClaims({ sub: "", access: "account", sessionExpiresAt: now + 60 }, now)).toBeNull();
    expect(
      fromSessionClaims({ sub: "admin", access: "account", sessionExpiresAt: now + 60 }, now),
    ).toBeNull();
    expect(fromSessionClaims({ sub: "usr_a", access: "account", sessionExpiresAt: now }, now)).toBeNull();
    expect(
      fromSessionClaims({ sub: "usr_a", access: "checkout", sessionExpiresAt: now + 60 }, now),
    ).toBeNull();
    expect(fromSessionClaims(null, now)).toBeNull();
  });

  it("lets a checkout session read that checkout only", () => {
    const link = {
      userId: "usr_a",
      access: { kind: "checkout" as const, checkoutId: "chk_1" },
      expiresAt: now + 60,
    };
    expect(sessionAllows(link, { checkoutId: "chk_1" })).toBe(true);
    expect(sessionAllows(link, { checkoutId: "chk_2" })).toBe(false);
    expect(sessionAllows(link, "account")).toBe(false);
    const account = { userId: "usr_a", access: { kind: "account" as const }, expiresAt: now + 60 };
    expect(sessionAllows(account, "account")).toBe(true);
    expect(sessionAllows(account, { checkoutId: "chk_2" })).toBe(true);
  });
});
