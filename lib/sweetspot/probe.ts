import "server-only";
import { listCheckouts } from "./checkouts";

export type ApiProbe = { status: "ok" | "unavailable"; latencyMs: number };

const PROBE_TIMEOUT_MS = 2000;
/**
 * /api/health is public and polled by load balancers: one probe answers every caller for a few
 * seconds, so nobody can spend the organization key's rate limit through it.
 */
const PROBE_REUSE_MS = 5000;

let lastProbe: { at: number; result: Promise<ApiProbe> } | undefined;

async function probeNow(): Promise<ApiProbe> {
  const started = performance.now();
  try {
    // Filtered by an id no checkout has: no customer data crosses even the server boundary.
    await listCheckouts(
      { id: "chk_health_probe", limit: 1 },
      { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) },
    );
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "unavailable", latencyMs: Math.round(performance.now() - started) };
  }
}

/** Whether the API answers with our key, checked at most once every few seconds. */
export function probeApi(): Promise<ApiProbe> {
  const now = Date.now();
  if (!lastProbe || now - lastProbe.at > PROBE_REUSE_MS) lastProbe = { at: now, result: probeNow() };
  return lastProbe.result;
}
