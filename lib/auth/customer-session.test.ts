import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toSessionClaims } from "./session-claims";

/** The session cookie the request under test carries. */
const cookieJar = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: () => (cookieJar.value === undefined ? undefined : { value: cookieJar.value }),
  }),
}));

const SECRET = "customer-session-test-secret-0123456789ab";
const HOUR = 60 * 60;

describe("a session revoked with its customer", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T12:00:00Z"));
    vi.stubEnv("SWEETSPOT_SANDBOX", "1");
    vi.stubEnv("NEXTAUTH_SECRET", SECRET);
    vi.stubEnv("PORTAL_LINK_SECRET", "l".repeat(40));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("stays refused when its cookie is re-encoded later, as next-auth's session action would", async () => {
    const { getCustomerSession, startSession } = await import("./customer-session");
    const { createRevocations } = await import("./revocations");
    const { sharedStore } = await import("@/lib/store/shared");
    const session = startSession("usr_revoked", { kind: "account" });
    const claims = toSessionClaims(session);
    cookieJar.value = await encode({ token: claims, secret: SECRET });
    expect((await getCustomerSession())?.userId).toBe("usr_revoked");

    vi.advanceTimersByTime(HOUR * 1000);
    await createRevocations(sharedStore(), SECRET).revokeUser("usr_revoked", Date.now() / 1000 + HOUR);

    // A copy refreshed after the revocation: same claims, fresh `iat` and `exp` from next-auth's encode.
    vi.advanceTimersByTime(HOUR * 1000);
    cookieJar.value = await encode({ token: claims, secret: SECRET });
    expect(await getCustomerSession()).toBeNull();
  });
});
