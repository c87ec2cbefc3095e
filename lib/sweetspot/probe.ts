import "server-only";
import { env } from "@/lib/env";
import { UpstreamAuthError } from "./errors";
import { createHttpClient } from "./http";
import { HEALTH_PROBE_USER_ID } from "./ids";
import { upstreamLoggerFor } from "./log";

/**
 * Does the Sweet Spot API answer, with our key, in good time? Asked by /api/health and once at
 * start-up (instrumentation.ts). The probe lists checkouts filtered by an id and a user id no
 * record has: it proves URL and key without any customer data crossing even the server boundary,
 * and its body is never read.
 */

export type ApiHealth =
  /** Answered 2xx in good time. */
  | "ok"
  /** Answered 401/403: the key is wrong or lacks permission. */
  | "unauthorized"
  /** No usable answer: down, timed out, or something else answering at that URL. */
  | "unreachable"
  /** Answered 2xx, but slower than SLOW_API_MS. */
  | "slow";

type ApiProbe = { status: ApiHealth; latencyMs: number };

/** Above this a probe that succeeds reports `slow` (customers' pages wait about as long). */
export const SLOW_API_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;
/**
 * /api/health is public and polled by load balancers: one probe answers every caller for a few
 * seconds, so nobody can spend the organization key's rate limit through it.
 */
const PROBE_REUSE_MS = 5000;

type ProbeRequest = (signal: AbortSignal) => Promise<unknown>;

type ApiProbeOptions = {
  request: ProbeRequest;
  /** Monotonic milliseconds, for latency and for reusing a recent probe. */
  now: () => number;
};

/** What one probe's outcome says about the API. */
export function classifyProbe(
  outcome: { error: unknown } | { error?: undefined },
  latencyMs: number,
): ApiHealth {
  if (outcome.error === undefined) return latencyMs > SLOW_API_MS ? "slow" : "ok";
  return outcome.error instanceof UpstreamAuthError ? "unauthorized" : "unreachable";
}

/** A probe that asks the API at most once every few seconds, however often it is called. */
export function createApiProbe({ request, now }: ApiProbeOptions): () => Promise<ApiProbe> {
  let last: { at: number; result: Promise<ApiProbe> } | undefined;

  async function probeNow(): Promise<ApiProbe> {
    const started = now();
    let outcome: { error: unknown } | { error?: undefined };
    try {
      await request(AbortSignal.timeout(PROBE_TIMEOUT_MS));
      outcome = {};
    } catch (error) {
      outcome = { error };
    }
    const latencyMs = Math.round(now() - started);
    return { status: classifyProbe(outcome, latencyMs), latencyMs };
  }

  return () => {
    const at = now();
    if (!last || at - last.at > PROBE_REUSE_MS) last = { at, result: probeNow() };
    return last.result;
  };
}

/** The probe request against the configured API; its own client, so it never counts as a customer's call. */
function configuredProbeRequest(): ProbeRequest {
  const config = env();
  const http = createHttpClient({
    baseUrl: config.sweetspotApiUrl,
    apiKey: config.sweetspotApiKey,
    authHeader: config.sweetspotAuthHeader,
    timeoutMs: config.sweetspotTimeoutMs,
    logger: upstreamLoggerFor(config.logLevel),
  });
  const query = new URLSearchParams({ id: "chk_health_probe", userId: HEALTH_PROBE_USER_ID, limit: "1" });
  return (signal) => http.requestJson({ path: "/v1/checkouts", query, signal });
}

let defaultProbe: (() => Promise<ApiProbe>) | undefined;

/** Whether the API answers with our key, checked at most once every few seconds. */
export function probeApi(): Promise<ApiProbe> {
  defaultProbe ??= createApiProbe({ request: configuredProbeRequest(), now: () => performance.now() });
  return defaultProbe();
}

/** One line for the start-up log: which API, and what the probe found. Never the key. */
export function describeProbe(apiUrl: string, probe: ApiProbe): string {
  const verdicts: Record<ApiHealth, string> = {
    ok: "answers with this key",
    slow: `answers with this key, but slowly (over ${SLOW_API_MS} ms)`,
    unauthorized: "refuses this key (401/403): check SWEETSPOT_API_KEY and SWEETSPOT_AUTH_HEADER",
    unreachable: "does not answer as the API: check SWEETSPOT_API_URL and the network",
  };
  return `[portal] Sweet Spot API at ${apiUrl}: ${probe.status}, ${verdicts[probe.status]} (${probe.latencyMs} ms)`;
}

/** The start-up check (instrumentation.ts): one probe, one log line, never a throw. */
export async function logApiAtStart(): Promise<void> {
  try {
    const probe = await probeApi();
    const line = describeProbe(env().sweetspotApiUrl, probe);
    if (probe.status === "unauthorized" || probe.status === "unreachable") console.error(line);
    else console.log(line);
  } catch (error) {
    console.error(
      `[portal] Sweet Spot API check failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
