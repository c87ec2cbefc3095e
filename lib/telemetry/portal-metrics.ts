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
} as const;

const PORTAL_ATTR = {
  page: "portal.page",
  limit: "portal.rate_limit",
  errorType: "error.type",
  servedFromLastKnownGood: "portal.served_from_last_known_good",
} as const;

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
