import { afterEach, describe, expect, it, vi } from "vitest";
import { oidcProvider } from "./auth-options";

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
  });

  it("offers OpenID Connect only when it is configured", async () => {
    vi.stubEnv("SWEETSPOT_SANDBOX", "1");
    vi.stubEnv("NEXTAUTH_SECRET", "n".repeat(40));
    vi.stubEnv("PORTAL_LINK_SECRET", "l".repeat(40));
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
    vi.stubEnv("SWEETSPOT_SANDBOX", "1");
    vi.stubEnv("NEXTAUTH_SECRET", "n".repeat(40));
    vi.stubEnv("PORTAL_LINK_SECRET", "l".repeat(40));
    vi.stubEnv("NEXTAUTH_URL", "https://orders.example.test");
    vi.stubEnv("SESSION_LIFETIME_DAYS", "3");
    const { authOptions } = await import("./auth-options");
    const options = authOptions({ languageToKeep: async () => "es" });
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
  });
});

describe("where next-auth may send a customer after OpenID Connect", () => {
  it("keeps portal paths and refuses everything else", async () => {
    vi.stubEnv("SWEETSPOT_SANDBOX", "1");
    vi.stubEnv("NEXTAUTH_SECRET", "n".repeat(40));
    vi.stubEnv("PORTAL_LINK_SECRET", "l".repeat(40));
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
