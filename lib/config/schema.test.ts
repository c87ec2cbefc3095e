import { describe, expect, it } from "vitest";
import { formatConfigProblems, parsePortalConfig, SANDBOX_DEV_API_KEY } from "./schema";

const secretA = "a".repeat(32);
const secretB = "b".repeat(32);
let generated = 0;
const generate = () => `generated-secret-${++generated}`.padEnd(32, "x");

describe("parsePortalConfig", () => {
  it("runs against the embedded sandbox with no configuration at all", () => {
    const result = parsePortalConfig({}, generate);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.sandboxMode).toBe(true);
    expect(result.config.sweetspotApiUrl).toBe("http://127.0.0.1:4010");
    expect(result.config.sweetspotApiKey).toBe(SANDBOX_DEV_API_KEY);
    expect(result.config.sweetspotTimeoutMs).toBe(5000);
    expect(result.config.generatedSecrets).toEqual(["NEXTAUTH_SECRET", "PORTAL_LINK_SECRET"]);
    expect(result.config.authSecret).not.toBe(result.config.linkSecret);
  });

  it("follows SANDBOX_PORT in sandbox mode", () => {
    const result = parsePortalConfig({ SANDBOX_PORT: "4999" }, generate);
    expect(result.ok && result.config.sweetspotApiUrl).toBe("http://127.0.0.1:4999");
  });

  it("requires the key and both secrets against a real API, naming each", () => {
    const result = parsePortalConfig({ SWEETSPOT_API_URL: "https://api.example.test/" }, generate);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join("\n")).toMatch(/SWEETSPOT_API_KEY/);
    expect(result.problems.join("\n")).toMatch(/NEXTAUTH_SECRET/);
    expect(result.problems.join("\n")).toMatch(/PORTAL_LINK_SECRET/);
  });

  it("accepts a complete real-API configuration and leaves sandbox mode", () => {
    const result = parsePortalConfig(
      {
        SWEETSPOT_API_URL: "https://api.example.test/",
        SWEETSPOT_API_KEY: "sk_live_x",
        NEXTAUTH_SECRET: secretA,
        PORTAL_LINK_SECRET: secretB,
        SWEETSPOT_TIMEOUT_MS: "2500",
        SWEETSPOT_AUTH_HEADER: "X-Api-Key",
        NEXTAUTH_URL: "https://orders.example.test",
      },
      generate,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.sandboxMode).toBe(false);
    expect(result.config.sweetspotApiUrl).toBe("https://api.example.test");
    expect(result.config.sweetspotTimeoutMs).toBe(2500);
    expect(result.config.sweetspotAuthHeader).toBe("X-Api-Key");
    expect(result.config.generatedSecrets).toEqual([]);
  });

  it("wants the public https URL against a real API, so session cookies are Secure", () => {
    const base = {
      SWEETSPOT_API_URL: "https://api.example.test",
      SWEETSPOT_API_KEY: "sk_live_x",
      NEXTAUTH_SECRET: secretA,
      PORTAL_LINK_SECRET: secretB,
    };
    const missing = parsePortalConfig(base, generate);
    expect(!missing.ok && missing.problems.join("\n")).toMatch(/NEXTAUTH_URL: required/);
    const plainHttp = parsePortalConfig({ ...base, NEXTAUTH_URL: "http://orders.example.test" }, generate);
    expect(!plainHttp.ok && plainHttp.problems.join("\n")).toMatch(/NEXTAUTH_URL: must be https/);
    expect(parsePortalConfig({ ...base, NEXTAUTH_URL: "http://127.0.0.1:3000" }, generate).ok).toBe(true);
    expect(parsePortalConfig({ ...base, NEXTAUTH_URL: "http://localhost:3000" }, generate).ok).toBe(true);
  });

  it("names every malformed variable at once", () => {
    const result = parsePortalConfig(
      {
        SWEETSPOT_API_URL: "ftp://nope",
        SWEETSPOT_TIMEOUT_MS: "soon",
        NEXTAUTH_SECRET: "short",
        SANDBOX_PORT: "70000",
      },
      generate,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = formatConfigProblems(result.problems);
    for (const name of ["SWEETSPOT_API_URL", "SWEETSPOT_TIMEOUT_MS", "NEXTAUTH_SECRET", "SANDBOX_PORT"]) {
      expect(text).toContain(name);
    }
    expect(text.split("\n")[0]).toMatch(/cannot start/);
  });

  it("refuses the same secret for sessions and links", () => {
    const result = parsePortalConfig({ NEXTAUTH_SECRET: secretA, PORTAL_LINK_SECRET: secretA }, generate);
    expect(result.ok).toBe(false);
  });

  it("wants all three OpenID Connect settings or none", () => {
    const partial = parsePortalConfig({ OIDC_ISSUER: "https://id.example.test" }, generate);
    expect(partial.ok).toBe(false);
    const full = parsePortalConfig(
      { OIDC_ISSUER: "https://id.example.test", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "s3cret" },
      generate,
    );
    expect(full.ok && full.config.oidc).toEqual({
      issuer: "https://id.example.test",
      clientId: "portal",
      clientSecret: "s3cret",
      userIdClaim: "sweetspot_user_id",
    });
  });

  it("takes an optional redis:// or rediss:// REDIS_URL for the shared store", () => {
    const unset = parsePortalConfig({}, generate);
    expect(unset.ok && unset.config.redisUrl).toBeNull();
    const plain = parsePortalConfig({ REDIS_URL: "redis://:pw@cache.internal:6380/2" }, generate);
    expect(plain.ok && plain.config.redisUrl).toBe("redis://:pw@cache.internal:6380/2");
    expect(parsePortalConfig({ REDIS_URL: "rediss://cache.internal" }, generate).ok).toBe(true);
    const wrong = parsePortalConfig({ REDIS_URL: "http://cache.internal:6379" }, generate);
    expect(!wrong.ok && wrong.problems.join("\n")).toMatch(
      /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });
});
