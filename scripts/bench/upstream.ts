import type { SandboxControl } from "./sandbox-control";

type UpstreamCalls = {
  path: string;
  status: number;
  calls: number;
  /** The API paths called, in the order the sandbox saw them. */
  called: string[];
};

/** How many API requests one view of `path` costs, read from the sandbox's request log. */
export async function upstreamCallsPerView(
  portalUrl: string,
  cookie: string,
  sandbox: SandboxControl,
  path: string,
): Promise<UpstreamCalls> {
  await sandbox.clearRequests();
  const response = await fetch(`${portalUrl}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  await response.text();
  const logged = await sandbox.requests();
  return { path, status: response.status, calls: logged.length, called: logged.map((entry) => entry.path) };
}

type Parallelism = {
  latencyMs: number;
  /** Largest gap between the arrival of the first and the last of one view's API requests. */
  maxSpreadMs: number;
  calls: number;
  parallel: boolean;
};

/**
 * Whether one view's API requests overlap: with every API answer delayed by `latencyMs`, requests
 * made one after another arrive at least that far apart, parallel ones almost together.
 */
export async function detailParallelism(
  portalUrl: string,
  cookie: string,
  sandbox: SandboxControl,
  path: string,
  latencyMs = 200,
  views = 3,
): Promise<Parallelism> {
  await sandbox.addFault({ latencyMs });
  let maxSpreadMs = 0;
  let calls = 0;
  try {
    for (let view = 0; view < views; view++) {
      await sandbox.clearRequests();
      const response = await fetch(`${portalUrl}${path}`, { headers: { Cookie: cookie } });
      await response.text();
      const times = (await sandbox.requests()).map((entry) => Date.parse(entry.time));
      calls = Math.max(calls, times.length);
      if (times.length > 1) maxSpreadMs = Math.max(maxSpreadMs, Math.max(...times) - Math.min(...times));
    }
  } finally {
    await sandbox.clearFaults();
  }
  return { latencyMs, maxSpreadMs, calls, parallel: calls > 1 && maxSpreadMs < latencyMs / 2 };
}
