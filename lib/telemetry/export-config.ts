/**
 * What the standard OTEL_* variables ask this process to export. Pure, and free of SDK imports, so a
 * portal without them never loads the SDK at all.
 */

export const DEFAULT_SERVICE_NAME = "sweetspot-checkout-portal";

type OtlpProtocol = "http/protobuf" | "http/json";

type SignalExport = { protocol: OtlpProtocol } | null;

export type TelemetryExport = {
  traces: SignalExport;
  metrics: SignalExport;
  /** How often metrics are sent (OTEL_METRIC_EXPORT_INTERVAL, default 60 s). */
  metricIntervalMs: number;
  /** Lines worth one warning at start-up (unsupported values). */
  warnings: string[];
};

type Env = Readonly<Record<string, string | undefined>>;

const set = (value: string | undefined) => value !== undefined && value.trim() !== "";

export function telemetryExportFromEnv(env: Env): TelemetryExport | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return null;
  const warnings: string[] = [];

  function signal(name: "TRACES" | "METRICS"): SignalExport {
    if (!set(env.OTEL_EXPORTER_OTLP_ENDPOINT) && !set(env[`OTEL_EXPORTER_OTLP_${name}_ENDPOINT`]))
      return null;
    if (env[`OTEL_${name}_EXPORTER`]?.trim().toLowerCase() === "none") return null;
    const variable = set(env[`OTEL_EXPORTER_OTLP_${name}_PROTOCOL`])
      ? `OTEL_EXPORTER_OTLP_${name}_PROTOCOL`
      : "OTEL_EXPORTER_OTLP_PROTOCOL";
    const protocol = env[variable]?.trim() || "http/protobuf";
    if (protocol === "http/protobuf" || protocol === "http/json") return { protocol };
    warnings.push(
      `${variable}=${protocol} is not supported (use http/protobuf or http/json); using http/protobuf`,
    );
    return { protocol: "http/protobuf" };
  }

  const traces = signal("TRACES");
  const metrics = signal("METRICS");
  if (!traces && !metrics) return null;
  const interval = Number(env.OTEL_METRIC_EXPORT_INTERVAL);
  return {
    traces,
    metrics,
    metricIntervalMs: Number.isSafeInteger(interval) && interval > 0 ? interval : 60_000,
    warnings,
  };
}
