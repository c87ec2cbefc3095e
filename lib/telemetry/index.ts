/**
 * Telemetry helpers for the rest of the portal (docs/observability.md). Every one is a no-op until an
 * OpenTelemetry SDK is registered (lib/telemetry/start.ts, when OTEL_EXPORTER_OTLP_ENDPOINT is set).
 */
export {
  type BudgetOutcome,
  recordRateLimited,
  recordServedFromLastKnownGood,
  recordUpstreamBudget,
  recordUpstreamPause,
  recordWebhookFailure,
  type WebhookFailureKind,
} from "./portal-metrics";
export {
  type BreakerState,
  recordBreakerState,
  SWEETSPOT_API_BREAKER,
  type UpstreamAttemptResult,
  type UpstreamCall,
  type UpstreamErrorKind,
  type UpstreamSpan,
  withUpstreamSpan,
} from "./upstream";
