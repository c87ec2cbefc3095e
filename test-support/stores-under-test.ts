/**
 * Runs a module's tests against both SharedStore implementations (in-process and a real
 * redis-server), with one manual clock for the module and a way to make the store unreachable.
 */
import { createClient } from "@redis/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe } from "vitest";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRedisStore } from "@/lib/store/redis-store";
import { type SharedStore, StoreUnavailableError } from "@/lib/store/shared-store";
import { type RedisServer, startRedisServer } from "./redis-server";

export type StoreUnderTest = {
  store: SharedStore;
  /** Milliseconds since the epoch, for the module under test. */
  now: () => number;
  /** Moves the module's clock and the store's time forward together. */
  advanceSeconds(seconds: number): Promise<void>;
  /** Every store call fails with StoreUnavailableError until `restore()`. */
  breakStore(): void;
  restore(): void;
};

type RawRedis = ReturnType<typeof createClient>;

/** Redis keeps real time; "time passes" by shortening every TTL in the namespace. */
export async function shortenTtls(raw: RawRedis, namespace: string, seconds: number): Promise<void> {
  for await (const keys of raw.scanIterator({ MATCH: `${namespace}*`, COUNT: 500 })) {
    for (const key of keys) {
      const remainingMs = await raw.pTTL(key);
      if (remainingMs < 0) continue;
      const shortened = remainingMs - seconds * 1000;
      if (shortened <= 0) await raw.del(key);
      else await raw.pExpire(key, shortened);
    }
  }
}

let namespaces = 0;

export function describeWithEachStore(title: string, body: (current: () => StoreUnderTest) => void): void {
  describe(`${title} (in-process store)`, () => {
    let current: StoreUnderTest;
    beforeEach(() => {
      let nowMs = Date.UTC(2026, 0, 1, 12);
      const now = () => nowMs;
      current = withSwitch(createMemoryStore({ now }), now, async (seconds) => {
        nowMs += seconds * 1000;
      });
    });
    afterEach(() => current.store.close());
    body(() => current);
  });

  describe(`${title} (Redis store)`, () => {
    const redis = redisServerForTests();
    let current: StoreUnderTest;
    let inner: SharedStore;
    beforeEach(() => {
      const namespace = `t${process.pid}-${++namespaces}:`;
      let nowMs = Date.now();
      const now = () => nowMs;
      inner = createRedisStore({ url: redis.server.url, namespace });
      current = withSwitch(inner, now, async (seconds) => {
        nowMs += seconds * 1000;
        await shortenTtls(redis.raw, namespace, seconds);
      });
    });
    afterEach(() => inner.close());
    body(() => current);
  });
}

/** `inner` behind a switch: after `breakStore()` every call fails with StoreUnavailableError until `restore()`. */
export function withSwitch(
  inner: SharedStore,
  now: () => number,
  advanceSeconds: (seconds: number) => Promise<void>,
): StoreUnderTest {
  let broken = false;
  const guard = <T>(call: () => Promise<T>): Promise<T> =>
    broken ? Promise.reject(new StoreUnavailableError("store broken by the test")) : call();
  const store: SharedStore = {
    description: inner.description,
    kind: inner.kind,
    isAvailable: () => !broken && inner.isAvailable(),
    get: (key) => guard(() => inner.get(key)),
    set: (key, value, ttl) => guard(() => inner.set(key, value, ttl)),
    increment: (key, ttl) => guard(() => inner.increment(key, ttl)),
    delete: (key) => guard(() => inner.delete(key)),
    deleteByPrefix: (prefix) => guard(() => inner.deleteByPrefix(prefix)),
    close: () => inner.close(),
  };
  return {
    store,
    now,
    advanceSeconds,
    breakStore: () => {
      broken = true;
    },
    restore: () => {
      broken = false;
    },
  };
}

export type RedisUnderTest = { server: RedisServer; raw: RawRedis };

/**
 * A real redis-server (test-support/redis-server.ts) and a plain client to it, started before the
 * enclosing describe (or file) and stopped after it. The fields are set once `beforeAll` has run.
 */
export function redisServerForTests(): RedisUnderTest {
  const redis = {} as RedisUnderTest;
  beforeAll(async () => {
    redis.server = await startRedisServer();
    redis.raw = createClient({ url: redis.server.url });
    redis.raw.on("error", () => {});
    await redis.raw.connect();
  });
  afterAll(async () => {
    redis.raw?.destroy();
    await redis.server?.dispose();
  });
  return redis;
}
