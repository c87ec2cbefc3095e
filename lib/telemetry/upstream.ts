import { type Attributes, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { instrumentsFor, portalTracer } from "./scope";

/**
 * Telemetry for calls to the Sweet Spot API: one CLIENT span per attempt, and the upstream metrics,
 * recorded together by `withUpstreamSpan` so that a span and its data points always agree. What goes in:
 * the route TEMPLATE (never the path with ids, never the query), status, attempt, outcome, breaker state
 * and a keyed hash of the user id. Never the key, a token, or anything from a body.
 */

type UpstreamMethod = "GET" | "POST";

/** Why an attempt did not give a usable answer, as counted by `sweetspot.upstream.errors`. */
export type UpstreamErrorKind =
  | "timeout"
  | "network"
  | "aborted"
  | "invalid_body"
  | "unauthorized"
  | "rate_limited"
  | "5xx"
  | "unexpected_status";

export type UpstreamCall = {
  method: UpstreamMethod;
  /** e.g. `/v1/checkouts/{id}`: a template, never a filled-in path or a query. */
  route: string;
  /** 1 for the first try. */
  attempt: number;
  /** Already hashed (lib/telemetry/user-hash.ts); omitted when there is no customer or no key. */
  userHash?: string;
};

export type UpstreamAttemptResult = {
  /** Null when no response arrived (timeout, network, aborted). */
  status: number | null;
  outcome: "ok" | "retry" | "error";
  /** Absent for answers that are not upstream faults (2xx, a 404 meaning "no such checkout"). */
  errorKind?: UpstreamErrorKind;
};

export type UpstreamSpan = {
  /** What this attempt came to; call once, before `fn` returns or throws. */
  record(result: UpstreamAttemptResult): void;
};

export type BreakerState = "closed" | "half_open" | "open";

/** The circuit breaker in front of the Sweet Spot API (lib/sweetspot), as named on spans and the gauge. */
export const SWEETSPOT_API_BREAKER = "sweetspot_api";

const ATTR = {
  method: "http.request.method",
  route: "url.template",
  status: "http.response.status_code",
  resendCount: "http.request.resend_count",
  errorType: "error.type",
  attempt: "sweetspot.attempt",
  outcome: "sweetspot.outcome",
  statusClass: "sweetspot.status_class",
  breakerState: "sweetspot.breaker.state",
  userHash: "enduser.pseudo.id",
  breaker: "portal.breaker",
} as const;

export const UPSTREAM_METRICS = {
  duration: "sweetspot.upstream.request.duration",
  errors: "sweetspot.upstream.errors",
  breakerState: "portal.breaker.state",
} as const;

const BREAKER_STATE_VALUES: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };
const breakerStates = new Map<string, BreakerState>();

const upstreamInstruments = instrumentsFor((meter) => {
  const gauge = meter.createObservableGauge(UPSTREAM_METRICS.breakerState, {
    description: "Circuit breaker state: 0 closed, 1 half-open, 2 open",
  });
  gauge.addCallback((observer) => {
    for (const [breaker, state] of breakerStates) {
      observer.observe(BREAKER_STATE_VALUES[state], { [ATTR.breaker]: breaker });
    }
  });
  return {
    duration: meter.createHistogram(UPSTREAM_METRICS.duration, {
      description: "Duration of one attempt at a Sweet Spot API request",
      unit: "s",
      advice: { explicitBucketBoundaries: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] },
    }),
    errors: meter.createCounter(UPSTREAM_METRICS.errors, {
      description: "Sweet Spot API attempts that gave no usable answer, by kind (retried attempts included)",
    }),
  };
});

/**
 * Runs one upstream attempt inside a CLIENT span (a child of whatever span is active: the request's,
 * from Next), then records its duration and any error. `fn` reports the result through `span.record`.
 */
export async function withUpstreamSpan<T>(
  call: UpstreamCall,
  fn: (span: UpstreamSpan) => Promise<T>,
): Promise<T> {
  const breakerState = breakerStates.get(SWEETSPOT_API_BREAKER);
  const attributes: Attributes = {
    [ATTR.method]: call.method,
    [ATTR.route]: call.route,
    [ATTR.attempt]: call.attempt,
    ...(call.attempt > 1 ? { [ATTR.resendCount]: call.attempt - 1 } : {}),
    ...(breakerState ? { [ATTR.breakerState]: breakerState } : {}),
    ...(call.userHash ? { [ATTR.userHash]: call.userHash } : {}),
  };
  return portalTracer().startActiveSpan(
    `${call.method} ${call.route}`,
    { kind: SpanKind.CLIENT, attributes },
    async (span) => {
      const started = performance.now();
      let result: UpstreamAttemptResult | undefined;
      try {
        return await fn({ record: (recorded) => (result = recorded) });
      } finally {
        // `fn` throwing without a record is a bug in the caller; the span still ends, marked as such.
        const final = result ?? { status: null, outcome: "error" };
        if (final.status !== null) span.setAttribute(ATTR.status, final.status);
        span.setAttribute(ATTR.outcome, final.outcome);
        if (final.errorKind) {
          span.setAttribute(ATTR.errorType, final.errorKind);
          span.setStatus({ code: SpanStatusCode.ERROR, message: final.errorKind });
        }
        span.end();
        recordUpstreamAttempt(call, final, (performance.now() - started) / 1000);
      }
    },
  );
}

function recordUpstreamAttempt(call: UpstreamCall, result: UpstreamAttemptResult, seconds: number) {
  try {
    const { duration, errors } = upstreamInstruments();
    const common = { [ATTR.method]: call.method, [ATTR.route]: call.route };
    duration.record(seconds, {
      ...common,
      [ATTR.statusClass]: statusClass(result.status),
      [ATTR.outcome]: result.outcome,
    });
    if (result.errorKind) errors.add(1, { ...common, [ATTR.errorType]: result.errorKind });
  } catch {
    // Telemetry must never break a request.
  }
}

/** `2xx`, `4xx`, `5xx`…, or `none` when no response arrived: few values, as metric attributes need. */
function statusClass(status: number | null): string {
  return status === null ? "none" : `${Math.floor(status / 100)}xx`;
}

/**
 * The breaker's current state, for the `portal.breaker.state` gauge and the spans of later upstream
 * calls. One call per transition (or per check: repeating a state is harmless).
 */
export function recordBreakerState(breaker: string, state: BreakerState): void {
  breakerStates.set(breaker, state);
}

/** Test support: forget every breaker state. */
export function resetBreakerStates(): void {
  breakerStates.clear();
}
