import { context, metrics, propagation, trace } from "@opentelemetry/api";
import {
  AggregationTemporality,
  type DataPoint,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-node";

/**
 * Test support only: an in-process OpenTelemetry SDK registered globally, as lib/telemetry/start.ts
 * would register the real one, with spans and metric points kept in memory for assertions.
 */

export type InMemoryTelemetry = {
  spans(): ReadableSpan[];
  /** Every data point of the metric called `name`, collected now (cumulative since install). */
  points(name: string): DataPoint<unknown>[];
  collect(): Promise<void>;
  uninstall(): Promise<void>;
};

export function installInMemoryTelemetry(): InMemoryTelemetry {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
  tracerProvider.register();

  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // Exports only when asked (collect); the interval is never reached within a test.
  const reader = new PeriodicExportingMetricReader({
    exporter: metricExporter,
    exportIntervalMillis: 3_600_000,
  });
  const meterProvider = new MeterProvider({ readers: [reader] });
  metrics.setGlobalMeterProvider(meterProvider);

  return {
    spans: () => spanExporter.getFinishedSpans(),
    async collect() {
      metricExporter.reset();
      await reader.forceFlush();
    },
    points(name) {
      const latest = metricExporter.getMetrics().at(-1);
      const found = latest?.scopeMetrics
        .flatMap((scope) => scope.metrics)
        .find((m) => m.descriptor.name === name);
      return (found?.dataPoints ?? []) as DataPoint<unknown>[];
    },
    async uninstall() {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
      trace.disable();
      metrics.disable();
      context.disable();
      propagation.disable();
    },
  };
}
