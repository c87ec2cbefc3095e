import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterEach, describe, expect, it } from "vitest";
import { UrlRedactingSpanProcessor } from "./redact-urls";

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({
  spanProcessors: [new UrlRedactingSpanProcessor(), new SimpleSpanProcessor(exporter)],
});
const tracer = provider.getTracer("test");
afterEach(() => exporter.reset());

describe("UrlRedactingSpanProcessor", () => {
  it("replaces a request's URL by its route template once Next has named the route", () => {
    const span = tracer.startSpan("GET", {
      attributes: { "http.target": "/checkouts/chk_123?tab=shipping" },
    });
    span.setAttributes({ "http.route": "/checkouts/[id]", "next.route": "/checkouts/[id]" });
    span.end();
    expect(exporter.getFinishedSpans()[0]?.attributes["http.target"]).toBe("/checkouts/[id]");
  });

  it("drops the query (an email link's token) when there is no route, and from span names", () => {
    const span = tracer.startSpan("fetch GET http://api.test/v1/checkouts?userId=usr_alice", {
      attributes: {
        "http.target": "/link?token=secret-link-token",
        "http.url": "http://api.test/v1/checkouts?userId=usr_alice#x",
        "url.query": "userId=usr_alice",
      },
    });
    span.end();
    const [finished] = exporter.getFinishedSpans();
    expect(finished?.name).toBe("fetch GET http://api.test/v1/checkouts");
    expect(finished?.attributes).toMatchObject({
      "http.target": "/link",
      "http.url": "http://api.test/v1/checkouts",
      "url.query": "[redacted]",
    });
    expect(JSON.stringify(finished?.attributes)).not.toMatch(/usr_alice|secret-link-token/);
  });

  it("replaces ids in a path Next has not named a route for (its middleware pass)", () => {
    const span = tracer.startSpan("middleware GET", {
      attributes: {
        "http.target": "/checkouts/chk_alexshippedups?x=1",
        "http.url": "http://api.test:4010/v1/checkouts/chk_1a2b3c",
      },
    });
    span.end();
    expect(exporter.getFinishedSpans()[0]?.attributes).toMatchObject({
      "http.target": "/checkouts/[id]",
      "http.url": "http://api.test:4010/v1/checkouts/[id]",
    });
  });

  it("leaves spans without URLs alone", () => {
    tracer.startSpan("GET /v1/checkouts", { attributes: { "url.template": "/v1/checkouts" } }).end();
    expect(exporter.getFinishedSpans()[0]?.attributes).toEqual({ "url.template": "/v1/checkouts" });
  });
});
