/** The arithmetic of the blast section (scripts/bench/sections/blast.ts), kept pure so it has tests. */

import type { CallsInSecond } from "../../sandbox/rate-limit";

/**
 * API calls per second over the seconds from `fromMs` to `toMs` (wall clock), seconds without a call
 * counting as 0: the max and mean of all calls, the max of the budgeted ones (the health probe's
 * calls are exempt from the budget), and how many seconds' budgeted calls went over `budget`.
 */
export function callRateFigures(
  seconds: readonly CallsInSecond[],
  fromMs: number,
  toMs: number,
  budget: number,
): {
  maxPerSecond: number;
  meanPerSecond: number;
  maxBudgetedPerSecond: number;
  secondsOver: number;
  probes: number;
  limited: number;
  seconds: number;
} {
  const first = Math.floor(fromMs / 1000);
  const last = Math.floor(toMs / 1000);
  const inRange = seconds.filter((entry) => entry.second >= first && entry.second <= last);
  const span = last - first + 1;
  const sum = (count: (entry: CallsInSecond) => number) =>
    inRange.reduce((total, entry) => total + count(entry), 0);
  const budgeted = inRange.map((entry) => entry.calls - entry.probes);
  return {
    maxPerSecond: Math.max(0, ...inRange.map((entry) => entry.calls)),
    meanPerSecond: span > 0 ? Math.round((sum((entry) => entry.calls) / span) * 10) / 10 : 0,
    maxBudgetedPerSecond: Math.max(0, ...budgeted),
    secondsOver: budgeted.filter((calls) => calls > budget).length,
    probes: sum((entry) => entry.probes),
    limited: sum((entry) => entry.limited),
    seconds: span,
  };
}

/** The value below which `fraction` of `values` lie (nearest rank); null when there are none. */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? null;
}

/**
 * Calls the API answered after a 429 that paused everyone, before its Retry-After had passed: those
 * arriving more than `inFlightMs` after the 429 (calls already on their way when it came cannot be
 * recalled) and before `429 + retryAfterSeconds`.
 */
export function callsDuringPause(
  requestTimesMs: readonly number[],
  rateLimitedAtMs: number,
  retryAfterSeconds: number,
  inFlightMs: number,
): number {
  const endsAt = rateLimitedAtMs + retryAfterSeconds * 1000;
  return requestTimesMs.filter((time) => time > rateLimitedAtMs + inFlightMs && time < endsAt).length;
}
