import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Test support only: an in-process OTLP/HTTP receiver for JSON (OTEL_EXPORTER_OTLP_PROTOCOL=http/json),
 * standing in for an OpenTelemetry Collector. It keeps every export request as received.
 */

export type OtlpAnyValue = {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
  doubleValue?: number;
};
export type OtlpAttribute = { key: string; value: OtlpAnyValue };
export type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
};
export type OtlpTraces = {
  resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: OtlpSpan[] }[] }[];
};
export type OtlpMetrics = {
  resourceMetrics?: { scopeMetrics?: { metrics?: { name: string }[] }[] }[];
};

export type OtlpReceiver = {
  /** For OTEL_EXPORTER_OTLP_ENDPOINT: the exporters add `/v1/traces` and `/v1/metrics`. */
  url: string;
  traces: OtlpTraces[];
  metrics: OtlpMetrics[];
  /** Every request body as text, to search for what must never be exported. */
  raw: string[];
  close(): Promise<void>;
};

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const traces: OtlpTraces[] = [];
  const metrics: OtlpMetrics[] = [];
  const raw: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      raw.push(text);
      try {
        if (request.url === "/v1/traces") traces.push(JSON.parse(text) as OtlpTraces);
        if (request.url === "/v1/metrics") metrics.push(JSON.parse(text) as OtlpMetrics);
      } catch {
        // Not JSON (a protobuf exporter): kept in `raw` only.
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    traces,
    metrics,
    raw,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The value of one attribute, whatever its OTLP type. */
export function attributeOf(attributes: OtlpAttribute[] | undefined, key: string): unknown {
  const value = attributes?.find((attribute) => attribute.key === key)?.value;
  if (!value) return undefined;
  return value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
}

export const SPAN_KIND_SERVER = 2;
export const SPAN_KIND_CLIENT = 3;
