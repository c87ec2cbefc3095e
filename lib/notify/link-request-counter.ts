/**
 * Counts what became of "Email me a new link" requests, per outcome, in this process. The customer
 * never sees the outcome, so these counts (and the log lines) are how an operator notices a
 * failing webhook. Read by whatever exports metrics (`linkRequestCounts()`); kept as a plain module
 * until the portal has a metrics library to register it with.
 */

export type LinkRequestOutcome =
  | "delivered"
  | "webhook_rejected"
  | "webhook_timeout"
  | "webhook_unreachable"
  | "rate_limited"
  | "not_renewable"
  | "no_webhook_configured";

const counts = new Map<LinkRequestOutcome, number>();

export function countLinkRequest(outcome: LinkRequestOutcome): void {
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
}

/** A snapshot: outcome → how many since the process started. */
export function linkRequestCounts(): Partial<Record<LinkRequestOutcome, number>> {
  return Object.fromEntries(counts);
}
