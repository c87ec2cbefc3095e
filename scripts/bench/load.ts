import autocannon, { type AutocannonRequest } from "autocannon";
import { treeCpuMs } from "./proc";

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  /** Over the whole run at one connection; after the first third at more (see runLoad). */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Count per HTTP status, plus "error" and "timeout" for requests that got no answer. */
  statuses: Record<string, number>;
  /**
   * The server's CPU time per request sent, including those it finished after the run ended. Less
   * at the mercy of other work on the machine than latency is.
   */
  cpuMsPerRequest: number | null;
};

type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  /** Stop after this many requests instead of after `seconds` (CPU per request over a fixed load). */
  amount?: number;
  cookie: string;
  /** Several paths are requested in turn by each connection; defaults to the URL's own path. */
  requests?: AutocannonRequest[];
  /** Ask for gzip, as browsers do (default). Off when `onResponse` must read the bodies. */
  gzip?: boolean;
  /** The server under load: its CPU time is measured, and a run starts and ends with it idle. */
  server?: ServerUnderLoad;
};

export type ServerUnderLoad = { pid: number; waitUntilIdle(): Promise<void> };

/** Drives `url` with autocannon for a fixed time and keeps the figures the report prints. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { server } = options;
  await server?.waitUntilIdle();
  const cpuBefore = server ? treeCpuMs(server.pid) : 0;
  // With many connections the first answers come late (every connection waits its turn), so
  // requests per second are counted over the rest of the run, once the server is saturated.
  const rampMs = options.connections > 1 ? (options.seconds * 1000) / 3 : 0;
  const completions: number[] = [];
  const requests = (options.requests ?? [{}]).map((request) => ({
    ...request,
    onResponse: (status: number, body: string, context: unknown, headers: Record<string, string>) => {
      completions.push(performance.now());
      request.onResponse?.(status, body, context, headers);
    },
  }));
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    timeout: 30,
    headers: { Cookie: options.cookie, ...(options.gzip === false ? {} : { "Accept-Encoding": "gzip" }) },
    requests,
  });
  const ended = performance.now();
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) statuses[status] = count;
  if (result.errors > 0) statuses.error = result.errors;
  if (result.timeouts > 0) statuses.timeout = result.timeouts;
  await server?.waitUntilIdle();
  const cpuMs = server ? treeCpuMs(server.pid) - cpuBefore : 0;
  const steadyFrom = started + rampMs;
  const steady = completions.filter((time) => time >= steadyFrom).length;
  return {
    connections: options.connections,
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: round((steady * 1000) / Math.max(1, ended - steadyFrom)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
    cpuMsPerRequest: server && result.requests.sent > 0 ? round(cpuMs / result.requests.sent) : null,
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Two runs of the same load as one: counts add up, latency percentiles are averaged (p99: the worse). */
export function mergeLoads(first: LoadResult, second: LoadResult): LoadResult {
  const statuses = { ...first.statuses };
  for (const [status, count] of Object.entries(second.statuses))
    statuses[status] = (statuses[status] ?? 0) + count;
  const requests = first.requests + second.requests;
  const seconds = first.seconds + second.seconds;
  const cpu =
    first.cpuMsPerRequest !== null && second.cpuMsPerRequest !== null && requests > 0
      ? round((first.cpuMsPerRequest * first.requests + second.cpuMsPerRequest * second.requests) / requests)
      : null;
  return {
    connections: first.connections,
    seconds,
    requests,
    requestsPerSecond: round(
      (first.requestsPerSecond * first.seconds + second.requestsPerSecond * second.seconds) / seconds,
    ),
    p50Ms: round((first.p50Ms + second.p50Ms) / 2),
    p99Ms: Math.max(first.p99Ms, second.p99Ms),
    statuses,
    cpuMsPerRequest: cpu,
  };
}
