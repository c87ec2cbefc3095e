import { afterEach, describe, expect, it, vi } from "vitest";
import { runStoreContract } from "@/test-support/store-contract";
import { redisServerForTests, shortenTtls } from "@/test-support/stores-under-test";
import { createRedisStore, describeRedisUrl } from "./redis-store";
import { type SharedStore, StoreUnavailableError } from "./shared-store";

// A real redis-server per file (test-support/redis-server.ts); missing binary → a clear failure.
const redis = redisServerForTests();

describe("Redis store: the shared contract", () => {
  runStoreContract(async (namespace) => {
    // The contract is about what the store keeps, not how fast: a loaded test machine may take longer
    // than the production 500 ms for 1,200 writes at once. The timeout has its own tests below.
    const store = createRedisStore({ url: redis.server.url, namespace, commandTimeoutMs: 5_000 });
    return {
      store,
      advanceSeconds: (seconds) => shortenTtls(redis.raw, namespace, seconds),
      close: () => store.close(),
    };
  });
});

describe("Redis store", () => {
  const opened: SharedStore[] = [];
  const open = (options: Partial<Parameters<typeof createRedisStore>[0]> = {}) => {
    const store = createRedisStore({ url: redis.server.url, namespace: "it:", ...options });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    if (!redis.raw.isReady) await vi.waitFor(() => expect(redis.raw.isReady).toBe(true), { timeout: 5_000 });
  });

  it("describes itself by host and port, never by password", () => {
    expect(open().description).toBe(`redis at 127.0.0.1:${redis.server.port}`);
    expect(describeRedisUrl("redis://portal:s3cret@cache.internal:6380/2")).toBe(
      "redis at cache.internal:6380",
    );
    expect(describeRedisUrl("rediss://:s3cret@cache.internal")).toBe("redis at cache.internal:6379 (TLS)");
  });

  it("keeps its keys under its namespace, with the TTL in Redis", async () => {
    const store = open({ namespace: "portal-test:" });
    await store.set("revoked:session:abc", "1", 120);
    expect(await redis.raw.get("portal-test:revoked:session:abc")).toBe("1");
    const ttl = await redis.raw.ttl("portal-test:revoked:session:abc");
    expect(ttl).toBeGreaterThan(110);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it("shares state between two instances (two clients) with the same namespace", async () => {
    const instanceA = open({ namespace: "shared-it:" });
    const instanceB = open({ namespace: "shared-it:" });
    await instanceA.set("revoked:session:abc", "1", 60);
    expect(await instanceB.get("revoked:session:abc")).toBe("1");
    expect(await instanceA.increment("hits", 60)).toBe(1);
    expect(await instanceB.increment("hits", 60)).toBe(2);
    expect(await instanceB.deleteByPrefix("revoked:")).toBe(1);
    expect(await instanceA.get("revoked:session:abc")).toBeNull();
  });

  it("lets a wrong-type reply surface as a bug, not as an outage", async () => {
    const store = open();
    await store.set("not-a-counter", "text", 60);
    const failure = await store.increment("not-a-counter", 60).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(StoreUnavailableError);
  });

  it("fails with StoreUnavailableError when Redis stops, and works again when it is back", async () => {
    const changes: string[] = [];
    const store = open({ onStateChange: (state) => changes.push(state) });
    await store.set("before", "1", 60);

    expect(store.isAvailable()).toBe(true);
    await redis.server.stop();
    await expect(store.get("before")).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.isAvailable()).toBe(false);
    await expect(store.set("during", "1", 60)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.increment("during", 60)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.deleteByPrefix("")).rejects.toBeInstanceOf(StoreUnavailableError);

    await redis.server.restart();
    await vi.waitFor(async () => expect(await store.increment("after", 60)).toBe(1), {
      timeout: 10_000,
      interval: 100,
    });
    expect(await store.get("before")).toBeNull(); // the test server keeps nothing across restarts
    expect(store.isAvailable()).toBe(true);
    expect(changes).toEqual(["unavailable", "connected"]);
  });

  it("treats a read-only replica (as during a failover) as unavailable, not as a bug", async () => {
    const store = open();
    await redis.raw.sendCommand(["REPLICAOF", "127.0.0.1", "1"]);
    try {
      await expect(store.set("k", "v", 60)).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await redis.raw.sendCommand(["REPLICAOF", "NO", "ONE"]);
    }
    await store.set("k", "v", 60);
    expect(await store.get("k")).toBe("v");
  });

  it("fails with StoreUnavailableError when Redis hangs, instead of hanging the caller", async () => {
    const store = open({ commandTimeoutMs: 200 });
    await store.set("k", "v", 60);
    redis.server.pause();
    try {
      await expect(store.get("k")).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      redis.server.resume();
    }
    await vi.waitFor(async () => expect(await store.get("k")).toBe("v"), { timeout: 10_000, interval: 100 });
  });

  it("takes an answer that came in time though this process was too busy to read it before its deadline", async () => {
    const store = open({ commandTimeoutMs: 100 });
    await store.set("k", "v", 60);
    const reading = store.get("k");
    // Let the client write the command, then keep the event loop busy past the deadline: Redis answers
    // meanwhile, and the reply waits in the socket while the deadline's timer falls due.
    await new Promise((resolve) => setImmediate(resolve));
    const busyUntil = Date.now() + 300;
    while (Date.now() < busyUntil) {
      // A page render or a garbage collection holding the only thread.
    }
    expect(await reading).toBe("v");
  });

  it("fails with StoreUnavailableError when Redis was never reachable, without crashing", async () => {
    await redis.server.stop();
    try {
      const store = open({ commandTimeoutMs: 200 });
      await expect(store.get("k")).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.get("k")).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await redis.server.restart();
    }
  });

  it("refuses calls after close", async () => {
    const store = open();
    await store.close();
    await expect(store.get("k")).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
