/**
 * The one interface for state shared between portal instances: revocations, rate-limit counters,
 * encrypted last-known-good views. Nothing in it is the source of truth and everything has a TTL, so
 * losing it costs convenience, never correctness of customer data. Two implementations: in-process
 * (memory-store.ts, one instance only) and Redis (redis-store.ts, any number of instances).
 *
 * Keys are plain strings chosen by the modules over the store (e.g. `revoked:session:<sid>`); each
 * implementation puts its namespace (default `portal:`) in front, so one Redis can serve other apps.
 */
export interface SharedStore {
  /** One line for the start-up log (may name the Redis host); never contains a password. */
  readonly description: string;
  /** What /api/health shows anyone who asks: the kind only, no host or port. */
  readonly kind: "in-process" | "redis";
  /** Whether the store is answering right now (for /api/health); calls may still fail in between. */
  isAvailable(): boolean;
  /** The value, or null when missing or expired. */
  get(key: string): Promise<string | null>;
  /** Stores `value` for `ttlSeconds` (a positive whole number), replacing any earlier value and TTL. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /**
   * Adds one atomically and returns the new count. The first increment of a window (key missing or
   * expired) starts at 1 and sets the TTL; later ones keep it, so a window ends `ttlSeconds` after it began.
   */
  increment(key: string, ttlSeconds: number): Promise<number>;
  delete(key: string): Promise<void>;
  /** Deletes every key starting with `prefix` (taken literally: `*` is not a wildcard); returns how many. */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

const STORE_UNAVAILABLE_BRAND = Symbol.for("sweetspot-portal.StoreUnavailableError");

/**
 * The store could not answer (unreachable, timed out, reconnecting). Callers decide what that means
 * for them (see docs/shared-state.md); it is never a reason to crash or hang a request.
 */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
  readonly [STORE_UNAVAILABLE_BRAND] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  /**
   * Recognised by a brand, not by class identity: Next bundles this module more than once (the
   * instrumentation hook, route handlers, pages), while the process has one store (on globalThis),
   * so its errors may come from another copy of this class than the one a caller imported.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && STORE_UNAVAILABLE_BRAND in value;
  }
}

export const DEFAULT_NAMESPACE = "portal:";

/** Throws RangeError for a TTL that is not a positive whole number of seconds (a caller's bug). */
export function assertTtlSeconds(ttlSeconds: number): void {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive whole number, got ${ttlSeconds}`);
  }
}
