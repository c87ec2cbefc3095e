import { metrics } from "@opentelemetry/api";
import { OTLPMetricExporter as OTLPJsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as OTLPProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as OTLPJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { DEFAULT_SERVICE_NAME, type TelemetryExport } from "./export-config";
import { UrlRedactingSpanProcessor } from "./redact-urls";

/**
 * The OpenTelemetry SDK for a self-hosted Node.js portal: traces and metrics over OTLP/HTTP. The
 * exporters read the rest of the standard variables themselves (endpoint, headers, timeout,
 * compression, temporality); the span processor and sampler read OTEL_BSP_* and OTEL_TRACES_SAMPLER.
 * Next.js finds the registered tracer provider and adds its own span per request.
 */
export function registerTelemetry(wanted: TelemetryExport): void {
  for (const warning of wanted.warnings) console.warn(`[telemetry] ${warning}`);
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (the env detector) win over the default name.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ "service.name": DEFAULT_SERVICE_NAME }))
    .merge(detectResources({ detectors: [envDetector] }));

  if (wanted.traces) {
    const exporter =
      wanted.traces.protocol === "http/json" ? new OTLPJsonTraceExporter() : new OTLPProtoTraceExporter();
    // Next's own span per fetch would repeat each upstream span with the full URL (query: the user id).
    process.env.NEXT_OTEL_FETCH_DISABLED ??= "1";
    // register(): the global tracer provider, AsyncLocalStorage context and W3C trace context propagation.
    new NodeTracerProvider({
      resource,
      spanProcessors: [new UrlRedactingSpanProcessor(), new BatchSpanProcessor(exporter)],
    }).register();
  }
  if (wanted.metrics) {
    const exporter =
      wanted.metrics.protocol === "http/json" ? new OTLPJsonMetricExporter() : new OTLPProtoMetricExporter();
    const reader = new PeriodicExportingMetricReader({
      exporter,
      exportIntervalMillis: wanted.metricIntervalMs,
      exportTimeoutMillis: Math.min(30_000, wanted.metricIntervalMs),
    });
    metrics.setGlobalMeterProvider(new MeterProvider({ resource, readers: [reader] }));
  }
  console.log(
    JSON.stringify({
      event: "telemetry_started",
      traces: wanted.traces?.protocol ?? "off",
      metrics: wanted.metrics?.protocol ?? "off",
    }),
  );
}
