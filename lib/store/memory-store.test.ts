import { describe, expect, it } from "vitest";
import { runStoreContract } from "@/test-support/store-contract";
import { createMemoryStore, MEMORY_STORE_DESCRIPTION } from "./memory-store";

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

  it("keeps revocations when full: expired entries, then views and counters make room first", async () => {
    let nowMs = 0;
    const store = createMemoryStore({ maxEntries: 3, now: () => nowMs });
    await store.set("revoked:session:old-sid", "1", 3600);
    await store.set("counter", "1", 1);
    await store.set("lkg:view", "saved", 3600);
    nowMs = 2000; // the counter has expired
    await store.set("revoked:session:new-sid", "1", 3600);
    expect(await store.get("lkg:view")).toBe("saved");
    await store.set("lkg:another", "saved", 3600);
    // Full of live entries: the older saved view goes, never a revocation.
    expect(await store.get("lkg:view")).toBeNull();
    expect(await store.get("revoked:session:old-sid")).toBe("1");
    expect(await store.get("revoked:session:new-sid")).toBe("1");
    expect(await store.get("lkg:another")).toBe("saved");
  });
});
