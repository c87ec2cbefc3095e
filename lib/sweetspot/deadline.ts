/**
 * The time one page read may spend on the API, retries included (SWEETSPOT_DEADLINE_MS). Every request of
 * the read shares it: each attempt gets min(remaining, per-attempt timeout), and a retry is only started
 * when there is time left for it. A hung API then costs a page the deadline, not attempts × timeout.
 */
export type Deadline = {
  /** Milliseconds left, never negative. */
  remainingMs(): number;
  /** The budget it started with, for messages. */
  readonly totalMs: number;
};

export const DEFAULT_DEADLINE_MS = 4000;

/** A deadline `totalMs` from now on `now` (monotonic milliseconds; injectable for tests). */
export function createDeadline(totalMs: number, now: () => number = () => performance.now()): Deadline {
  const endsAt = now() + totalMs;
  return {
    totalMs,
    remainingMs: () => Math.max(0, endsAt - now()),
  };
}
