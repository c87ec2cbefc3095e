import { describe, expect, it } from "vitest";
import { runStoreContract } from "@/test-support/store-contract";
import { createMemoryStore, MEMORY_STORE_DESCRIPTION } from "./memory-store";
import { createRateLimiter } from "./rate-limit";

function manualClock() {
  let nowMs = Date.UTC(2026, 0, 1);
  return {
    now: () => nowMs,
    advanceSeconds: (seconds: number) => {
      nowMs += seconds * 1000;
    },
  };
}

describe("in-process store: the shared contract", () => {
  runStoreContract(async (namespace) => {
    const clock = manualClock();
    const store = createMemoryStore({ namespace, now: clock.now });
    return {
      store,
      advanceSeconds: async (seconds) => clock.advanceSeconds(seconds),
      close: () => store.close(),
    };
  });
});

describe("in-process store", () => {
  it("says it serves one instance only, and is always available", () => {
    expect(createMemoryStore().description).toBe(MEMORY_STORE_DESCRIPTION);
    expect(createMemoryStore().isAvailable()).toBe(true);
    expect(MEMORY_STORE_DESCRIPTION).toBe("in-process store (one instance only)");
  });

  it("stays within its entry bound by dropping the least recently used", async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    await store.set("a", "1", 60);
    await store.set("b", "2", 60);
    await store.set("c", "3", 60);
    await store.get("a");
    await store.set("d", "4", 60);
    expect(await store.get("b")).toBeNull();
    expect(await store.get("a")).toBe("1");
    expect(await store.get("c")).toBe("3");
    expect(await store.get("d")).toBe("4");
  });

  it("stays within its size bound", async () => {
    const store = createMemoryStore({ namespace: "", maxChars: 100 });
    await store.set("big1", "x".repeat(60), 60);
    await store.set("big2", "y".repeat(60), 60);
    expect(await store.get("big1")).toBeNull();
    expect(await store.get("big2")).toBe("y".repeat(60));
  });

  it("makes room within a kind: expired entries first, then the least recently used", async () => {
    let nowMs = 0;
    const store = createMemoryStore({ maxEntries: 2, now: () => nowMs });
    await store.set("lkg:short", "saved", 1);
    await store.set("lkg:view", "saved", 3600);
    nowMs = 2000; // the first view has expired
    await store.set("lkg:another", "saved", 3600);
    expect(await store.get("lkg:view")).toBe("saved");
    await store.set("lkg:third", "saved", 3600);
    // Full of live entries: the least recently used view goes (lkg:view was just read).
    expect(await store.get("lkg:another")).toBeNull();
    expect(await store.get("lkg:view")).toBe("saved");
    expect(await store.get("lkg:third")).toBe("saved");
  });

  it("keeps counters apart: a flood of them never pushes out a saved view or a revocation", async () => {
    // What junk requests can make: a counter per client address and window, as many as they like.
    const store = createMemoryStore({ maxEntries: 1000 });
    const limiter = createRateLimiter(store);
    await store.set("revoked:session:sid-1", "1", 3600);
    await store.set("lkg:customer:orders", "saved view", 3600);
    for (let address = 0; address < 2500; address++) {
      await limiter.consume(`link:ip:${address}`, 120, 60);
    }
    expect(await store.get("revoked:session:sid-1")).toBe("1");
    expect(await store.get("lkg:customer:orders")).toBe("saved view");
  });

  it("keeps revocations apart: saved views filling their share never push one out", async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    await store.set("revoked:session:old-sid", "1", 3600);
    for (let view = 0; view < 10; view++) await store.set(`lkg:view-${view}`, "saved", 3600);
    expect(await store.get("revoked:session:old-sid")).toBe("1");
    expect(await store.get("lkg:view-9")).toBe("saved");
    expect(await store.get("lkg:view-0")).toBeNull();
  });

  it("deletes by prefix and forgets keys of every kind", async () => {
    const store = createMemoryStore({ namespace: "ns:" });
    await store.set("revoked:link:a", "1", 60);
    await store.increment("ratelimit:link:ip:x:60:1", 60);
    await store.set("lkg:a", "v", 60);
    expect(await store.deleteByPrefix("r")).toBe(2);
    expect(await store.get("revoked:link:a")).toBeNull();
    expect(await store.increment("ratelimit:link:ip:x:60:1", 60)).toBe(1);
    expect(await store.get("lkg:a")).toBe("v");
    await store.close();
    expect(await store.get("lkg:a")).toBeNull();
  });
});
