import { describe, expect, it } from "vitest";
import { telemetryExportFromEnv } from "./export-config";

describe("telemetryExportFromEnv", () => {
  it("exports nothing without an OTLP endpoint (the SDK is then never loaded)", () => {
    expect(telemetryExportFromEnv({})).toBeNull();
    expect(
      telemetryExportFromEnv({ OTEL_SERVICE_NAME: "portal", OTEL_EXPORTER_OTLP_ENDPOINT: " " }),
    ).toBeNull();
  });

  it("exports traces and metrics over http/protobuf, the standard default, once the endpoint is set", () => {
    expect(telemetryExportFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toEqual({
      traces: { protocol: "http/protobuf" },
      metrics: { protocol: "http/protobuf" },
      metricIntervalMs: 60_000,
      warnings: [],
    });
  });

  it("follows per-signal endpoints, protocols, exporters set to none, and the interval", () => {
    expect(
      telemetryExportFromEnv({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces",
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_METRIC_EXPORT_INTERVAL: "5000",
      }),
    ).toEqual({ traces: { protocol: "http/json" }, metrics: null, metricIntervalMs: 5000, warnings: [] });
    expect(
      telemetryExportFromEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
        OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: "http/json",
        OTEL_TRACES_EXPORTER: "none",
      }),
    ).toMatchObject({ traces: null, metrics: { protocol: "http/json" } });
  });

  it("OTEL_SDK_DISABLED=true turns everything off", () => {
    expect(
      telemetryExportFromEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
        OTEL_SDK_DISABLED: "true",
      }),
    ).toBeNull();
  });

  it("says so when asked for gRPC, which this portal does not ship", () => {
    const wanted = telemetryExportFromEnv({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4317",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
    });
    expect(wanted?.traces).toEqual({ protocol: "http/protobuf" });
    expect(wanted?.warnings[0]).toContain("OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported");
  });
});
