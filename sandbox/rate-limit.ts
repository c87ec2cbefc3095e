import { z } from "zod";

/**
 * The sandbox's stand-in for the real API's rate limit on the organization's key: more than
 * `callsPerSecond` API calls in one second of the wall clock are answered 429 with `Retry-After`.
 * Off unless set (SANDBOX_RATE_LIMIT, `npm run sandbox -- --rate-limit N`, or PUT /__sandbox/rate-limit).
 *
 * It also counts every API call per second, limited or not, for the bench (GET /__sandbox/call-rate):
 * what the portal spent, measured where the API would measure it.
 */

export const rateLimitSpecSchema = z.strictObject({
  callsPerSecond: z.number().int().min(1).max(1_000_000),
  /** Seconds sent in Retry-After with each 429 (default 1: the next window). */
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
});

export type RateLimitSpec = z.infer<typeof rateLimitSpecSchema>;

/**
 * One second of the wall clock (epoch seconds): calls answered, of those how many were 429 by the
 * limit, and how many were the portal's health probe (which the portal's budget exempts).
 */
export type CallsInSecond = { second: number; calls: number; limited: number; probes: number };

/** How many seconds of counts are kept (ten minutes: a bench run, with room). */
const KEPT_SECONDS = 600;

export class SandboxRateLimit {
  private spec: RateLimitSpec | null = null;
  private seconds = new Map<number, CallsInSecond>();

  constructor(private readonly now: () => number = Date.now) {}

  set(spec: RateLimitSpec | null): void {
    this.spec = spec;
  }

  current(): RateLimitSpec | null {
    return this.spec;
  }

  /** Counts one API call; the Retry-After to answer 429 with when it is over the limit, else null. */
  admit(isProbe = false): { retryAfterSeconds: number } | null {
    const second = Math.floor(this.now() / 1000);
    let counts = this.seconds.get(second);
    if (!counts) {
      counts = { second, calls: 0, limited: 0, probes: 0 };
      this.seconds.set(second, counts);
      for (const old of this.seconds.keys()) if (old <= second - KEPT_SECONDS) this.seconds.delete(old);
    }
    counts.calls++;
    if (isProbe) counts.probes++;
    if (this.spec === null || counts.calls - counts.limited <= this.spec.callsPerSecond) return null;
    counts.limited++;
    return { retryAfterSeconds: this.spec.retryAfterSeconds ?? 1 };
  }

  /** Calls per second, oldest first, for the seconds that saw any. */
  callRate(): CallsInSecond[] {
    return [...this.seconds.values()].sort((a, b) => a.second - b.second).map((counts) => ({ ...counts }));
  }

  clearCounts(): void {
    this.seconds.clear();
  }
}
