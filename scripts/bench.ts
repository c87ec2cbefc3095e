/**
 * `npm run bench`: how fast and how lean the portal is, and how it holds up when the API fails.
 * Loopback only and bounded (four to five minutes): builds if needed, starts a sandbox and the
 * production portal itself, signs a customer in through a minted link, prints tables and targets,
 * and writes the figures to bench-results/ (git-ignored). Timing lives here, never in tests.
 *
 *   npm run bench [-- --seconds 3 --quick --no-lighthouse --no-scale --portal-port 3400 --sandbox-port 4400]
 *   npm run bench -- --only cpu [--cpu-prof]   (CPU per request against the baseline page; with a profile of the portal)
 *   npm run bench -- --only outage     (just the outage answers: hung API and 503, with and without last known good)
 *   npm run bench -- --only faults     (just the fault load: 32 connections, 10 % of API calls failing)
 *   npm run bench -- --only weight     (just the upstream calls per view, email-link visit included, and page weight)
 *   npm run bench -- --only lighthouse (just Lighthouse: three mobile runs per page, median and minimum)
 *   npm run bench -- --only blast [--full] [--budget N]
 *                                      (a notification blast: two instances, Redis, the sandbox's rate limit;
 *                                       300 link opens over 30 s while 200 pages poll, --full 2,000 over 60 s
 *                                       while 1,000 poll; --budget sets SWEETSPOT_API_BUDGET)
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEMO_CUSTOMERS } from "../sandbox/scenarios";
import { runLoad } from "./bench/load";
import { MEASURED_PAGES } from "./bench/pages";
import { Report } from "./bench/report";
import { measureBlast } from "./bench/sections/blast";
import { measureLighthouse, measureStatusImages } from "./bench/sections/browser";
import { measureCallsAndWeight } from "./bench/sections/calls-and-weight";
import type { BenchContext } from "./bench/sections/context";
import { measureCpuPerRequest } from "./bench/sections/cpu";
import { measureFaultLoad } from "./bench/sections/faults";
import { measureOutageAnswers } from "./bench/sections/outage";
import { measureScale } from "./bench/sections/scale";
import { measureThroughput } from "./bench/sections/throughput";
import { signInThroughLink } from "./bench/session";
import { startStack } from "./bench/stack";
import { ensureProductionBuild } from "./lib/standalone";

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string" },
    quick: { type: "boolean", default: false },
    "no-lighthouse": { type: "boolean", default: false },
    "no-scale": { type: "boolean", default: false },
    only: { type: "string" },
    "cpu-prof": { type: "boolean", default: false },
    full: { type: "boolean", default: false },
    budget: { type: "string" },
    "portal-port": { type: "string", default: "3400" },
    "sandbox-port": { type: "string", default: "4400" },
  },
});

/** Each page and its baseline run twice for this long, in the order page, baseline, baseline, page. */
const seconds = Number(flags.seconds ?? (flags.quick ? 1 : 3));
const faultSeconds = flags.quick ? 5 : 20;
const portalPort = Number(flags["portal-port"]);
const sandboxPort = Number(flags["sandbox-port"]);

const report = new Report();
report.record("settings", { seconds, faultSeconds });
if (!ensureProductionBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, (line) => report.log(line))) {
  process.exit(1);
}

if (flags.only === "blast") {
  // Its own stack: two instances, Redis and a rate-limited sandbox.
  await measureBlast(report, {
    full: flags.full,
    portalPort,
    sandboxPort,
    ...(flags.budget === undefined ? {} : { budget: Number(flags.budget) }),
  });
  const file = report.finish(join(process.cwd(), "bench-results"));
  report.log(`figures written to ${file} (and bench-results/latest.json)`);
  process.exit(0);
}

// --cpu-prof: the portal writes a V8 profile when it stops (summarise with scripts/bench/cpu-profile.ts).
const profileDir = join(process.cwd(), "bench-results", "cpu-prof");
const stack = await startStack({
  portalPort,
  sandboxPort,
  portalEnv: { PORTAL_BENCH_BASELINE: "1" },
  ...(flags["cpu-prof"] ? { portalNodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}),
});
const stopOnSignal = () => void stack.stop().then(() => process.exit(130));
process.once("SIGINT", stopOnSignal);
process.once("SIGTERM", stopOnSignal);

try {
  const cookie = await signInThroughLink(stack.portalUrl, stack.linkSecret, DEMO_CUSTOMERS.alex.id);
  report.log(
    `portal ${stack.portalUrl} (pid ${stack.server.pid}), sandbox ${stack.sandboxUrl}, signed in as alex`,
  );
  report.log(`their output: ${stack.logFile}`);
  const context: BenchContext = { stack, cookie, report };

  // The first requests compile code paths and fill caches; they are not what customers see. The
  // outage section alone measures one request at a time: a few plain requests warm it up.
  for (const page of flags.only ? MEASURED_PAGES : []) {
    for (let i = 0; i < 3; i++) {
      const warm = await fetch(`${stack.portalUrl}${page.portal}`, { headers: { Cookie: cookie } });
      await warm.text();
      if (warm.status !== 200) throw new Error(`${page.portal} answers ${warm.status}`);
    }
  }
  for (const page of flags.only ? [] : MEASURED_PAGES) {
    for (const path of [page.portal, page.baseline]) {
      const warm = await runLoad({
        url: `${stack.portalUrl}${path}`,
        connections: 4,
        seconds: 1,
        cookie,
        server: stack.server,
      });
      if (!warm.statuses["200"]) throw new Error(`${path} answers ${JSON.stringify(warm.statuses)}`);
    }
  }

  if (flags.only === "outage") {
    await measureOutageAnswers(context);
  } else if (flags.only === "cpu") {
    await measureCpuPerRequest(context);
  } else if (flags.only === "weight") {
    await measureCallsAndWeight(context);
  } else if (flags.only === "lighthouse") {
    await measureLighthouse(context);
  } else if (flags.only === "faults") {
    await measureFaultLoad(context, faultSeconds);
  } else {
    await measureCallsAndWeight(context);
    await measureCpuPerRequest(context);
    await measureThroughput(context, seconds);
    await measureFaultLoad(context, faultSeconds);
    await measureOutageAnswers(context);
    if (flags["no-lighthouse"]) report.log("Lighthouse skipped (--no-lighthouse)");
    else await measureLighthouse(context);
    await measureStatusImages(context);
  }
} finally {
  await stack.stop();
}

if (flags["no-scale"] || flags.only) report.log("scale skipped");
else await measureScale(report, { portalPort: portalPort + 1, sandboxPort: sandboxPort + 1, seconds });

const file = report.finish(join(process.cwd(), "bench-results"));
report.log(`figures written to ${file} (and bench-results/latest.json)`);
report.log(`done in ${Math.round((Date.now() - report.startedAt.getTime()) / 1000)} s`);
