/**
 * Runs once when a portal server starts: a bad configuration stops it here, with one message naming
 * every bad variable, rather than on the first customer's request. Against the real API it then
 * checks URL and key with one cheap request and logs the outcome in one line; in the background,
 * so start-up never waits on the API. With OTEL_EXPORTER_OTLP_ENDPOINT set it also starts OpenTelemetry
 * export (docs/observability.md).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { stopOnInvalidConfig } = await import("./lib/config/stop-on-invalid-config");
  const config = stopOnInvalidConfig();
  await import("./lib/telemetry/start").then(({ startTelemetryIfConfigured }) =>
    startTelemetryIfConfigured(),
  );
  // Which shared store this instance uses (docs/shared-state.md); creating it starts its connection.
  void import("./lib/store/shared").then(({ sharedStore }) =>
    console.log(`[store] ${sharedStore().description}`),
  );
  if (!config.sandboxMode) {
    void import("./lib/sweetspot/probe").then(({ logApiAtStart }) => logApiAtStart());
  }
}
