import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor } from "./support/auth";
import { E2E_SECRETS } from "./support/environment";
import {
  attributeOf,
  type OtlpReceiver,
  type OtlpSpan,
  SPAN_KIND_CLIENT,
  SPAN_KIND_SERVER,
  startOtlpReceiver,
} from "./support/otlp-receiver";
import { type RunningServer, startStandalonePortal } from "./support/servers";

/**
 * Issue 15, observability, end to end: the standalone portal (what the Dockerfile runs) with only the
 * standard OTEL_* variables set exports, to an in-process OTLP/HTTP receiver, a span per request with
 * the upstream calls beneath it, and the upstream metrics, naming the customer only by a hash.
 */

let receiver: OtlpReceiver;
let portal: RunningServer;

/** A port nobody listens on now (the receiver and this portal need none of the suite's offsets). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

test.beforeAll(async () => {
  receiver = await startOtlpReceiver();
  portal = await startStandalonePortal(await freePort(), {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    // Export soon after the page, so the test need not wait for the 5 s / 60 s defaults.
    OTEL_BSP_SCHEDULE_DELAY: "100",
    OTEL_METRIC_EXPORT_INTERVAL: "500",
  });
});

test.afterAll(async () => {
  await portal?.process.stop(10_000);
  await receiver?.close();
});

function allSpans(): { span: OtlpSpan; serviceName: unknown }[] {
  return receiver.traces.flatMap((batch) =>
    (batch.resourceSpans ?? []).flatMap((resourceSpans) =>
      (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
        (scope.spans ?? []).map((span) => ({
          span,
          serviceName: attributeOf(resourceSpans.resource?.attributes, "service.name"),
        })),
      ),
    ),
  );
}

test("a page view exports a request span with the upstream calls beneath it, and the upstream metrics", async ({
  page,
}) => {
  const customer = DEMO_CUSTOMERS.alex.id;
  // Signing in through this portal's own email link puts a token in a request URL, for the leak check.
  const link = new URL(await linkFor({ userId: customer }), portal.url);
  const token = link.searchParams.get("token") ?? "";
  expect(token).not.toBe("");
  await page.goto(`${portal.url}${link.pathname}${link.search}`);
  const response = await page.goto(`${portal.url}/checkouts/${SCENARIOS.shippedUps}`);
  expect(response?.status()).toBe(200);

  // An upstream span whose chain of parents, in the same trace, reaches Next's span for the request.
  await expect
    .poll(
      () => {
        const spans = allSpans().map(({ span }) => span);
        const byId = new Map(spans.map((span) => [span.spanId, span]));
        return spans
          .filter((span) => span.kind === SPAN_KIND_CLIENT && attributeOf(span.attributes, "url.template"))
          .map((span) => {
            let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
            while (parent && parent.kind !== SPAN_KIND_SERVER) {
              parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined;
            }
            return {
              name: span.name,
              status: attributeOf(span.attributes, "http.response.status_code"),
              attempt: attributeOf(span.attributes, "sweetspot.attempt"),
              hasUserHash: /^[0-9a-f]{16}$/.test(String(attributeOf(span.attributes, "enduser.pseudo.id"))),
              request: parent && parent.traceId === span.traceId ? parent.name : null,
            };
          });
      },
      { timeout: 15_000 },
    )
    .toContainEqual({
      name: "GET /v1/checkouts",
      status: 200,
      attempt: 1,
      hasUserHash: true,
      request: expect.stringContaining("/checkouts/"),
    });

  expect(new Set(allSpans().map(({ serviceName }) => serviceName))).toEqual(
    new Set(["sweetspot-checkout-portal"]),
  );

  await expect
    .poll(
      () =>
        receiver.metrics.flatMap((batch) =>
          (batch.resourceMetrics ?? []).flatMap((resource) =>
            (resource.scopeMetrics ?? []).flatMap((scope) =>
              (scope.metrics ?? []).map((metric) => metric.name),
            ),
          ),
        ),
      { timeout: 15_000 },
    )
    .toContain("sweetspot.upstream.request.duration");

  // The customer only as a hash; no key, secret, link token or checkout id in anything exported.
  const exported = receiver.raw.join("\n");
  const leaked = [customer, token, SCENARIOS.shippedUps, ...Object.values(E2E_SECRETS)].filter((secret) =>
    exported.includes(secret),
  );
  expect(leaked).toEqual([]);
});
