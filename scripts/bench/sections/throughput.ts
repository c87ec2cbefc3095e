import { type LoadResult, mergeLoads, runLoad } from "../load";
import { MEASURED_PAGES } from "../pages";
import { megabytes, sampleRss } from "../proc";
import { sandboxControl } from "../sandbox-control";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

const LATENCIES_MS = [0, 50] as const;
const CONNECTIONS = [1, 32] as const;

type Cell = {
  route: string;
  latencyMs: number;
  connections: number;
  portal: LoadResult;
  baseline: LoadResult;
  /** Portal requests per second ÷ baseline requests per second. */
  ratio: number;
};

/**
 * Each page side by side with its baseline, at 1 and 32 connections, with the API answering at
 * once and 50 ms late; the portal's peak memory during the 32-connection runs.
 */
export async function measureThroughput(
  { stack, cookie, report }: BenchContext,
  seconds: number,
): Promise<void> {
  const sandbox = sandboxControl(stack.sandboxUrl);
  const { server } = stack;
  const cells: Cell[] = [];
  let peakRss = 0;
  for (const latencyMs of LATENCIES_MS) {
    await sandbox.clearFaults();
    if (latencyMs > 0) await sandbox.addFault({ latencyMs });
    for (const connections of CONNECTIONS) {
      for (const page of MEASURED_PAGES) {
        // Many connections need longer runs: the first third is ramp-up (see runLoad).
        const runSeconds = connections > 1 ? seconds + 2 : seconds;
        const run = (path: string) =>
          runLoad({ url: `${stack.portalUrl}${path}`, connections, seconds: runSeconds, cookie, server });
        const sampler = connections > 1 ? sampleRss(server.pid) : null;
        // Page, baseline, baseline, page: whatever else the machine does meanwhile weighs on both alike.
        const portalFirst = await run(page.portal);
        const baselineFirst = await run(page.baseline);
        const baselineSecond = await run(page.baseline);
        const portalSecond = await run(page.portal);
        peakRss = Math.max(peakRss, sampler?.stop() ?? 0);
        const portal = mergeLoads(portalFirst, portalSecond);
        const baseline = mergeLoads(baselineFirst, baselineSecond);
        const ratio =
          baseline.requestsPerSecond > 0 ? portal.requestsPerSecond / baseline.requestsPerSecond : 0;
        cells.push({ route: page.name, latencyMs, connections, portal, baseline, ratio });
        report.log(
          `${page.name} +${latencyMs} ms c=${connections}: ${portal.requestsPerSecond} req/s, baseline ${baseline.requestsPerSecond}`,
        );
      }
    }
  }
  await sandbox.clearFaults();

  report.record("load", cells);
  report.record("peakRssMb", megabytes(peakRss));
  report.section(
    `Load (2 × ${seconds} s per cell, 2 × ${seconds + 2} s at 32 connections; baseline = same session check and API call(s), almost no markup)`,
    `${formatTable([
      [
        "page",
        "API latency",
        "conns",
        "req/s",
        "baseline req/s",
        "ratio",
        "p50 ms",
        "p99 ms",
        "base p50",
        "base p99",
        "CPU ms/req",
        "base CPU ms/req",
        "non-200",
      ],
      ...cells.map((cell) => [
        cell.route,
        `${cell.latencyMs} ms`,
        cell.connections,
        cell.portal.requestsPerSecond,
        cell.baseline.requestsPerSecond,
        `${Math.floor(cell.ratio * 100)} %`,
        cell.portal.p50Ms,
        cell.portal.p99Ms,
        cell.baseline.p50Ms,
        cell.baseline.p99Ms,
        cell.portal.cpuMsPerRequest,
        cell.baseline.cpuMsPerRequest,
        notOk(cell.portal) + notOk(cell.baseline),
      ]),
    ])}\nportal peak RSS during the 32-connection runs: ${megabytes(peakRss)} MB`,
  );

  for (const cell of cells) {
    if (cell.connections === 1) {
      report.target(
        `${cell.route} p50 at c=1, API +${cell.latencyMs} ms`,
        `≤ ${cell.latencyMs + 25} ms`,
        `${cell.portal.p50Ms} ms`,
        cell.portal.p50Ms <= cell.latencyMs + 25,
      );
    }
    report.target(
      `${cell.route} throughput vs baseline, c=${cell.connections}, +${cell.latencyMs} ms`,
      "≥ 70 %",
      `${Math.floor(cell.ratio * 100)} %`,
      cell.ratio >= 0.7,
    );
  }
  report.target(
    "portal peak RSS at c=32",
    "≤ 400 MB",
    `${megabytes(peakRss)} MB`,
    peakRss <= 400 * 1024 * 1024,
  );
}

function notOk(load: LoadResult): number {
  return Object.entries(load.statuses)
    .filter(([status]) => status !== "200")
    .reduce((sum, [, count]) => sum + count, 0);
}
