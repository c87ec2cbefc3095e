/**
 * When the live page asks for its checkout's fingerprint again. The fingerprint route says so in every
 * answer (`Retry-After`, in seconds), and the poller follows it: every 30 s normally, stretched to 2 min
 * (or to the end of the API's 429 pause) while the upstream budget is under pressure. Shared by the
 * route and the client poller, so both read the same numbers.
 */

export const POLL_SECONDS = 30;
/** While polls are being held back: the page stays as it is and asks this much later. */
export const STRETCHED_POLL_SECONDS = 120;
/** However long a pause, a live page checks at least this often. */
export const MAX_POLL_SECONDS = 900;

/** The delay a fingerprint answer's Retry-After asks for, in ms; POLL_SECONDS when absent or unreadable. */
export function pollDelayMs(retryAfter: string | null): number {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : POLL_SECONDS;
  return Math.min(Math.max(seconds, 1), MAX_POLL_SECONDS) * 1000;
}

/** How long a poll the budget held back (or a 429 answered) should wait: at least the stretched interval. */
export function deferredPollSeconds(retryAfterSeconds: number | undefined): number {
  return Math.min(Math.max(STRETCHED_POLL_SECONDS, retryAfterSeconds ?? 0), MAX_POLL_SECONDS);
}
