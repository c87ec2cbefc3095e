import "server-only";
import { listCheckouts } from "./checkouts";

export type ApiProbe = { status: "ok" | "unavailable"; latencyMs: number };

const PROBE_TIMEOUT_MS = 2000;

/**
 * A cheap check that the API answers with our key: a list filtered by an id no checkout has, so
 * no customer data crosses even the server boundary.
 */
export async function probeApi(): Promise<ApiProbe> {
  const started = performance.now();
  try {
    await listCheckouts(
      { id: "chk_health_probe", limit: 1 },
      { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) },
    );
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "unavailable", latencyMs: Math.round(performance.now() - started) };
  }
}
