import { describe, expect, it } from "vitest";
import { LINK_RENEWAL_WINDOW_SECONDS, MAX_LINK_TTL_SECONDS } from "../../lib/auth/link-token";
import { CUSTOMER_REVOCATION_SECONDS } from "../../lib/auth/revocations";
import {
  LONGEST_TOKEN_SECONDS,
  parseRevokeArgs,
  REVOKE_USAGE,
  resolvePortalSecret,
  resolveRedisUrl,
} from "./revoke-cli";

const NOW = 1_800_000_000;

describe("parseRevokeArgs", () => {
  it("keeps a customer's revocation, by default, until every older link can no longer be renewed", () => {
    expect(parseRevokeArgs(["--user", "usr_demo_alex"], NOW)).toEqual({
      kind: "request",
      request: {
        target: { kind: "user", userId: "usr_demo_alex" },
        untilEpochSeconds: NOW + CUSTOMER_REVOCATION_SECONDS,
        skipSecretCheck: false,
      },
    });
    expect(CUSTOMER_REVOCATION_SECONDS).toBeGreaterThan(MAX_LINK_TTL_SECONDS + LINK_RENEWAL_WINDOW_SECONDS);
    // A session or a link alone lives at most the longest token.
    expect(parseRevokeArgs(["--session", "sid_4mTq9xYb2Lk"], NOW)).toMatchObject({
      request: { untilEpochSeconds: NOW + LONGEST_TOKEN_SECONDS },
    });
    expect(LONGEST_TOKEN_SECONDS).toBeGreaterThanOrEqual(MAX_LINK_TTL_SECONDS);
  });

  it("refuses a customer revocation shorter than that, saying why, and takes a longer one", () => {
    for (const argv of [
      ["--user", "usr_a", "--ttl", "30d"],
      ["--user", "usr_a", "--until", String(NOW + CUSTOMER_REVOCATION_SECONDS - 1)],
    ]) {
      const parsed = parseRevokeArgs(argv, NOW);
      expect(parsed.kind === "usage_error" && parsed.message, argv.join(" ")).toMatch(
        /--user revocation must be kept at least 61d .*ask for a new link/,
      );
    }
    expect(parseRevokeArgs(["--user", "usr_a", "--ttl", "90d"], NOW)).toMatchObject({
      request: { untilEpochSeconds: NOW + 90 * 86_400 },
    });
    // Sessions and links keep their own shorter lifetimes.
    expect(parseRevokeArgs(["--link", "jti_Zx81Qw62Ev", "--ttl", "1d"], NOW).kind).toBe("request");
  });

  it("takes one session or one link, with --ttl or --until", () => {
    expect(parseRevokeArgs(["--session", "sid_4mTq9xYb2Lk", "--ttl", "14d"], NOW)).toEqual({
      kind: "request",
      request: {
        target: { kind: "session", sid: "sid_4mTq9xYb2Lk" },
        untilEpochSeconds: NOW + 14 * 86_400,
        skipSecretCheck: false,
      },
    });
    expect(parseRevokeArgs(["--link", "jti_Zx81Qw62Ev", "--until", String(NOW + 60)], NOW)).toEqual({
      kind: "request",
      request: {
        target: { kind: "link", jti: "jti_Zx81Qw62Ev" },
        untilEpochSeconds: NOW + 60,
        skipSecretCheck: false,
      },
    });
  });

  it("takes --skip-secret-check with any target", () => {
    expect(parseRevokeArgs(["--user", "usr_a", "--skip-secret-check"], NOW)).toMatchObject({
      request: { target: { kind: "user", userId: "usr_a" }, skipSecretCheck: true },
    });
    expect(parseRevokeArgs(["--skip-secret-check", "--link", "jti_Zx81Qw62Ev"], NOW)).toMatchObject({
      request: { skipSecretCheck: true },
    });
  });

  it("wants exactly one target", () => {
    const none = parseRevokeArgs([], NOW);
    expect(none.kind === "usage_error" && none.message).toMatch(/exactly one of --user, --session or --link/);
    const two = parseRevokeArgs(["--user", "usr_a", "--link", "jti_Zx81Qw62Ev"], NOW);
    expect(two.kind === "usage_error" && two.message).toMatch(/exactly one/);
  });

  it("names what is wrong with an id, a time or a duration", () => {
    const cases: [string[], RegExp][] = [
      [["--user", "alex"], /--user must be "usr_"/],
      [["--session", "short"], /--session must be 8-128/],
      [["--link", "jti with spaces"], /--link must be 8-128/],
      [["--user", "usr_a", "--until", "tomorrow"], /--until must be seconds since the epoch/],
      [["--user", "usr_a", "--until", String(NOW - 1)], /in the past/],
      [["--user", "usr_a", "--ttl", "two weeks"], /--ttl must look like/],
      [["--user", "usr_a", "--ttl", "1d", "--until", String(NOW + 9)], /--until or --ttl, not both/],
      [["--user", "usr_a", "--force"], /--force/],
      [["--migrate-legacy"], /--migrate-legacy/],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseRevokeArgs(argv, NOW);
      expect(parsed.kind === "usage_error" && parsed.message, argv.join(" ")).toMatch(message);
    }
  });

  it("answers --help, naming the override", () => {
    expect(parseRevokeArgs(["--help"], NOW)).toEqual({ kind: "help" });
    expect(REVOKE_USAGE).toMatch(/--skip-secret-check\n\s+write even when the secret marker/);
  });
});

describe("resolveRedisUrl", () => {
  it("refuses to run without REDIS_URL, explaining why", () => {
    const result = resolveRedisUrl({});
    expect(!result.ok && result.message).toMatch(/REDIS_URL is not set.*cannot reach/);
  });

  it("accepts redis:// and rediss:// only", () => {
    expect(resolveRedisUrl({ REDIS_URL: "redis://127.0.0.1:6379" })).toEqual({
      ok: true,
      url: "redis://127.0.0.1:6379",
    });
    expect(resolveRedisUrl({ REDIS_URL: "rediss://cache.internal" }).ok).toBe(true);
    expect(resolveRedisUrl({ REDIS_URL: "https://cache.internal" }).ok).toBe(false);
  });
});

describe("resolvePortalSecret", () => {
  it("refuses to run without the portal's NEXTAUTH_SECRET, explaining why", () => {
    const unset = resolvePortalSecret({});
    expect(unset.ok === false && unset.message).toMatch(/NEXTAUTH_SECRET is not set.*portal's own value/);
    expect(resolvePortalSecret({ NEXTAUTH_SECRET: "   " }).ok).toBe(false);
    const short = resolvePortalSecret({ NEXTAUTH_SECRET: "too-short" });
    expect(short.ok === false && short.message).toMatch(/shorter than 32 characters/);
  });

  it("takes it trimmed, as the portal does", () => {
    const secret = "revoke-cli-test-secret-0123456789abcdef";
    expect(resolvePortalSecret({ NEXTAUTH_SECRET: ` ${secret}\n` })).toEqual({ ok: true, secret });
  });
});
