/**
 * The behaviour every SharedStore must have, run against each implementation
 * (lib/store/memory-store.test.ts, redis-store.test.ts) so the in-process default cannot drift from Redis.
 */
import { afterEach, expect, it } from "vitest";
import type { SharedStore } from "@/lib/store/shared-store";

export type StoreHarness = {
  store: SharedStore;
  /** Moves the store's notion of time forward (a clock for memory, shortened TTLs for Redis). */
  advanceSeconds(seconds: number): Promise<void>;
  close(): Promise<void>;
};

/** Creates a fresh store; stores with different namespaces must not see each other's keys. */
export type StoreFactory = (namespace: string) => Promise<StoreHarness>;

let namespaces = 0;
const freshNamespace = () => `contract-${process.pid}-${++namespaces}:`;

export function runStoreContract(createHarness: StoreFactory): void {
  const open: StoreHarness[] = [];
  const harness = async (namespace = freshNamespace()) => {
    const created = await createHarness(namespace);
    open.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((created) => created.close()));
  });

  it("reads null for a key never set", async () => {
    const { store } = await harness();
    expect(await store.get("missing")).toBeNull();
  });

  it("reads back what was set, and the latest value after an overwrite", async () => {
    const { store } = await harness();
    await store.set("greeting", "hello", 60);
    expect(await store.get("greeting")).toBe("hello");
    await store.set("greeting", "héllo ✓ again", 60);
    expect(await store.get("greeting")).toBe("héllo ✓ again");
  });

  it("forgets a value when its TTL has passed, not before", async () => {
    const { store, advanceSeconds } = await harness();
    await store.set("short", "v", 10);
    await advanceSeconds(9);
    expect(await store.get("short")).toBe("v");
    await advanceSeconds(1);
    expect(await store.get("short")).toBeNull();
  });

  it("counts atomically from 1, with the TTL set by the first increment of a window", async () => {
    const { store, advanceSeconds } = await harness();
    expect(await store.increment("hits", 10)).toBe(1);
    expect(await store.increment("hits", 10)).toBe(2);
    await advanceSeconds(6);
    expect(await store.increment("hits", 10)).toBe(3);
    await advanceSeconds(4);
    expect(await store.increment("hits", 10)).toBe(1);
  });

  it("keeps every concurrent increment", async () => {
    const { store } = await harness();
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.increment("burst", 60)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("deletes one key", async () => {
    const { store } = await harness();
    await store.set("a", "1", 60);
    await store.set("b", "2", 60);
    await store.delete("a");
    await store.delete("never-there");
    expect(await store.get("a")).toBeNull();
    expect(await store.get("b")).toBe("2");
  });

  it("deletes by prefix, taking the prefix literally, and says how many went", async () => {
    const { store } = await harness();
    await store.set("lkg:u1:list", "x", 60);
    await store.set("lkg:u1:checkout:1", "x", 60);
    await store.set("lkg:u10:list", "x", 60);
    await store.set("lkg:u*:list", "x", 60);
    expect(await store.deleteByPrefix("lkg:u1:")).toBe(2);
    expect(await store.get("lkg:u1:list")).toBeNull();
    expect(await store.get("lkg:u10:list")).toBe("x");
    expect(await store.deleteByPrefix("lkg:u*")).toBe(1);
    expect(await store.get("lkg:u10:list")).toBe("x");
  });

  it("deletes by prefix across many keys", async () => {
    const { store } = await harness();
    await Promise.all(Array.from({ length: 1200 }, (_, i) => store.set(`many:${i}`, "x", 60)));
    await store.set("other", "x", 60);
    expect(await store.deleteByPrefix("many:")).toBe(1200);
    expect(await store.get("many:7")).toBeNull();
    expect(await store.get("other")).toBe("x");
  });

  it("keeps namespaces apart", async () => {
    const first = await harness();
    const second = await harness();
    await first.store.set("shared-name", "first", 60);
    expect(await second.store.get("shared-name")).toBeNull();
    expect(await second.store.deleteByPrefix("shared")).toBe(0);
    expect(await first.store.get("shared-name")).toBe("first");
  });

  it("refuses a TTL that is not a positive whole number of seconds", async () => {
    const { store } = await harness();
    await expect(store.set("k", "v", 0)).rejects.toThrow(RangeError);
    await expect(store.set("k", "v", 1.5)).rejects.toThrow(RangeError);
    await expect(store.increment("k", -1)).rejects.toThrow(RangeError);
  });
}
