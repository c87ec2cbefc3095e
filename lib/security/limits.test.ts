import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { createMemoryStore } from "@/lib/store/memory-store";
import type { SharedStore } from "@/lib/store/shared-store";
import { recordingChanges } from "@/test-support/recording-store";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { createRequestLimiter, defineLimit, rateLimitedJson } from "./limits";

const LIMIT = defineLimit({
  name: "test-link",
  perClient: { limit: 4, windowSeconds: 60 },
  perKey: { limit: 2, windowSeconds: 60 },
});

const SECRET = "limits-test-secret-0123456789abcdefghij";

function requestFrom(forwardedFor: string): Request {
  return new Request("http://portal.test/link", { headers: { "x-forwarded-for": forwardedFor } });
}

describeWithEachStore("request limits", (current) => {
  const setup = async () => {
    const harness = current();
    const intoWindow = (harness.now() / 1000) % 60;
    if (intoWindow !== 0) await harness.advanceSeconds(60 - intoWindow);
    const { store, changes } = recordingChanges(harness.store);
    const limiter = createRequestLimiter(store, {
      trustedProxyCount: 0,
      secret: SECRET,
      now: harness.now,
    });
    return { ...harness, limiter, changes };
  };

  it("counts per verified token, and refuses with the seconds left in the window", async () => {
    const { limiter, advanceSeconds } = await setup();
    expect(await limiter.verifiedToken(LIMIT, "token-a")).toEqual({ allowed: true });
    expect(await limiter.verifiedToken(LIMIT, "token-a")).toEqual({ allowed: true });
    await advanceSeconds(15);
    expect(await limiter.verifiedToken(LIMIT, "token-a")).toEqual({
      allowed: false,
      retryAfterSeconds: 45,
    });
    // Another token is counted on its own.
    expect(await limiter.verifiedToken(LIMIT, "token-b")).toEqual({ allowed: true });
  });

  it("counts per client address, and each address on its own", async () => {
    const { limiter } = await setup();
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await limiter.client(LIMIT, requestFrom("203.0.113.9"))).allowed).toBe(true);
    }
    expect((await limiter.client(LIMIT, requestFrom("203.0.113.9"))).allowed).toBe(false);
    expect((await limiter.client(LIMIT, requestFrom("198.51.100.7"))).allowed).toBe(true);
  });

  it("allows a missing token, or one for a limit without a per-token rule, without counting it", async () => {
    const { limiter, changes } = await setup();
    const perClientOnly = defineLimit({ name: "client-only", perClient: { limit: 1, windowSeconds: 60 } });
    expect(await limiter.verifiedToken(LIMIT, null)).toEqual({ allowed: true });
    expect(await limiter.verifiedToken(LIMIT, "")).toEqual({ allowed: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await limiter.verifiedToken(perClientOnly, "token-a")).toEqual({ allowed: true });
    }
    expect(changes).toEqual([]);
  });

  it("does not trust a client-written X-Forwarded-For entry behind a trusted proxy", async () => {
    const harness = await setup();
    const limiter = createRequestLimiter(harness.store, {
      trustedProxyCount: 1,
      secret: SECRET,
      now: harness.now,
    });
    for (let attempt = 0; attempt < 4; attempt++) {
      // A new made-up address each time; the proxy's entry (the real client) stays the same.
      expect((await limiter.client(LIMIT, requestFrom(`10.0.0.${attempt}, 203.0.113.9`))).allowed).toBe(true);
    }
    expect((await limiter.client(LIMIT, requestFrom("10.0.0.99, 203.0.113.9"))).allowed).toBe(false);
  });

  it("starts afresh in the next window", async () => {
    const { limiter, advanceSeconds } = await setup();
    await limiter.verifiedToken(LIMIT, "t");
    await limiter.verifiedToken(LIMIT, "t");
    expect((await limiter.verifiedToken(LIMIT, "t")).allowed).toBe(false);
    await advanceSeconds(60);
    expect((await limiter.verifiedToken(LIMIT, "t")).allowed).toBe(true);
  });

  it("allows requests while the store is unreachable, unless the limit says to refuse", async () => {
    const { store, now, breakStore } = await setup();
    breakStore();
    const limiter = createRequestLimiter(store, { trustedProxyCount: 0, secret: SECRET, now });
    expect(await limiter.client(LIMIT, requestFrom("203.0.113.9"))).toEqual({ allowed: true });
    expect(await limiter.verifiedToken(LIMIT, "t")).toEqual({ allowed: true });
    const strict = defineLimit({ ...LIMIT, name: "strict", onStoreUnavailable: "refuse" });
    expect((await limiter.client(strict, requestFrom("203.0.113.9"))).allowed).toBe(false);
    expect((await limiter.verifiedToken(strict, "t")).allowed).toBe(false);
  });
});

it("refuses limit names that would not make clean store keys", () => {
  expect(() => defineLimit({ name: "link:ip", perClient: { limit: 1, windowSeconds: 1 } })).toThrow(
    RangeError,
  );
});

it("answers JSON routes with 429, Retry-After and the portal's error shape", async () => {
  const response = rateLimitedJson(42);
  expect(response.status).toBe(429);
  expect(response.headers.get("Retry-After")).toBe("42");
  expect(await response.json()).toEqual({
    error: { code: "rate_limited", message: "Too many requests. Please wait a moment and try again." },
  });
});

it("names tokens and client addresses in the store by a keyed digest: neither as given, nor a plain hash", async () => {
  const store = createMemoryStore();
  const counted: string[] = [];
  const recording: SharedStore = {
    ...store,
    increment: (key, ttl) => {
      counted.push(key);
      return store.increment(key, ttl);
    },
  };
  const email = "alex@example.com";
  const limiter = createRequestLimiter(recording, { trustedProxyCount: 0, secret: SECRET });
  await limiter.client(LIMIT, requestFrom("203.0.113.9"));
  await limiter.verifiedToken(LIMIT, email);
  expect(counted).toEqual([
    expect.stringMatching(/^ratelimit:test-link:ip:[0-9a-f]{40}:60:\d+$/),
    expect.stringMatching(/^ratelimit:test-link:key:[0-9a-f]{40}:60:\d+$/),
  ]);
  const plainHashes = [email, "203.0.113.9"].flatMap((text) => [
    createHash("sha256").update(text).digest("hex").slice(0, 16),
    createHash("sha256").update(text).digest("base64url").slice(0, 16),
  ]);
  for (const key of counted) {
    expect(key).not.toContain(email);
    expect(key).not.toContain("203.0.113.9");
    for (const hash of plainHashes) expect(key).not.toContain(hash);
  }
  // Under another secret, other names: without it, nobody can check a guess against them.
  const other: string[] = [];
  const otherLimiter = createRequestLimiter(
    { ...store, increment: async (key) => other.push(key) },
    { trustedProxyCount: 0, secret: `${SECRET}-other` },
  );
  await otherLimiter.client(LIMIT, requestFrom("203.0.113.9"));
  await otherLimiter.verifiedToken(LIMIT, email);
  expect(other).toHaveLength(2);
  expect(other.some((key) => counted.includes(key))).toBe(false);
});
