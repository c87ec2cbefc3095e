import { trace } from "@opentelemetry/api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type InMemoryTelemetry, installInMemoryTelemetry } from "@/test-support/in-memory-telemetry";
import {
  PORTAL_METRICS,
  recordRateLimited,
  recordServedFromLastKnownGood,
  recordUpstreamBudget,
  recordUpstreamPause,
  recordWebhookFailure,
} from "./portal-metrics";

let telemetry: InMemoryTelemetry;
beforeEach(() => {
  telemetry = installInMemoryTelemetry();
});
afterEach(() => telemetry.uninstall());

describe("portal counters", () => {
  it("counts pages served from last known good by page template, and marks the request's span", async () => {
    await trace.getTracer("test").startActiveSpan("GET /checkouts", async (span) => {
      recordServedFromLastKnownGood("/checkouts");
      recordServedFromLastKnownGood("/checkouts");
      span.end();
    });
    await telemetry.collect();
    expect(telemetry.points(PORTAL_METRICS.lastKnownGood)).toEqual([
      expect.objectContaining({ attributes: { "portal.page": "/checkouts" }, value: 2 }),
    ]);
    expect(telemetry.spans()[0]?.attributes).toMatchObject({ "portal.served_from_last_known_good": true });
  });

  it("counts rate-limited requests by limit name and webhook failures by kind", async () => {
    recordRateLimited("sign-in-email");
    recordRateLimited("sign-in-email");
    recordRateLimited("status-image");
    recordWebhookFailure("timeout");
    await telemetry.collect();
    expect(telemetry.points(PORTAL_METRICS.rateLimited)).toEqual([
      expect.objectContaining({ attributes: { "portal.rate_limit": "sign-in-email" }, value: 2 }),
      expect.objectContaining({ attributes: { "portal.rate_limit": "status-image" }, value: 1 }),
    ]);
    expect(telemetry.points(PORTAL_METRICS.webhookFailures)).toEqual([
      expect.objectContaining({ attributes: { "error.type": "timeout" }, value: 1 }),
    ]);
  });

  it("counts calls through the upstream budget by outcome, priority and reason, and 429 pauses", async () => {
    recordUpstreamBudget("admitted", "page");
    recordUpstreamBudget("admitted", "page");
    recordUpstreamBudget("refused", "poll", "budget");
    recordUpstreamBudget("deferred", "page", "paused");
    recordUpstreamPause(30);
    await telemetry.collect();
    expect(telemetry.points(PORTAL_METRICS.upstreamBudget)).toEqual([
      expect.objectContaining({
        attributes: { "portal.budget.outcome": "admitted", "portal.budget.priority": "page" },
        value: 2,
      }),
      expect.objectContaining({
        attributes: {
          "portal.budget.outcome": "refused",
          "portal.budget.priority": "poll",
          "portal.budget.reason": "budget",
        },
        value: 1,
      }),
      expect.objectContaining({
        attributes: {
          "portal.budget.outcome": "deferred",
          "portal.budget.priority": "page",
          "portal.budget.reason": "paused",
        },
        value: 1,
      }),
    ]);
    expect(telemetry.points(PORTAL_METRICS.upstreamPauses)).toEqual([expect.objectContaining({ value: 1 })]);
  });
});
