/**
 * Rate limits behind one small interface. The in-process limiter below counts per portal instance;
 * the shared store will implement the same interface so every instance counts together.
 */
export type RateLimitDecision = { allowed: boolean; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one use of `key`; at most `limit` uses are allowed per window of `windowSeconds`. */
  consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision>;
}

type Window = { startedAt: number; count: number; windowMs: number };

/**
 * Fixed windows per key, in this process's memory. The number of keys is capped: when full, the
 * oldest windows go first (Map keeps insertion order), so a flood of new keys cannot exhaust memory.
 */
export class InProcessRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  async consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= window.windowMs) {
      this.windows.delete(key);
      this.evictIfFull();
      window = { startedAt: now, count: 0, windowMs: windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    if (window.count >= limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + window.windowMs - now) / 1000));
      return { allowed: false, retryAfterSeconds };
    }
    window.count += 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private evictIfFull(): void {
    while (this.windows.size >= this.maxKeys) {
      const oldest = this.windows.keys().next();
      if (oldest.done) return;
      this.windows.delete(oldest.value);
    }
  }
}
