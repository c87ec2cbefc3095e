import { SCALE_CUSTOMER } from "../../../sandbox/scenarios";
import { type LoadResult, mergeLoads, runLoad } from "../load";
import type { Report } from "../report";
import { sandboxControl } from "../sandbox-control";
import { signInThroughLink } from "../session";
import { startStack } from "../stack";
import { formatTable } from "../table";
import { upstreamCallsPerView } from "../upstream";

/** A customer of the synthetic generator with a couple of dozen checkouts, like most customers. */
const FEW_CHECKOUTS_CUSTOMER = "usr_synth00000";

/**
 * With 100,000 checkouts in a second sandbox: pages 1 and 50 of the customer who has 10,000 of
 * them, against page 1 of a customer with about 25 (same generator, same page size).
 */
export async function measureScale(
  report: Report,
  options: { portalPort: number; sandboxPort: number; seconds: number },
): Promise<void> {
  report.log("starting a sandbox with SANDBOX_CHECKOUTS=100000 and a portal for it…");
  const scale = await startStack({
    portalPort: options.portalPort,
    sandboxPort: options.sandboxPort,
    extraCheckouts: 100_000,
  });
  try {
    const sandbox = sandboxControl(scale.sandboxUrl);
    const { server } = scale;
    const cases = [
      { label: `${SCALE_CUSTOMER.id} page 1`, userId: SCALE_CUSTOMER.id, path: "/checkouts" },
      { label: `${SCALE_CUSTOMER.id} page 50`, userId: SCALE_CUSTOMER.id, path: "/checkouts?page=50" },
      {
        label: `${FEW_CHECKOUTS_CUSTOMER} (about 25 checkouts) page 1`,
        userId: FEW_CHECKOUTS_CUSTOMER,
        path: "/checkouts",
      },
    ];
    type Prepared = (typeof cases)[number] & {
      cookie: string;
      url: string;
      calls: Awaited<ReturnType<typeof upstreamCallsPerView>>;
    };
    const prepared: Prepared[] = [];
    for (const entry of cases) {
      const cookie = await signInThroughLink(scale.portalUrl, scale.linkSecret, entry.userId);
      const url = `${scale.portalUrl}${entry.path}`;
      // A new portal: warm every case up before timing any, so the first is not the slowest.
      await runLoad({ url, connections: 4, seconds: 2, cookie, server });
      await server.waitUntilIdle();
      const calls = await upstreamCallsPerView(scale.portalUrl, cookie, sandbox, entry.path);
      prepared.push({ ...entry, cookie, url, calls });
    }
    const timed = (entry: Prepared) =>
      runLoad({ url: entry.url, connections: 1, seconds: options.seconds, cookie: entry.cookie, server });
    // Each case twice, the second time in reverse order.
    const firstRuns: LoadResult[] = [];
    for (const entry of prepared) firstRuns.push(await timed(entry));
    const secondRuns: LoadResult[] = [];
    for (const entry of [...prepared].reverse()) secondRuns.unshift(await timed(entry));
    const measured = prepared.map((entry, index) => {
      const first = firstRuns[index];
      const second = secondRuns[index];
      if (!first || !second) throw new Error("a scale run is missing");
      return { ...entry, load: mergeLoads(first, second) };
    });

    const reference = measured.at(-1)?.load.p50Ms ?? 0;
    const versusFew = (p50Ms: number) => (reference > 0 ? p50Ms / reference : Number.POSITIVE_INFINITY);
    report.record(
      "scale",
      measured.map((entry) => ({
        label: entry.label,
        path: entry.path,
        status: entry.calls.status,
        upstreamCalls: entry.calls.calls,
        load: entry.load,
        p50VsFew: versusFew(entry.load.p50Ms),
      })),
    );
    report.section(
      "Scale: 100,000 checkouts in the sandbox, concurrency 1",
      formatTable([
        ["customer and page", "status", "API calls", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "p50 vs few"],
        ...measured.map((entry) => [
          entry.label,
          entry.calls.status,
          entry.calls.calls,
          entry.load.requestsPerSecond,
          entry.load.p50Ms,
          entry.load.p99Ms,
          entry.load.cpuMsPerRequest,
          `${versusFew(entry.load.p50Ms).toFixed(2)}×`,
        ]),
      ]),
    );
    for (const entry of measured.slice(0, -1)) {
      const ratio = versusFew(entry.load.p50Ms);
      report.target(
        `${entry.label}: upstream calls`,
        "1",
        String(entry.calls.calls),
        entry.calls.calls === 1,
      );
      report.target(
        `${entry.label}: p50 vs a customer with few`,
        "≤ 1.5×",
        `${ratio.toFixed(2)}×`,
        ratio <= 1.5,
      );
    }
  } finally {
    await scale.stop();
  }
}
