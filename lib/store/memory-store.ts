import { RATE_LIMIT_KEY_PREFIX } from "./rate-limit";
import { assertTtlSeconds, DEFAULT_NAMESPACE, type SharedStore } from "./shared-store";

export type MemoryStoreOptions = {
  /** Milliseconds since the epoch; injected so tests can move time. */
  now?: () => number;
  namespace?: string;
  /**
   * Upper bounds on memory for each kind of entry (revocations, counters, everything else): entries,
   * and characters of keys plus values (UTF-16, so ×2 bytes).
   */
  maxEntries?: number;
  maxChars?: number;
};

type Entry = { value: string; expiresAtMs: number };

export const MEMORY_STORE_DESCRIPTION = "in-process store (one instance only)";

/**
 * What the store keeps apart, so one kind filling up never costs another its entries: rate-limit
 * counters (any request can make one), revocations (forgetting one would let a signed-out cookie
 * work again), and the rest (saved views, which are rebuilt from the API).
 */
type EntryKind = "revocation" | "counter" | "other";

/**
 * The default store: Maps in this process. Correct for one instance only (another instance has its
 * own Maps, so a sign-out or a rate limit counted here is unknown there, and a restart forgets it
 * all). Bounded per kind of entry: when a kind is full, its expired entries go first, then its
 * least recently used; so a flood of counters can only push out counters, never a saved view or a
 * revocation (docs/shared-state.md).
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): SharedStore {
  const now = options.now ?? Date.now;
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const bounds = { maxEntries: options.maxEntries ?? 20_000, maxChars: options.maxChars ?? 8_000_000 };
  const kinds: Record<EntryKind, BoundedEntries> = {
    revocation: new BoundedEntries(bounds, now),
    counter: new BoundedEntries(bounds, now),
    other: new BoundedEntries(bounds, now),
  };
  const revocationPrefix = `${namespace}revoked:`;
  const counterPrefix = `${namespace}${RATE_LIMIT_KEY_PREFIX}`;
  const entriesFor = (fullKey: string) => {
    if (fullKey.startsWith(revocationPrefix)) return kinds.revocation;
    return fullKey.startsWith(counterPrefix) ? kinds.counter : kinds.other;
  };
  const allEntries = () => Object.values(kinds);

  return {
    description: MEMORY_STORE_DESCRIPTION,
    kind: "in-process",
    isAvailable: () => true,
    async get(key) {
      const fullKey = namespace + key;
      return entriesFor(fullKey).live(fullKey)?.value ?? null;
    },
    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      const fullKey = namespace + key;
      entriesFor(fullKey).put(fullKey, { value, expiresAtMs: now() + ttlSeconds * 1000 });
    },
    async increment(key, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      const fullKey = namespace + key;
      const entries = entriesFor(fullKey);
      const entry = entries.live(fullKey);
      if (!entry) {
        entries.put(fullKey, { value: "1", expiresAtMs: now() + ttlSeconds * 1000 });
        return 1;
      }
      const count = Number(entry.value);
      if (!Number.isSafeInteger(count)) throw new TypeError(`${key} does not hold a counter`);
      entries.put(fullKey, { value: String(count + 1), expiresAtMs: entry.expiresAtMs });
      return count + 1;
    },
    async delete(key) {
      const fullKey = namespace + key;
      entriesFor(fullKey).remove(fullKey);
    },
    async deleteByPrefix(prefix) {
      const fullPrefix = namespace + prefix;
      let deleted = 0;
      for (const entries of allEntries()) deleted += entries.removeByPrefix(fullPrefix);
      return deleted;
    },
    async close() {
      for (const entries of allEntries()) entries.clear();
    },
  };
}

/** One kind's entries: a Map kept in least-recently-used order, within its bounds. */
class BoundedEntries {
  // Map keeps insertion order; re-inserting on use makes the first entry the least recently used.
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(
    private readonly bounds: { maxEntries: number; maxChars: number },
    private readonly now: () => number,
  ) {}

  /** The entry, marked as just used; null (and forgotten) when missing or expired. */
  live(key: string): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.now()) {
      this.remove(key);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  put(key: string, entry: Entry): void {
    this.remove(key);
    this.entries.set(key, entry);
    this.chars += sizeOf(key, entry);
    if (this.full()) this.makeRoom();
  }

  remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.chars -= sizeOf(key, entry);
    return true;
  }

  /** Removes every key starting with `prefix`; returns how many of them were live. */
  removeByPrefix(prefix: string): number {
    const nowMs = this.now();
    let removedLive = 0;
    for (const [key, entry] of [...this.entries]) {
      if (!key.startsWith(prefix)) continue;
      this.remove(key);
      if (entry.expiresAtMs > nowMs) removedLive++;
    }
    return removedLive;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  private full(): boolean {
    return this.entries.size > this.bounds.maxEntries || this.chars > this.bounds.maxChars;
  }

  /**
   * Makes room, cheapest loss first: expired entries, then the least recently used, down to 95% of
   * the bounds, so a flood of new keys pays for this scan once per twentieth of them, not every time.
   */
  private makeRoom(): void {
    const nowMs = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAtMs <= nowMs) this.remove(key);
    const { maxEntries, maxChars } = this.bounds;
    const entriesTarget = maxEntries - Math.floor(maxEntries / 20);
    const charsTarget = maxChars - Math.floor(maxChars / 20);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= entriesTarget && this.chars <= charsTarget) return;
      this.remove(key);
    }
  }
}

function sizeOf(key: string, entry: Entry): number {
  return key.length + entry.value.length;
}
