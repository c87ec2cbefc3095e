import type { ServerResponse } from "node:http";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { DataPoint, Histogram } from "@opentelemetry/sdk-metrics";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordBreakerState, SWEETSPOT_API_BREAKER } from "@/lib/telemetry";
import { resetBreakerStates, UPSTREAM_METRICS } from "@/lib/telemetry/upstream";
import { createTelemetryUserHasher } from "@/lib/telemetry/user-hash";
import { type FakeHandler, type FakeUpstream, startFakeUpstream } from "@/test-support/fake-upstream";
import { type InMemoryTelemetry, installInMemoryTelemetry } from "@/test-support/in-memory-telemetry";
import { createSweetspotClient } from "./checkouts";
import { UpstreamAuthError } from "./errors";

/**
 * Issue 15, observability: the real client over real HTTP, with an in-memory OpenTelemetry SDK. Each
 * upstream attempt is a CLIENT span under the request's span, carrying the route template, status,
 * attempt and outcome, and the customer only as a keyed hash; the upstream metrics agree with the spans.
 */

const API_KEY = "sk_telemetry_key_0123456789";
const ALICE = "usr_alice_telemetry";
const CHK = "chk_telemetry00001";
const hashUserId = createTelemetryUserHasher("test-nextauth-secret-for-telemetry");

let telemetry: InMemoryTelemetry;
let upstream: FakeUpstream | undefined;
beforeEach(() => {
  telemetry = installInMemoryTelemetry();
});
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
  resetBreakerStates();
  await telemetry.uninstall();
});

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function clientFor(handler: FakeHandler) {
  upstream = await startFakeUpstream(handler);
  return createSweetspotClient({
    baseUrl: upstream.url,
    apiKey: API_KEY,
    authHeader: "Authorization",
    timeoutMs: 2000,
    logger: () => {},
    recordLogger: () => {},
    sleep: async () => {},
    hashUserId,
  });
}

/** A checkout page's reads, as the page runs them: inside the request's span. */
async function pageView<T>(read: () => Promise<T>) {
  const tracer = trace.getTracer("test");
  return tracer.startActiveSpan("GET /checkouts/[id]", async (requestSpan) => {
    try {
      return { result: await read(), requestSpan: requestSpan.spanContext() };
    } finally {
      requestSpan.end();
    }
  });
}

/** The list answers 503 once, then Alice's checkout; the detail answers at once. */
function flakyListThenDetail(): FakeHandler {
  let listCalls = 0;
  return (request, response) => {
    if ((request.url ?? "").startsWith("/v1/checkouts/")) {
      return sendJson(response, 200, { id: CHK, customerId: ALICE, createdAt: "2026-01-10T10:00:00.000Z" });
    }
    listCalls += 1;
    if (listCalls === 1) return sendJson(response, 503, { error: "busy" });
    sendJson(response, 200, [{ id: CHK, customerId: ALICE, createdAt: "2026-01-10T10:00:00.000Z" }]);
  };
}

describe("upstream spans", () => {
  it("one CLIENT span per attempt, retry included, each a child of the request's span", async () => {
    const client = await clientFor(flakyListThenDetail());
    const { result, requestSpan } = await pageView(() => client.getCustomerCheckoutWithDetail(ALICE, CHK));
    expect(result.detail?.id).toBe(CHK);

    const upstreamSpans = telemetry.spans().filter((span) => span.kind === SpanKind.CLIENT);
    const list = upstreamSpans.filter((span) => span.name === "GET /v1/checkouts");
    const detail = upstreamSpans.filter((span) => span.name === "GET /v1/checkouts/{id}");
    expect(list.map((span) => span.attributes)).toEqual([
      expect.objectContaining({
        "url.template": "/v1/checkouts",
        "http.request.method": "GET",
        "http.response.status_code": 503,
        "sweetspot.attempt": 1,
        "sweetspot.outcome": "retry",
        "error.type": "5xx",
      }),
      expect.objectContaining({
        "url.template": "/v1/checkouts",
        "http.response.status_code": 200,
        "sweetspot.attempt": 2,
        "http.request.resend_count": 1,
        "sweetspot.outcome": "ok",
      }),
    ]);
    expect(list[0]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(list[1]?.attributes["error.type"]).toBeUndefined();
    expect(detail.map((span) => span.attributes)).toEqual([
      expect.objectContaining({ "url.template": "/v1/checkouts/{id}", "http.response.status_code": 200 }),
    ]);

    for (const span of upstreamSpans) {
      expect(span.parentSpanContext?.spanId).toBe(requestSpan.spanId);
      expect(span.spanContext().traceId).toBe(requestSpan.traceId);
    }
  });

  it("names the customer only by the keyed hash: no user id, key, checkout id or query anywhere", async () => {
    const client = await clientFor(flakyListThenDetail());
    await pageView(() => client.getCustomerCheckoutWithDetail(ALICE, CHK));

    const upstreamSpans = telemetry.spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(upstreamSpans).toHaveLength(3);
    for (const span of upstreamSpans) {
      expect(span.attributes["enduser.pseudo.id"]).toBe(hashUserId(ALICE));
      expect(span.attributes["enduser.pseudo.id"]).toMatch(/^[0-9a-f]{16}$/);
    }
    const everything = JSON.stringify(
      telemetry
        .spans()
        .map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })),
    );
    for (const secret of [ALICE, API_KEY, CHK, "userId=", "Bearer"]) expect(everything).not.toContain(secret);
  });

  it("a refused key is one span, not retried, counted as unauthorized", async () => {
    const client = await clientFor((_, response) => sendJson(response, 401, {}));
    await expect(pageView(() => client.getCustomerCheckout(ALICE, CHK))).rejects.toBeInstanceOf(
      UpstreamAuthError,
    );

    const [span, ...others] = telemetry.spans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(others).toEqual([]);
    expect(span?.attributes).toMatchObject({
      "http.response.status_code": 401,
      "sweetspot.outcome": "error",
      "error.type": "unauthorized",
    });
    await telemetry.collect();
    expect(telemetry.points(UPSTREAM_METRICS.errors)).toEqual([
      expect.objectContaining({
        attributes: {
          "http.request.method": "GET",
          "url.template": "/v1/checkouts",
          "error.type": "unauthorized",
        },
        value: 1,
      }),
    ]);
  });

  it("carries the breaker's state once the breaker has reported one", async () => {
    const client = await clientFor(flakyListThenDetail());
    recordBreakerState(SWEETSPOT_API_BREAKER, "half_open");
    await pageView(() => client.getCustomerCheckout(ALICE, CHK));

    const states = telemetry
      .spans()
      .filter((span) => span.kind === SpanKind.CLIENT)
      .map((span) => span.attributes["sweetspot.breaker.state"]);
    expect(states).toEqual(["half_open", "half_open"]);
    await telemetry.collect();
    expect(telemetry.points(UPSTREAM_METRICS.breakerState)).toEqual([
      expect.objectContaining({ attributes: { "portal.breaker": "sweetspot_api" }, value: 1 }),
    ]);
  });
});

describe("upstream metrics", () => {
  it("a latency point per attempt by route and status class, and the failed attempt as a 5xx error", async () => {
    const client = await clientFor(flakyListThenDetail());
    await pageView(() => client.getCustomerCheckoutWithDetail(ALICE, CHK));
    await telemetry.collect();

    const latency = telemetry.points(UPSTREAM_METRICS.duration) as DataPoint<Histogram>[];
    const counts = latency.map((point) => ({ ...point.attributes, count: point.value.count }));
    expect(counts).toEqual(
      expect.arrayContaining([
        {
          "http.request.method": "GET",
          "url.template": "/v1/checkouts",
          "sweetspot.status_class": "5xx",
          "sweetspot.outcome": "retry",
          count: 1,
        },
        {
          "http.request.method": "GET",
          "url.template": "/v1/checkouts",
          "sweetspot.status_class": "2xx",
          "sweetspot.outcome": "ok",
          count: 1,
        },
        {
          "http.request.method": "GET",
          "url.template": "/v1/checkouts/{id}",
          "sweetspot.status_class": "2xx",
          "sweetspot.outcome": "ok",
          count: 1,
        },
      ]),
    );
    expect(counts).toHaveLength(3);
    expect(telemetry.points(UPSTREAM_METRICS.errors)).toEqual([
      expect.objectContaining({
        attributes: { "http.request.method": "GET", "url.template": "/v1/checkouts", "error.type": "5xx" },
        value: 1,
      }),
    ]);
  });

  it("a timed-out attempt counts as timeout", async () => {
    upstream = await startFakeUpstream(() => {}); // never answers
    const client = createSweetspotClient({
      baseUrl: upstream.url,
      apiKey: API_KEY,
      authHeader: "Authorization",
      timeoutMs: 50,
      logger: () => {},
      sleep: async () => {},
    });
    await expect(client.getCustomerCheckout(ALICE, CHK)).rejects.toThrow();
    await telemetry.collect();
    expect(telemetry.points(UPSTREAM_METRICS.errors)).toEqual([
      expect.objectContaining({ attributes: expect.objectContaining({ "error.type": "timeout" }), value: 3 }),
    ]);
    // Without a hasher the spans name no customer at all.
    expect(telemetry.spans().map((span) => span.attributes["enduser.pseudo.id"])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
