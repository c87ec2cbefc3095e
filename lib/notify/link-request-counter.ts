import {
  recordRateLimited,
  recordWebhookFailure,
  type WebhookFailureKind,
} from "@/lib/telemetry/portal-metrics";

/**
 * Counts what became of "Email me a new link" requests, per outcome. The customer never sees the
 * outcome, so these counts (and the log lines) are how an operator notices a failing webhook:
 * webhook failures and limited requests go to the portal's metrics (docs/observability.md), and
 * `linkRequestCounts()` keeps a per-process snapshot of every outcome for tests.
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

const WEBHOOK_FAILURES: Partial<Record<LinkRequestOutcome, WebhookFailureKind>> = {
  webhook_rejected: "rejected",
  webhook_timeout: "timeout",
  webhook_unreachable: "network",
};

export function countLinkRequest(outcome: LinkRequestOutcome): void {
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  const failure = WEBHOOK_FAILURES[outcome];
  if (failure) recordWebhookFailure(failure);
  if (outcome === "rate_limited") recordRateLimited("link-request");
}

/** A snapshot: outcome → how many since the process started. */
export function linkRequestCounts(): Partial<Record<LinkRequestOutcome, number>> {
  return Object.fromEntries(counts);
}
