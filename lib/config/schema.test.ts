import { describe, expect, it } from "vitest";
import {
  formatConfigProblems,
  MISSING_API_URL_PROBLEM,
  parsePortalConfig,
  SANDBOX_DEV_API_KEY,
} from "./schema";

const secretA = "a".repeat(32);
const secretB = "b".repeat(32);
let generated = 0;
const generate = () => `generated-secret-${++generated}`.padEnd(32, "x");

describe("parsePortalConfig", () => {
  it("runs against the embedded sandbox when SWEETSPOT_SANDBOX=1 asks for it, with nothing else set", () => {
    const result = parsePortalConfig({ SWEETSPOT_SANDBOX: "1" }, generate);
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
    const result = parsePortalConfig({ SWEETSPOT_SANDBOX: "1", SANDBOX_PORT: "4999" }, generate);
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
    const result = parsePortalConfig(
      { SWEETSPOT_SANDBOX: "1", NEXTAUTH_SECRET: secretA, PORTAL_LINK_SECRET: secretA },
      generate,
    );
    expect(result.ok).toBe(false);
  });

  it("wants all three OpenID Connect settings or none", () => {
    const partial = parsePortalConfig(
      { SWEETSPOT_SANDBOX: "1", OIDC_ISSUER: "https://id.example.test" },
      generate,
    );
    expect(partial.ok).toBe(false);
    const full = parsePortalConfig(
      {
        SWEETSPOT_SANDBOX: "1",
        OIDC_ISSUER: "https://id.example.test",
        OIDC_CLIENT_ID: "portal",
        OIDC_CLIENT_SECRET: "s3cret",
      },
      generate,
    );
    expect(full.ok && full.config.oidc).toEqual({
      issuer: "https://id.example.test",
      clientId: "portal",
      clientSecret: "s3cret",
      userIdClaim: "sweetspot_user_id",
    });
  });

  it("refuses to start with nothing configured, naming every missing variable in one message", () => {
    const result = parsePortalConfig({}, generate);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain(MISSING_API_URL_PROBLEM);
    const text = formatConfigProblems(result.problems);
    for (const name of ["SWEETSPOT_API_KEY", "NEXTAUTH_SECRET", "PORTAL_LINK_SECRET", "NEXTAUTH_URL"]) {
      expect(text).toContain(`${name}: required`);
    }
    expect(text).toContain("SWEETSPOT_SANDBOX=1");
  });

  it("reports malformed and missing variables together, not only the first", () => {
    const result = parsePortalConfig({ SWEETSPOT_TIMEOUT_MS: "soon" }, generate);
    expect(!result.ok && result.problems.map((problem) => problem.split(":")[0])).toEqual(
      expect.arrayContaining([
        "SWEETSPOT_TIMEOUT_MS",
        "SWEETSPOT_API_URL",
        "SWEETSPOT_API_KEY",
        "NEXTAUTH_URL",
      ]),
    );
  });

  it("treats SWEETSPOT_SANDBOX=0 as not asking for the sandbox", () => {
    const result = parsePortalConfig({ SWEETSPOT_SANDBOX: "0" }, generate);
    expect(!result.ok && result.problems).toContain(MISSING_API_URL_PROBLEM);
    const nonsense = parsePortalConfig({ SWEETSPOT_SANDBOX: "yes please" }, generate);
    expect(!nonsense.ok && nonsense.problems.join("\n")).toMatch(/SWEETSPOT_SANDBOX: must be 1/);
  });

  it("refuses the sandbox and a real API at once", () => {
    const result = parsePortalConfig({ ...realApi, SWEETSPOT_SANDBOX: "1" }, generate);
    expect(!result.ok && result.problems.join("\n")).toMatch(
      /SWEETSPOT_SANDBOX, SWEETSPOT_API_URL: set one, not both/,
    );
  });

  it.each([
    ["https://api.example.test/", "https://api.example.test"],
    ["https://api.example.test///", "https://api.example.test"],
    ["https://gateway.example.test/sweetspot/", "https://gateway.example.test/sweetspot"],
  ])("reads the API URL %s as the base %s", (given, base) => {
    const result = parsePortalConfig({ ...realApi, SWEETSPOT_API_URL: given }, generate);
    expect(result.ok && result.config.sweetspotApiUrl).toBe(base);
  });

  it.each([
    ["https://api.example.test/v1", "write https://api.example.test"],
    ["https://api.example.test/v1/", "write https://api.example.test"],
    ["https://gateway.example.test/sweetspot/V1", "write https://gateway.example.test/sweetspot"],
  ])("refuses an API URL ending in /v1 (%s) and says what to write", (given, advice) => {
    const result = parsePortalConfig({ ...realApi, SWEETSPOT_API_URL: given }, generate);
    expect(!result.ok && result.problems.join("\n")).toContain(advice);
  });

  it("refuses credentials or a query in the API URL", () => {
    const result = parsePortalConfig(
      { ...realApi, SWEETSPOT_API_URL: "https://user:pw@api.example.test?key=1" },
      generate,
    );
    expect(!result.ok && result.problems.join("\n")).toMatch(/SWEETSPOT_API_URL: must be a plain base URL/);
  });

  it.each([
    ["http://127.0.0.1:4010", true],
    ["http://localhost:4010", true],
    ["http://[::1]:4010", true],
    ["http://api.example.test", false],
    ["http://10.0.0.5:8080", false],
  ])("accepts plain-http API URL %s only for loopback hosts (%s)", (apiUrl, accepted) => {
    const result = parsePortalConfig({ ...realApi, SWEETSPOT_API_URL: apiUrl }, generate);
    expect(result.ok).toBe(accepted);
    if (!result.ok) expect(result.problems.join("\n")).toMatch(/SWEETSPOT_API_URL: must be https/);
  });

  it("accepts a plain-http OpenID Connect issuer only on this machine", () => {
    const oidc = { OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "s3cret" };
    const remote = parsePortalConfig(
      { ...realApi, ...oidc, OIDC_ISSUER: "http://id.example.test" },
      generate,
    );
    expect(!remote.ok && remote.problems.join("\n")).toMatch(/OIDC_ISSUER: must be https/);
    const local = parsePortalConfig(
      { ...realApi, ...oidc, OIDC_ISSUER: "http://127.0.0.1:4010/oidc" },
      generate,
    );
    expect(local.ok).toBe(true);
  });

  it("takes an optional support phone and https help page, and names malformed ones", () => {
    const unset = parsePortalConfig({ SWEETSPOT_SANDBOX: "1" }, generate);
    expect(unset.ok && [unset.config.supportPhone, unset.config.supportUrl]).toEqual([null, null]);
    const set = parsePortalConfig(
      {
        SWEETSPOT_SANDBOX: "1",
        SUPPORT_PHONE: "+1 (555) 010-2000",
        SUPPORT_URL: "https://help.example.test/orders",
      },
      generate,
    );
    expect(set.ok && [set.config.supportPhone, set.config.supportUrl]).toEqual([
      "+1 (555) 010-2000",
      "https://help.example.test/orders",
    ]);
    const bad = parsePortalConfig(
      { SWEETSPOT_SANDBOX: "1", SUPPORT_PHONE: "call us", SUPPORT_URL: "http://help.example.test" },
      generate,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.join("\n")).toMatch(/SUPPORT_PHONE/);
    expect(bad.problems.join("\n")).toMatch(/SUPPORT_URL/);
  });

  it("takes an optional redis:// or rediss:// REDIS_URL for the shared store", () => {
    const unset = parsePortalConfig(realApi, generate);
    expect(unset.ok && unset.config.redisUrl).toBeNull();
    const plain = parsePortalConfig({ ...realApi, REDIS_URL: "redis://:pw@cache.internal:6380/2" }, generate);
    expect(plain.ok && plain.config.redisUrl).toBe("redis://:pw@cache.internal:6380/2");
    expect(parsePortalConfig({ ...realApi, REDIS_URL: "rediss://cache.internal" }, generate).ok).toBe(true);
    const wrong = parsePortalConfig({ ...realApi, REDIS_URL: "http://cache.internal:6379" }, generate);
    expect(!wrong.ok && wrong.problems.join("\n")).toMatch(
      /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });

  it("logs every API call against the real API and only trouble in sandbox mode, unless LOG_LEVEL says otherwise", () => {
    const real = parsePortalConfig(realApi, generate);
    expect(real.ok && real.config.logLevel).toBe("info");
    const sandbox = parsePortalConfig({ SWEETSPOT_SANDBOX: "1" }, generate);
    expect(sandbox.ok && sandbox.config.logLevel).toBe("warn");
    const chatty = parsePortalConfig({ SWEETSPOT_SANDBOX: "1", LOG_LEVEL: "info" }, generate);
    expect(chatty.ok && chatty.config.logLevel).toBe("info");
    const quiet = parsePortalConfig({ ...realApi, LOG_LEVEL: "warn" }, generate);
    expect(quiet.ok && quiet.config.logLevel).toBe("warn");
    const wrong = parsePortalConfig({ ...realApi, LOG_LEVEL: "debug" }, generate);
    expect(!wrong.ok && wrong.problems.join("\n")).toMatch(/LOG_LEVEL: must be info .* or warn/);
  });

  it("trusts no forwarding proxy unless TRUSTED_PROXY_COUNT says how many stand in front", () => {
    const unset = parsePortalConfig(realApi, generate);
    expect(unset.ok && unset.config.trustedProxyCount).toBe(0);
    const two = parsePortalConfig({ ...realApi, TRUSTED_PROXY_COUNT: "2" }, generate);
    expect(two.ok && two.config.trustedProxyCount).toBe(2);
    const wrong = parsePortalConfig({ ...realApi, TRUSTED_PROXY_COUNT: "yes" }, generate);
    expect(!wrong.ok && wrong.problems.join("\n")).toMatch(/TRUSTED_PROXY_COUNT:/);
  });
});

const realApi = {
  SWEETSPOT_API_URL: "https://api.example.test",
  SWEETSPOT_API_KEY: "sk_live_x",
  NEXTAUTH_SECRET: secretA,
  PORTAL_LINK_SECRET: secretB,
  NEXTAUTH_URL: "https://orders.example.test",
};

describe("the notification webhook", () => {
  const realApi = {
    SWEETSPOT_API_URL: "https://api.example.test",
    SWEETSPOT_API_KEY: "sk_live_x",
    NEXTAUTH_SECRET: secretA,
    PORTAL_LINK_SECRET: secretB,
    NEXTAUTH_URL: "https://orders.example.test",
  };
  const webhookSecret = "w".repeat(32);

  it("is off without NOTIFY_WEBHOOK_URL", () => {
    const result = parsePortalConfig(realApi, generate);
    expect(result.ok && result.config.notifyWebhook).toBeNull();
  });

  it("takes an https URL with a secret of at least 32 characters, both exactly as written", () => {
    const result = parsePortalConfig(
      {
        ...realApi,
        NOTIFY_WEBHOOK_URL: "https://mail.example.test/hooks/portal/",
        NOTIFY_WEBHOOK_SECRET: ` ${webhookSecret}`,
      },
      generate,
    );
    expect(result.ok && result.config.notifyWebhook).toEqual({
      url: "https://mail.example.test/hooks/portal/",
      secret: ` ${webhookSecret}`,
    });
  });

  it("allows plain http only on this machine", () => {
    const local = parsePortalConfig(
      {
        ...realApi,
        NOTIFY_WEBHOOK_URL: "http://127.0.0.1:4010/__sandbox/outbox",
        NOTIFY_WEBHOOK_SECRET: webhookSecret,
      },
      generate,
    );
    expect(local.ok).toBe(true);
    const remote = parsePortalConfig(
      {
        ...realApi,
        NOTIFY_WEBHOOK_URL: "http://mail.example.test/hook",
        NOTIFY_WEBHOOK_SECRET: webhookSecret,
      },
      generate,
    );
    expect(remote.ok).toBe(false);
    if (!remote.ok) expect(remote.problems.join("\n")).toMatch(/NOTIFY_WEBHOOK_URL: must be https/);
  });

  it("requires the secret when the URL is set, and refuses a short one", () => {
    const missing = parsePortalConfig(
      { ...realApi, NOTIFY_WEBHOOK_URL: "https://mail.example.test/hook" },
      generate,
    );
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.problems.join("\n")).toMatch(/NOTIFY_WEBHOOK_SECRET: required when NOTIFY_WEBHOOK_URL/);
    const short = parsePortalConfig(
      {
        ...realApi,
        NOTIFY_WEBHOOK_URL: "https://mail.example.test/hook",
        NOTIFY_WEBHOOK_SECRET: "too-short",
      },
      generate,
    );
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.problems.join("\n")).toMatch(/NOTIFY_WEBHOOK_SECRET: must be at least 32/);
  });

  it("refuses credentials in the URL, a non-URL, and a secret shared with the link secret", () => {
    const result = parsePortalConfig(
      {
        ...realApi,
        NOTIFY_WEBHOOK_URL: "https://user:pass@mail.example.test/hook",
        NOTIFY_WEBHOOK_SECRET: secretB,
      },
      generate,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join("\n")).toMatch(/NOTIFY_WEBHOOK_URL: must not contain credentials/);
    expect(result.problems.join("\n")).toMatch(/NOTIFY_WEBHOOK_SECRET: must differ/);
    const garbage = parsePortalConfig({ ...realApi, NOTIFY_WEBHOOK_URL: "mail server" }, generate);
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(garbage.problems.join("\n")).toMatch(/NOTIFY_WEBHOOK_URL: must be an absolute/);
  });
});
