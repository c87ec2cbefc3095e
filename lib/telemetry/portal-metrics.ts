import { trace } from "@opentelemetry/api";
import { instrumentsFor } from "./scope";

/**
 * The portal's own counters, one function each so callers never touch the OpenTelemetry API. Attribute
 * values are names from code (a page template, a limit's name, a failure kind): never ids or input.
 */

export const PORTAL_METRICS = {
  lastKnownGood: "portal.last_known_good.served",
  rateLimited: "portal.rate_limited",
  webhookFailures: "portal.notification.webhook.failures",
  upstreamBudget: "portal.upstream.budget.calls",
  upstreamPauses: "portal.upstream.rate_limit.pauses",
  upstreamPauseSeconds: "portal.upstream.rate_limit.pause_seconds",
} as const;

const PORTAL_ATTR = {
  page: "portal.page",
  limit: "portal.rate_limit",
  errorType: "error.type",
  servedFromLastKnownGood: "portal.served_from_last_known_good",
  budgetOutcome: "portal.budget.outcome",
  budgetPriority: "portal.budget.priority",
  budgetReason: "portal.budget.reason",
} as const;

/** What the upstream budget did with one call: let it through, made a page view wait, or refused it. */
export type BudgetOutcome = "admitted" | "deferred" | "refused";

export type WebhookFailureKind = "timeout" | "network" | "rejected" | "other";

const portalInstruments = instrumentsFor((meter) => ({
  lastKnownGood: meter.createCounter(PORTAL_METRICS.lastKnownGood, {
    description: "Pages answered from last known good because the Sweet Spot API could not be read",
  }),
  rateLimited: meter.createCounter(PORTAL_METRICS.rateLimited, {
    description: "Requests refused by a rate limit, by the limit's name",
  }),
  webhookFailures: meter.createCounter(PORTAL_METRICS.webhookFailures, {
    description: "Notification webhook calls that failed, by kind",
  }),
  upstreamBudget: meter.createCounter(PORTAL_METRICS.upstreamBudget, {
    description:
      "Calls on the Sweet Spot API's key by what the upstream budget did with them (admitted, deferred, refused)",
  }),
  upstreamPauses: meter.createCounter(PORTAL_METRICS.upstreamPauses, {
    description: "429 answers from the Sweet Spot API, each pausing every instance",
  }),
  upstreamPauseSeconds: meter.createHistogram(PORTAL_METRICS.upstreamPauseSeconds, {
    description: "How long each 429 paused calls to the Sweet Spot API",
    unit: "s",
  }),
}));

function safely(record: () => void) {
  try {
    record();
  } catch {
    // Telemetry must never break a request.
  }
}

/**
 * A page answered from last known good. `page` is its route template (`/checkouts/[id]`), never a
 * filled-in path. Also marks the active span (the request's), so the trace shows it.
 */
export function recordServedFromLastKnownGood(page: string): void {
  safely(() => {
    portalInstruments().lastKnownGood.add(1, { [PORTAL_ATTR.page]: page });
    trace.getActiveSpan()?.setAttribute(PORTAL_ATTR.servedFromLastKnownGood, true);
  });
}

/** A request refused by the rate limit called `limit` (a fixed name such as `sign-in-email`). */
export function recordRateLimited(limit: string): void {
  safely(() => portalInstruments().rateLimited.add(1, { [PORTAL_ATTR.limit]: limit }));
}

/** A notification webhook call that failed. */
export function recordWebhookFailure(kind: WebhookFailureKind): void {
  safely(() => portalInstruments().webhookFailures.add(1, { [PORTAL_ATTR.errorType]: kind }));
}

/**
 * One call through the upstream budget: `admitted` (budget used), `deferred` (a page view waited for a
 * slot or for a pause to end) or `refused` (held back: a poll over its share, or a page view out of time).
 */
export function recordUpstreamBudget(
  outcome: BudgetOutcome,
  priority: "page" | "poll",
  reason?: "budget" | "paused",
): void {
  safely(() =>
    portalInstruments().upstreamBudget.add(1, {
      [PORTAL_ATTR.budgetOutcome]: outcome,
      [PORTAL_ATTR.budgetPriority]: priority,
      ...(reason ? { [PORTAL_ATTR.budgetReason]: reason } : {}),
    }),
  );
}

/** A 429 from the Sweet Spot API paused every instance for `seconds`. */
export function recordUpstreamPause(seconds: number): void {
  safely(() => {
    portalInstruments().upstreamPauses.add(1);
    portalInstruments().upstreamPauseSeconds.record(seconds);
  });
}
