import { telemetryExportFromEnv } from "./export-config";

/**
 * Called once from instrumentation.ts (Node.js runtime only). Without OTEL_EXPORTER_OTLP_ENDPOINT (or a
 * per-signal endpoint) it returns at once and the SDK is never loaded: the helpers stay no-ops.
 */
export async function startTelemetryIfConfigured(env = process.env): Promise<void> {
  const wanted = telemetryExportFromEnv(env);
  if (!wanted) return;
  const { registerTelemetry } = await import("./register-node");
  registerTelemetry(wanted);
}
