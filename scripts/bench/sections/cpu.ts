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

/**
 * The portal process's CPU time per request (from /proc, children included) over a fixed number of
 * requests at 8 connections, per route, and each against the bare baseline page (issue 17: list
 * and detail ≤ 1.5× it). Run twice, interleaved, keeping each route's lower figure: other work on
 * the machine only ever adds.
 */
export async function measureCpuPerRequest({ stack, cookie, report }: BenchContext): Promise<void> {
  const cpu = new Map<string, number>();
  for (let round = 0; round < 2; round++) {
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
      const ms = result.cpuMsPerRequest ?? Number.POSITIVE_INFINITY;
      cpu.set(route.name, Math.min(cpu.get(route.name) ?? Number.POSITIVE_INFINITY, ms));
    }
  }
  const baseline = cpu.get("baseline page") ?? 0;
  const ratio = (name: string) => (baseline > 0 ? (cpu.get(name) ?? 0) / baseline : 0);
  report.record("cpuPerRequest", Object.fromEntries(cpu));
  report.section(
    `CPU per request in the portal process (${REQUESTS} requests at ${CONNECTIONS} connections, best of 2)`,
    formatTable([
      ["route", "CPU ms/req", "× baseline page"],
      ...ROUTES.map((route) => [route.name, String(cpu.get(route.name)), ratio(route.name).toFixed(2)]),
    ]),
  );
  for (const name of ["/checkouts", "/checkouts/<id>"]) {
    report.target(
      `CPU per request, ${name}`,
      "≤ 1.5× baseline page",
      `${ratio(name).toFixed(2)}×`,
      ratio(name) <= 1.5,
    );
  }
}
