import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { oidcProvider } from "./auth-options";
import { type CustomerSession, newSessionId, toSessionClaims } from "./session-claims";

/** The session cookie the browser signing in carries, if any. */
const cookieJar = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: () => (cookieJar.value === undefined ? undefined : { value: cookieJar.value }),
  }),
}));
const NEXTAUTH_SECRET = "n".repeat(40);

/** The sandbox's configuration with this file's session secret (undone by vi.unstubAllEnvs). */
function stubSandboxEnv(): void {
  vi.stubEnv("SWEETSPOT_SANDBOX", "1");
  vi.stubEnv("NEXTAUTH_SECRET", NEXTAUTH_SECRET);
  vi.stubEnv("PORTAL_LINK_SECRET", "l".repeat(40));
}

/** The browser carries `session`'s cookie. */
async function carrying(session: CustomerSession): Promise<void> {
  cookieJar.value = await encode({ token: toSessionClaims(session), secret: NEXTAUTH_SECRET });
}

const config = {
  issuer: "https://id.example.test",
  clientId: "portal",
  clientSecret: "s3cret",
  userIdClaim: "sweetspot_user_id",
};

describe("the OpenID Connect provider", () => {
  it("is discovered from the issuer and uses PKCE, state and nonce", () => {
    const provider = oidcProvider(config);
    expect(provider.wellKnown).toBe("https://id.example.test/.well-known/openid-configuration");
    expect(provider.idToken).toBe(true);
    expect(provider.checks).toEqual(["pkce", "state", "nonce"]);
  });

  it("signs in as the usr_ id in the configured claim", async () => {
    const user = await oidcProvider(config).profile({ sub: "abc", sweetspot_user_id: "usr_42" }, {});
    expect(user).toEqual({ id: "usr_42" });
  });

  it("refuses a profile without a valid usr_ id, rather than falling back to `sub`", () => {
    const provider = oidcProvider(config);
    expect(() => provider.profile({ sub: "usr_sub_is_not_trusted" }, {})).toThrow(/sweetspot_user_id/);
    expect(() => provider.profile({ sweetspot_user_id: "admin" }, {})).toThrow();
  });
});

describe("authOptions", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    cookieJar.value = undefined;
  });

  it("offers OpenID Connect only when it is configured", async () => {
    stubSandboxEnv();
    const { authOptions } = await import("./auth-options");
    expect(authOptions().providers).toEqual([]);

    vi.resetModules();
    vi.stubEnv("OIDC_ISSUER", config.issuer);
    vi.stubEnv("OIDC_CLIENT_ID", config.clientId);
    vi.stubEnv("OIDC_CLIENT_SECRET", config.clientSecret);
    const fresh = await import("./auth-options");
    expect(fresh.authOptions().providers.map((provider) => provider.id)).toEqual(["oidc"]);
    expect(fresh.authOptions().session?.maxAge).toBe(14 * 24 * 60 * 60);
  });

  it("gives every cookie the __Host- prefix over https, and a session its own id and absolute end", async () => {
    stubSandboxEnv();
    vi.stubEnv("NEXTAUTH_URL", "https://orders.example.test");
    vi.stubEnv("SESSION_LIFETIME_DAYS", "3");
    const { authOptions } = await import("./auth-options");
    // The session signing in replaces, the same customer's, opened by a Spanish email.
    await carrying(linkSession("usr_42", "es"));
    const options = authOptions();
    for (const cookie of Object.values(options.cookies ?? {})) {
      expect(cookie.name).toMatch(/^__Host-/);
      expect(cookie.options).toMatchObject({ secure: true, path: "/" });
      expect(cookie.options).not.toHaveProperty("domain");
    }
    expect(options.cookies?.sessionToken?.name).toBe("__Host-sweetspot.session");
    const claims = await options.callbacks?.jwt?.({
      token: {},
      user: { id: "usr_42" },
      account: { provider: "oidc", type: "oauth", providerAccountId: "x" },
    });
    const now = Math.floor(Date.now() / 1000);
    // The session signing in replaces spoke Spanish (its email's language): the new one keeps it.
    expect(claims).toMatchObject({
      sub: "usr_42",
      sid: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      lang: "es",
    });
    expect(Number(claims?.sessionExpiresAt) - now).toBeGreaterThan(3 * 86_400 - 60);
    expect(Number(claims?.sessionExpiresAt) - now).toBeLessThanOrEqual(3 * 86_400);
    expect(Number(claims?.signedInAt)).toBeGreaterThanOrEqual(now - 60);
    expect(Number(claims?.signedInAt)).toBeLessThanOrEqual(now);
  });

  it("ends another customer's session that an OpenID Connect sign-in replaces, as switching by link does", async () => {
    stubSandboxEnv();
    const { authOptions } = await import("./auth-options");
    const { sessionGuard } = await import("./portal-session-guard");
    const signIn = async (current: CustomerSession) => {
      await carrying(current);
      await authOptions().callbacks?.jwt?.({
        token: {},
        user: { id: "usr_42" },
        account: { provider: "oidc", type: "oauth", providerAccountId: "x" },
      });
    };

    const othersLink = linkSession("usr_7");
    expect(await sessionGuard().sessionIsUsable(othersLink)).toBe(true);
    await signIn(othersLink);
    // A copy of the replaced cookie is refused from now on, on every instance sharing the store.
    expect(await sessionGuard().sessionIsUsable(othersLink)).toBe(false);

    // The customer's own narrower session is left alone, as the email link's sign-in leaves it.
    const ownLink = linkSession("usr_42");
    await signIn(ownLink);
    expect(await sessionGuard().sessionIsUsable(ownLink)).toBe(true);
  });
});

describe("next-auth's own sign-out", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    cookieJar.value = undefined;
  });

  it("ends the session everywhere, as the portal's /signout does, not only in this browser", async () => {
    stubSandboxEnv();
    const { authOptions } = await import("./auth-options");
    const { sessionGuard } = await import("./portal-session-guard");
    const session = linkSession("usr_42");
    await carrying(session);
    expect(await sessionGuard().sessionIsUsable(session)).toBe(true);
    // What next-auth passes after its CSRF check: the cookie's claims (ignored: the cookie is read as for any request).
    const expires = new Date(session.expiresAt * 1000).toISOString();
    await authOptions().events?.signOut?.({ token: toSessionClaims(session), session: { expires } });
    expect(await sessionGuard().sessionIsUsable(session)).toBe(false);
  });
});

describe("where next-auth may send a customer after OpenID Connect", () => {
  it("keeps portal paths and refuses everything else", async () => {
    stubSandboxEnv();
    const { authOptions } = await import("./auth-options");
    const redirect = authOptions().callbacks?.redirect;
    if (!redirect) throw new Error("no redirect callback");
    const baseUrl = "https://orders.example.test";
    expect(await redirect({ url: "/checkouts/chk_1", baseUrl })).toBe(`${baseUrl}/checkouts/chk_1`);
    expect(await redirect({ url: `${baseUrl}/checkouts?page=2`, baseUrl })).toBe(
      `${baseUrl}/checkouts?page=2`,
    );
    expect(await redirect({ url: "https://evil.example/checkouts", baseUrl })).toBe(`${baseUrl}/checkouts`);
    expect(await redirect({ url: "//evil.example", baseUrl })).toBe(`${baseUrl}/checkouts`);
    vi.unstubAllEnvs();
  });
});

/** A session an email link for one checkout opened a minute ago. */
function linkSession(userId: string, lang: CustomerSession["lang"] = null): CustomerSession {
  const now = Math.floor(Date.now() / 1000);
  return {
    userId,
    sessionId: newSessionId(),
    access: { kind: "checkout", checkoutId: "chk_1" },
    signedInAt: now - 60,
    expiresAt: now + 3600,
    lang,
  };
}
