import { type SharedStore, StoreUnavailableError } from "./shared-store";

/**
 * Fixed-window rate limits over the store's atomic increment, shared by every instance that shares
 * the store. Windows are aligned to the clock (`floor(now / window)`), so every instance agrees on
 * the window and on Retry-After without reading a TTL. The price of fixed windows is a possible
 * burst of up to 2 × limit around a window boundary, acceptable for abuse limits on links and
 * sign-in; rate-limiter-flexible would add sliding windows and penalties we do not need, and a
 * second way to talk to Redis.
 *
 * When the store is unavailable the request is allowed (`degraded: true`, for metrics): a Redis
 * outage must not lock every customer out. Callers guarding something where abuse costs more than
 * refusal pass `onStoreUnavailable: "refuse"`.
 */

export type RateLimitDecision = {
  allowed: boolean;
  /** Requests left in this window after this one. */
  remaining: number;
  /** When refused: seconds until the window ends (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
  /** True when the store could not count and the decision came from `onStoreUnavailable`. */
  degraded: boolean;
};

export type ConsumeOptions = { onStoreUnavailable?: "allow" | "refuse" };

export type RateLimiter = {
  /**
   * Counts one request for `key` (e.g. `link:ip:<ip>`; hash anything personal) against `limit`
   * requests per `windowSeconds`.
   */
  consume(
    key: string,
    limit: number,
    windowSeconds: number,
    options?: ConsumeOptions,
  ): Promise<RateLimitDecision>;
};

/** Every counter's key starts with this (the in-process store keeps counters apart by it). */
export const RATE_LIMIT_KEY_PREFIX = "ratelimit:";

export function createRateLimiter(store: SharedStore, options: { now?: () => number } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  /** The store key counting `key` in the current window, and the seconds left in that window. */
  const currentWindow = (key: string, windowSeconds: number) => {
    if (!Number.isSafeInteger(windowSeconds) || windowSeconds < 1) {
      throw new RangeError(`windowSeconds must be ≥ 1, got ${windowSeconds}`);
    }
    const nowSeconds = now() / 1000;
    const window = Math.floor(nowSeconds / windowSeconds);
    return {
      counterKey: `${RATE_LIMIT_KEY_PREFIX}${key}:${windowSeconds}:${window}`,
      secondsLeft: Math.max(1, Math.ceil((window + 1) * windowSeconds - nowSeconds)),
    };
  };
  return {
    async consume(key, limit, windowSeconds, consumeOptions = {}) {
      if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be ≥ 1, got ${limit}`);
      const { counterKey, secondsLeft } = currentWindow(key, windowSeconds);
      let count: number;
      try {
        count = await store.increment(counterKey, secondsLeft);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        const allowed = consumeOptions.onStoreUnavailable !== "refuse";
        return { allowed, remaining: 0, retryAfterSeconds: allowed ? 0 : secondsLeft, degraded: true };
      }
      const allowed = count <= limit;
      return {
        allowed,
        remaining: Math.max(0, limit - count),
        retryAfterSeconds: allowed ? 0 : secondsLeft,
        degraded: false,
      };
    },
  };
}
