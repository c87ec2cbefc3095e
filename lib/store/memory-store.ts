import { assertTtlSeconds, DEFAULT_NAMESPACE, type SharedStore } from "./shared-store";

export type MemoryStoreOptions = {
  /** Milliseconds since the epoch; injected so tests can move time. */
  now?: () => number;
  namespace?: string;
  /** Upper bounds on memory: entries, and characters of keys plus values (UTF-16, so ×2 bytes). */
  maxEntries?: number;
  maxChars?: number;
};

type Entry = { value: string; expiresAtMs: number };

export const MEMORY_STORE_DESCRIPTION = "in-process store (one instance only)";

/**
 * The default store: a Map in this process. Correct for one instance only (another instance has its
 * own Map, so a sign-out or a rate limit counted here is unknown there, and a restart forgets it
 * all). Bounded: when full, expired entries go first, then the least recently used saved views and
 * counters ("show less"), and revocations last (docs/shared-state.md).
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): SharedStore {
  const now = options.now ?? Date.now;
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const maxEntries = options.maxEntries ?? 20_000;
  const maxChars = options.maxChars ?? 8_000_000;
  // Map keeps insertion order; re-inserting on use makes the first entry the least recently used.
  const entries = new Map<string, Entry>();
  const revocationPrefix = `${namespace}revoked:`;
  let chars = 0;

  const sizeOf = (key: string, entry: Entry) => key.length + entry.value.length;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    chars -= sizeOf(key, entry);
    return true;
  };

  const live = (key: string): Entry | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= now()) {
      remove(key);
      return null;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };

  const full = () => entries.size > maxEntries || chars > maxChars;

  /**
   * Makes room, cheapest loss first: expired entries, then the least recently used of what can be
   * rebuilt or lost safely (saved views, counters), and revocations only when nothing else is left:
   * forgetting one would let a signed-out cookie work again.
   */
  const makeRoom = () => {
    const nowMs = now();
    for (const [key, entry] of entries) if (entry.expiresAtMs <= nowMs) remove(key);
    for (const key of entries.keys()) {
      if (!full()) return;
      if (!key.startsWith(revocationPrefix)) remove(key);
    }
    for (const key of entries.keys()) {
      if (!full()) return;
      remove(key);
    }
  };

  const put = (key: string, entry: Entry) => {
    remove(key);
    entries.set(key, entry);
    chars += sizeOf(key, entry);
    if (full()) makeRoom();
  };

  return {
    description: MEMORY_STORE_DESCRIPTION,
    kind: "in-process",
    isAvailable: () => true,
    async get(key) {
      return live(namespace + key)?.value ?? null;
    },
    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      put(namespace + key, { value, expiresAtMs: now() + ttlSeconds * 1000 });
    },
    async increment(key, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      const fullKey = namespace + key;
      const entry = live(fullKey);
      if (!entry) {
        put(fullKey, { value: "1", expiresAtMs: now() + ttlSeconds * 1000 });
        return 1;
      }
      const count = Number(entry.value);
      if (!Number.isSafeInteger(count)) throw new TypeError(`${key} does not hold a counter`);
      put(fullKey, { value: String(count + 1), expiresAtMs: entry.expiresAtMs });
      return count + 1;
    },
    async delete(key) {
      remove(namespace + key);
    },
    async deleteByPrefix(prefix) {
      const fullPrefix = namespace + prefix;
      let deleted = 0;
      for (const key of [...entries.keys()]) {
        if (!key.startsWith(fullPrefix)) continue;
        const expired = (entries.get(key)?.expiresAtMs ?? 0) <= now();
        remove(key);
        if (!expired) deleted++;
      }
      return deleted;
    },
    async close() {
      entries.clear();
      chars = 0;
    },
  };
}
