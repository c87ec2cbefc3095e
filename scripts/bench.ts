/**
 * `npm run bench`: how fast and how lean the portal is, and how it holds up when the API fails.
 * Loopback only and bounded (a few minutes): builds if needed, starts a sandbox and the production
 * portal itself, signs a customer in through a minted link, prints tables and targets, and writes
 * the figures to bench-results/ (git-ignored). Timing lives here, never in tests.
 *
 *   npm run bench [-- --seconds 5 --quick --no-lighthouse --no-scale --portal-port 3400 --sandbox-port 4400]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEMO_CUSTOMERS, SCALE_CUSTOMER, SCENARIOS } from "../sandbox/scenarios";
import { pageWeight } from "./bench/assets";
import { benchImagesIfPresent } from "./bench/images";
import { lighthouseAvailable, lighthouseScores } from "./bench/lighthouse";
import { mergeLoads, runLoad } from "./bench/load";
import { megabytes, sampleRss, treeRssBytes } from "./bench/proc";
import { sandboxControl } from "./bench/sandbox-control";
import { signInThroughLink } from "./bench/session";
import { startStack } from "./bench/stack";
import { formatTable, formatTargets, type Target } from "./bench/table";
import { detailParallelism, upstreamCallsPerView } from "./bench/upstream";
import { ensureProductionBuild } from "./lib/standalone";

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string" },
    quick: { type: "boolean", default: false },
    "no-lighthouse": { type: "boolean", default: false },
    "no-scale": { type: "boolean", default: false },
    "portal-port": { type: "string", default: "3400" },
    "sandbox-port": { type: "string", default: "4400" },
  },
});

/** Each page and its baseline run twice for this long, in the order page, baseline, baseline, page. */
const SECONDS = Number(flags.seconds ?? (flags.quick ? 1 : 3));
const FAULT_SECONDS = flags.quick ? 5 : 20;
const PORTAL_PORT = Number(flags["portal-port"]);
const SANDBOX_PORT = Number(flags["sandbox-port"]);
const LATENCIES_MS = [0, 50] as const;
const CONNECTIONS = [1, 32] as const;
/** Words of app/checkouts/error.tsx: a 5xx that carries them is the plain-words error page. */
const ERROR_PAGE_WORDS = "show your orders right now";

const LIVE_CHECKOUT = SCENARIOS.shippedUps;
const FINISHED_CHECKOUT = SCENARIOS.returnCompleted;
const ROUTES = [
  { name: "list", portal: "/checkouts", baseline: "/bench/baseline" },
  {
    name: "detail",
    portal: `/checkouts/${LIVE_CHECKOUT}`,
    baseline: `/bench/baseline?checkout=${LIVE_CHECKOUT}`,
  },
] as const;

const log = (line: string) => console.log(`[bench] ${line}`);
const startedAt = new Date();
const targets: Target[] = [];
const results: Record<string, unknown> = {
  startedAt: startedAt.toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  settings: { seconds: SECONDS, faultSeconds: FAULT_SECONDS },
};

function target(name: string, wanted: string, actual: string, met: boolean | null): void {
  targets.push({ name, target: wanted, actual, met });
}

if (!ensureProductionBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, log)) process.exit(1);

const stack = await startStack({
  portalPort: PORTAL_PORT,
  sandboxPort: SANDBOX_PORT,
  portalEnv: { PORTAL_BENCH_BASELINE: "1" },
});
const stopOnSignal = () => void stack.stop().then(() => process.exit(130));
process.once("SIGINT", stopOnSignal);
process.once("SIGTERM", stopOnSignal);

try {
  await mainStackFigures();
} finally {
  await stack.stop();
}
if (!flags["no-scale"]) await scaleFigures();

console.log(`\nTargets\n${formatTargets(targets)}`);
results.targets = targets;
const folder = join(process.cwd(), "bench-results");
mkdirSync(folder, { recursive: true });
const file = join(folder, `bench-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(folder, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
log(`figures written to ${file} (and bench-results/latest.json)`);
log(`done in ${Math.round((Date.now() - startedAt.getTime()) / 1000)} s`);

async function mainStackFigures(): Promise<void> {
  const { portalUrl } = stack;
  const sandbox = sandboxControl(stack.sandboxUrl);
  const cookie = await signInThroughLink(portalUrl, stack.linkSecret, DEMO_CUSTOMERS.alex.id);
  const { server } = stack;
  log(`portal ${portalUrl} (pid ${stack.portal.child.pid}), sandbox ${stack.sandboxUrl}, signed in as alex`);
  log(`their output: ${stack.logFile}`);

  // Warm-up: the first requests compile code paths and fill caches; they are not what customers see.
  for (const route of ROUTES) {
    for (const path of [route.portal, route.baseline]) {
      const warm = await runLoad({
        url: `${portalUrl}${path}`,
        connections: 4,
        seconds: 1,
        cookie,
        server,
      });
      if (!warm.statuses["200"]) throw new Error(`${path} answers ${JSON.stringify(warm.statuses)}`);
    }
  }

  // Upstream calls per view and whether the detail page's two calls overlap.
  await server.waitUntilIdle();
  const listCalls = await upstreamCallsPerView(portalUrl, cookie, sandbox, "/checkouts");
  const detailCalls = await upstreamCallsPerView(portalUrl, cookie, sandbox, `/checkouts/${LIVE_CHECKOUT}`);
  const parallel = await detailParallelism(portalUrl, cookie, sandbox, `/checkouts/${LIVE_CHECKOUT}`);
  results.upstream = { list: listCalls, detail: detailCalls, detailParallelism: parallel };
  console.log(
    `\nUpstream calls per page view\n${formatTable([
      ["page", "status", "API calls", "paths"],
      ["list", listCalls.status, listCalls.calls, listCalls.called.join(" ")],
      ["detail", detailCalls.status, detailCalls.calls, detailCalls.called.join(" ")],
    ])}\ndetail calls with ${parallel.latencyMs} ms API latency arrived at most ${parallel.maxSpreadMs} ms apart: ${
      parallel.parallel ? "in parallel" : "one after another"
    }`,
  );
  target("list: upstream calls per view", "1", String(listCalls.calls), listCalls.calls === 1);
  target(
    "detail: upstream calls per view",
    "≤ 2, in parallel",
    `${detailCalls.calls}${detailCalls.calls > 1 ? (parallel.parallel ? ", parallel" : ", sequential") : ""}`,
    detailCalls.calls <= 2 && (detailCalls.calls < 2 || parallel.parallel),
  );

  // Page weight: HTML and JavaScript, against a bare page (the 404 page) of the same build.
  const weights = [
    await pageWeight(portalUrl, cookie, "bare (404 page)", "/bench/no-such-page"),
    await pageWeight(portalUrl, cookie, "list", "/checkouts"),
    await pageWeight(portalUrl, cookie, "detail, live", `/checkouts/${LIVE_CHECKOUT}`),
    await pageWeight(portalUrl, cookie, "detail, finished", `/checkouts/${FINISHED_CHECKOUT}`),
  ];
  results.pageWeight = weights;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const bare = weights[0]?.jsGzipBytes ?? 0;
  console.log(
    `\nPage weight (gzip)\n${formatTable([
      ["page", "status", "HTML KB", "scripts", "JS KB", "JS over bare KB"],
      ...weights.map((weight) => [
        weight.label,
        weight.status,
        kb(weight.htmlGzipBytes),
        weight.scripts,
        kb(weight.jsGzipBytes),
        kb(weight.jsGzipBytes - bare),
      ]),
    ])}`,
  );
  for (const weight of weights.filter((entry) => entry.label.startsWith("detail"))) {
    const extra = weight.jsGzipBytes - bare;
    target(`${weight.label}: JS over a bare page`, "≤ 15 KB gzip", `${kb(extra)} KB`, extra <= 15 * 1024);
  }

  // Throughput and latency, each page side by side with its baseline, at 0 and 50 ms API latency.
  const loadRows: Record<string, unknown>[] = [];
  let peakRss = 0;
  for (const latencyMs of LATENCIES_MS) {
    await sandbox.clearFaults();
    if (latencyMs > 0) await sandbox.addFault({ latencyMs });
    for (const connections of CONNECTIONS) {
      for (const route of ROUTES) {
        // Portal, baseline, baseline, portal: whatever else the machine is doing in the meantime
        // weighs on both alike.
        const sampler = connections > 1 ? sampleRss(stack.portal.child.pid ?? 0) : null;
        const run = (path: string) =>
          runLoad({ url: `${portalUrl}${path}`, connections, seconds: SECONDS, cookie, server });
        const portalFirst = await run(route.portal);
        const baselineFirst = await run(route.baseline);
        const baselineSecond = await run(route.baseline);
        const portalSecond = await run(route.portal);
        peakRss = Math.max(peakRss, sampler?.stop() ?? 0);
        const portal = mergeLoads(portalFirst, portalSecond);
        const baseline = mergeLoads(baselineFirst, baselineSecond);
        const ratio =
          baseline.requestsPerSecond > 0 ? portal.requestsPerSecond / baseline.requestsPerSecond : 0;
        loadRows.push({ route: route.name, latencyMs, connections, portal, baseline, ratio });
        log(
          `${route.name} +${latencyMs} ms c=${connections}: ${portal.requestsPerSecond} req/s vs baseline ${baseline.requestsPerSecond}`,
        );
      }
    }
  }
  await sandbox.clearFaults();
  results.load = loadRows;
  results.peakRssMb = megabytes(peakRss);
  type Row = {
    route: string;
    latencyMs: number;
    connections: number;
    ratio: number;
    portal: Awaited<ReturnType<typeof runLoad>>;
    baseline: Awaited<ReturnType<typeof runLoad>>;
  };
  const rows = loadRows as Row[];
  console.log(
    `\nLoad (2 × ${SECONDS} s per cell; baseline = same session check and API call(s), almost no markup)\n${formatTable(
      [
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
        ...rows.map((row) => [
          row.route,
          `${row.latencyMs} ms`,
          row.connections,
          row.portal.requestsPerSecond,
          row.baseline.requestsPerSecond,
          `${Math.round(row.ratio * 100)} %`,
          row.portal.p50Ms,
          row.portal.p99Ms,
          row.baseline.p50Ms,
          row.baseline.p99Ms,
          row.portal.cpuMsPerRequest,
          row.baseline.cpuMsPerRequest,
          nonOk(row.portal.statuses) + nonOk(row.baseline.statuses),
        ]),
      ],
    )}\nportal peak RSS during the 32-connection runs: ${megabytes(peakRss)} MB`,
  );
  for (const row of rows) {
    if (row.connections === 1) {
      target(
        `${row.route} p50 at c=1, API +${row.latencyMs} ms`,
        `≤ ${row.latencyMs + 25} ms`,
        `${row.portal.p50Ms} ms`,
        row.portal.p50Ms <= row.latencyMs + 25,
      );
    }
    target(
      `${row.route} throughput vs baseline, c=${row.connections}, +${row.latencyMs} ms`,
      "≥ 70 %",
      `${Math.round(row.ratio * 100)} %`,
      row.ratio >= 0.7,
    );
  }
  target("portal peak RSS at c=32", "≤ 400 MB", `${megabytes(peakRss)} MB`, peakRss <= 400 * 1024 * 1024);

  await faultLoad(portalUrl, cookie);

  if (flags["no-lighthouse"] || !lighthouseAvailable()) {
    log("Lighthouse skipped (--no-lighthouse, or no chromium at /usr/bin/chromium or CHROMIUM_PATH)");
  } else {
    const scores = await lighthouseScores(portalUrl, cookie, [
      { label: "list", path: "/checkouts" },
      { label: "detail, live", path: `/checkouts/${LIVE_CHECKOUT}` },
    ]);
    results.lighthouse = scores;
    console.log(
      `\nLighthouse (mobile preset)\n${formatTable([
        ["page", "performance", "accessibility", "best practices", "audits below 90"],
        ...scores.map((score) => [
          score.label,
          score.performance,
          score.accessibility,
          score.bestPractices,
          score.runtimeError ?? (score.failingAudits.join(", ") || "none"),
        ]),
      ])}`,
    );
    for (const score of scores) {
      target(
        `${score.label}: Lighthouse accessibility`,
        "100",
        String(score.accessibility),
        score.accessibility === 100,
      );
      target(
        `${score.label}: Lighthouse performance`,
        "≥ 95",
        String(score.performance),
        (score.performance ?? 0) >= 95,
      );
    }
  }

  const images = await benchImagesIfPresent({ portalUrl, cookie, checkoutId: LIVE_CHECKOUT });
  results.statusImages = images;
  if (images.available) {
    console.log(`\nStatus images: p50 ${images.p50Ms ?? "?"} ms, p99 ${images.p99Ms ?? "?"} ms`);
  } else {
    log("status-image figures: scripts/bench-images.ts is not here yet (the images work adds it)");
  }
}

/** 32 connections for FAULT_SECONDS while 10 % of API requests answer 503. */
async function faultLoad(portalUrl: string, cookie: string): Promise<void> {
  const sandbox = sandboxControl(stack.sandboxUrl);
  const pid = stack.portal.child.pid ?? 0;
  const mix = (onResponse?: (status: number, body: string) => void) =>
    ROUTES.map((route) => ({ method: "GET", path: route.portal, ...(onResponse ? { onResponse } : {}) }));
  // "Before" is the memory after the same load without faults, measured the same way as "after":
  // both then compare a warmed-up server with itself.
  const settledRss = async () => {
    await stack.server.waitUntilIdle();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return treeRssBytes(pid) ?? 0;
  };
  await runLoad({
    url: portalUrl,
    connections: 32,
    seconds: FAULT_SECONDS / 2,
    cookie,
    server: stack.server,
    requests: mix(),
  });
  const rssBefore = await settledRss();
  const answers = { ok: 0, errorPage: 0, unexpected: 0 };
  const unexpectedSamples: string[] = [];
  const classify = (status: number, body: string) => {
    if (status === 200) answers.ok++;
    else if (status >= 500 && body.includes(ERROR_PAGE_WORDS)) answers.errorPage++;
    else {
      answers.unexpected++;
      if (unexpectedSamples.length < 5) unexpectedSamples.push(`${status} ${body.slice(0, 80)}`);
    }
  };
  await sandbox.addFault({ status: 503, rate: 0.1 });
  let load: Awaited<ReturnType<typeof runLoad>>;
  try {
    load = await runLoad({
      url: portalUrl,
      connections: 32,
      seconds: FAULT_SECONDS,
      cookie,
      server: stack.server,
      gzip: false,
      requests: mix(classify),
    });
  } finally {
    await sandbox.clearFaults();
  }
  const rssAfter = await settledRss();
  const health = await fetch(`${portalUrl}/api/health`).then(
    (response) => response.status,
    () => null,
  );
  const alive = stack.portal.child.exitCode === null && health === 200;
  const growth = rssBefore > 0 ? rssAfter / rssBefore - 1 : 0;
  results.faultLoad = {
    seconds: FAULT_SECONDS,
    connections: 32,
    failureRate: 0.1,
    load,
    answers,
    unexpectedSamples,
    rssBeforeMb: megabytes(rssBefore),
    rssAfterMb: megabytes(rssAfter),
    alive,
  };
  console.log(
    `\nFaults: ${FAULT_SECONDS} s at 32 connections, 10 % of API requests answer 503\n${formatTable([
      [
        "req/s",
        "200",
        "error page (5xx)",
        "anything else",
        "no answer",
        "RSS before MB",
        "RSS after MB",
        "portal up",
      ],
      [
        load.requestsPerSecond,
        answers.ok,
        answers.errorPage,
        answers.unexpected,
        (load.statuses.error ?? 0) + (load.statuses.timeout ?? 0),
        megabytes(rssBefore),
        megabytes(rssAfter),
        alive ? "yes" : "NO",
      ],
    ])}${unexpectedSamples.length ? `\nunexpected: ${unexpectedSamples.join(" | ")}` : ""}`,
  );
  target("fault load: portal stays up", "up", alive ? "up" : "down", alive);
  target(
    "fault load: every answer 200 or the error page",
    "0 others",
    String(answers.unexpected + (load.statuses.error ?? 0) + (load.statuses.timeout ?? 0)),
    answers.unexpected === 0 && !load.statuses.error && !load.statuses.timeout,
  );
  target(
    "fault load: RSS after vs before",
    "within 20 %",
    `${Math.round(growth * 100)} %`,
    Math.abs(growth) <= 0.2,
  );
}

/** A customer with 10,000 checkouts (of 100,000) against one with a couple of dozen. */
async function scaleFigures(): Promise<void> {
  log("starting a sandbox with SANDBOX_CHECKOUTS=100000 and a portal for it…");
  const scale = await startStack({
    portalPort: PORTAL_PORT + 1,
    sandboxPort: SANDBOX_PORT + 1,
    extraCheckouts: 100_000,
  });
  try {
    const sandbox = sandboxControl(scale.sandboxUrl);
    const few = "usr_synth00000";
    const cases = [
      { label: `${SCALE_CUSTOMER.id} page 1`, userId: SCALE_CUSTOMER.id, path: "/checkouts" },
      { label: `${SCALE_CUSTOMER.id} page 50`, userId: SCALE_CUSTOMER.id, path: "/checkouts?page=50" },
      { label: `${few} (about 25 checkouts) page 1`, userId: few, path: "/checkouts" },
    ];
    const server = scale.server;
    const signedIn = [];
    for (const entry of cases) {
      const cookie = await signInThroughLink(scale.portalUrl, scale.linkSecret, entry.userId);
      const url = `${scale.portalUrl}${entry.path}`;
      // A new portal: warm every case up before timing any, so the first is not the slowest.
      await runLoad({ url, connections: 4, seconds: 2, cookie, server });
      await server.waitUntilIdle();
      const calls = await upstreamCallsPerView(scale.portalUrl, cookie, sandbox, entry.path);
      signedIn.push({ ...entry, cookie, url, calls });
    }
    // Each case twice, the second time in reverse order.
    const firstRuns = [];
    for (const entry of signedIn) {
      firstRuns.push(
        await runLoad({ url: entry.url, connections: 1, seconds: SECONDS, cookie: entry.cookie, server }),
      );
    }
    const measured = [];
    for (let index = signedIn.length - 1; index >= 0; index--) {
      const entry = signedIn[index];
      const first = firstRuns[index];
      if (!entry || !first) continue;
      const second = await runLoad({
        url: entry.url,
        connections: 1,
        seconds: SECONDS,
        cookie: entry.cookie,
        server,
      });
      measured[index] = { ...entry, load: mergeLoads(first, second) };
    }
    const reference = measured[2]?.load.p50Ms ?? 0;
    results.scale = measured.map((entry) => ({
      label: entry.label,
      path: entry.path,
      upstreamCalls: entry.calls.calls,
      status: entry.calls.status,
      load: entry.load,
      p50VsFew: reference > 0 ? entry.load.p50Ms / reference : null,
    }));
    console.log(
      `\nScale: 100,000 checkouts in the sandbox, concurrency 1\n${formatTable([
        ["customer and page", "status", "API calls", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "p50 vs few"],
        ...measured.map((entry) => [
          entry.label,
          entry.calls.status,
          entry.calls.calls,
          entry.load.requestsPerSecond,
          entry.load.p50Ms,
          entry.load.p99Ms,
          entry.load.cpuMsPerRequest,
          reference > 0 ? `${(entry.load.p50Ms / reference).toFixed(2)}×` : null,
        ]),
      ])}`,
    );
    for (const entry of measured.slice(0, 2)) {
      const ratio = reference > 0 ? entry.load.p50Ms / reference : Number.POSITIVE_INFINITY;
      target(`${entry.label}: upstream calls`, "1", String(entry.calls.calls), entry.calls.calls === 1);
      target(`${entry.label}: p50 vs a customer with few`, "≤ 1.5×", `${ratio.toFixed(2)}×`, ratio <= 1.5);
    }
  } finally {
    await scale.stop();
  }
}

function nonOk(statuses: Record<string, number>): number {
  return Object.entries(statuses)
    .filter(([status]) => status !== "200")
    .reduce((sum, [, count]) => sum + count, 0);
}
