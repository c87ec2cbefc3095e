import { metrics, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import {
  recordBreakerState,
  recordRateLimited,
  recordServedFromLastKnownGood,
  recordWebhookFailure,
  SWEETSPOT_API_BREAKER,
  withUpstreamSpan,
} from "./index";
import { resetBreakerStates } from "./upstream";

/** No OTEL_EXPORTER_OTLP_ENDPOINT, so no SDK: every helper must do its caller's work and nothing else. */
describe("with no OpenTelemetry SDK registered", () => {
  it("is what this file runs with", () => {
    // The API's no-op tracer makes spans that are never recording.
    expect(trace.getTracer("probe").startSpan("probe").isRecording()).toBe(false);
    expect(metrics.getMeterProvider().constructor.name).toMatch(/Noop/);
  });

  it("withUpstreamSpan runs the call and hands back its value or its error", async () => {
    const value = await withUpstreamSpan(
      { method: "GET", route: "/v1/checkouts", attempt: 1 },
      async (span) => {
        span.record({ status: 200, outcome: "ok" });
        return 42;
      },
    );
    expect(value).toBe(42);

    const failure = new Error("upstream refused");
    await expect(
      withUpstreamSpan(
        { method: "GET", route: "/v1/checkouts", attempt: 2, userHash: "0123456789abcdef" },
        async (span) => {
          span.record({ status: 503, outcome: "error", errorKind: "5xx" });
          throw failure;
        },
      ),
    ).rejects.toBe(failure);
    // A call that throws before recording still ends cleanly.
    await expect(
      withUpstreamSpan({ method: "GET", route: "/v1/checkouts", attempt: 1 }, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it("the metric helpers do nothing and do not throw", () => {
    expect(() => {
      recordServedFromLastKnownGood("/checkouts");
      recordRateLimited("sign-in-email");
      recordWebhookFailure("network");
      recordBreakerState(SWEETSPOT_API_BREAKER, "open");
    }).not.toThrow();
    resetBreakerStates();
  });
});
