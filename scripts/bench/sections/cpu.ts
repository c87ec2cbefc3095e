import { summariseCpuRounds } from "../cpu-rounds";
import { runLoad } from "../load";
import { LIVE_CHECKOUT } from "../pages";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

const CONNECTIONS = 8;
const REQUESTS = 400;

const ROUTES = [
  { name: "/api/health", path: "/api/health" },
  { name: "baseline page", path: "/bench/baseline" },
  { name: "/checkouts", path: "/checkouts" },
  { name: "/checkouts/<id>", path: `/checkouts/${LIVE_CHECKOUT}` },
] as const;

type RouteName = (typeof ROUTES)[number]["name"];

const ROUNDS = 5;

/**
 * The portal process's CPU time per request (from /proc, children included) over a fixed number of
 * requests at 8 connections, per route, and each against the bare baseline page (issue 17: list
 * and detail ≤ 1.5× it). Five rounds, each running every route once: a page's ratio is taken within
 * its round (page and baseline a few seconds apart, under the same load from the rest of the
 * machine) and the median of the five is judged, so one disturbed round moves nothing.
 */
export async function measureCpuPerRequest({ stack, cookie, report }: BenchContext): Promise<void> {
  const rounds: Map<RouteName, number>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const figures = new Map<RouteName, number>();
    for (const route of ROUTES) {
      const result = await runLoad({
        url: `${stack.portalUrl}${route.path}`,
        connections: CONNECTIONS,
        seconds: 0,
        amount: REQUESTS,
        cookie,
        server: stack.server,
      });
      if (!result.statuses["200"])
        throw new Error(`${route.path} answers ${JSON.stringify(result.statuses)}`);
      figures.set(route.name, result.cpuMsPerRequest ?? Number.POSITIVE_INFINITY);
    }
    rounds.push(figures);
  }
  const summary = summariseCpuRounds(rounds, "baseline page");
  report.record("cpuPerRequest", { rounds: rounds.map((round) => Object.fromEntries(round)), summary });
  const fixed = (value: number | null, digits: number) => (value === null ? "–" : value.toFixed(digits));
  report.section(
    `CPU per request in the portal process (${REQUESTS} requests at ${CONNECTIONS} connections, ${ROUNDS} rounds)`,
    formatTable([
      ["route", "CPU ms/req, median (min–max)", "× baseline page, median of rounds (min–max)"],
      ...ROUTES.map(({ name }) => {
        const route = summary.get(name);
        return [
          name,
          `${fixed(route?.medianMs ?? null, 1)} (${fixed(route?.minMs ?? null, 1)}–${fixed(route?.maxMs ?? null, 1)})`,
          `${fixed(route?.medianRatio ?? null, 2)} (${fixed(route?.minRatio ?? null, 2)}–${fixed(route?.maxRatio ?? null, 2)})`,
        ];
      }),
    ]),
  );
  for (const name of ["/checkouts", "/checkouts/<id>"] as const) {
    const ratio = summary.get(name)?.medianRatio ?? Number.POSITIVE_INFINITY;
    report.target(
      `CPU per request, ${name}`,
      `≤ 1.5× baseline page (median of ${ROUNDS} rounds)`,
      `${ratio.toFixed(2)}×`,
      ratio <= 1.5,
    );
  }
}
