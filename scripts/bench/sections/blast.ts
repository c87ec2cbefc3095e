import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createClient } from "@redis/client";
import { mintLinkToken } from "../../../lib/auth/link-token";
import { DEFAULT_API_BUDGET } from "../../../lib/config/schema";
import { absoluteUrl, emailLinkPath } from "../../../lib/urls/portal-urls";
import type { CallsInSecond } from "../../../sandbox/rate-limit";
import { syntheticCustomerId } from "../../../sandbox/synthetic";
import { startRedisServer } from "../../../test-support/redis-server";
import { type ManagedProcess, startNode, waitForHttp } from "../../lib/processes";
import { standaloneServerPath, withPortalHeapLimit } from "../../lib/standalone";
import { callRateFigures, callsDuringPause, percentile } from "../blast-figures";
import { megabytes, sampleRss, treeCpuMs } from "../proc";
import type { Report } from "../report";
import { formatTable } from "../table";

/**
 * A notification blast (issue 26): two portal instances sharing one Redis, a sandbox standing in for
 * the API with a rate limit on the key, and a wave of email-link opens while live pages poll. What the
 * API saw is measured at the sandbox (its per-second call counts), not at the portal.
 *
 * The quick wave (default) is 300 link opens over 30 s while 200 live pages poll; `--full` is the
 * issue's 2,000 opens over 60 s while 1,000 pages poll. A tenth of the opens are revisits of a page
 * seen just before the wave (they have a last known good view); the rest are first visits.
 * Then a 429 with Retry-After is injected under load: no instance may call before it has passed.
 */

const require = createRequire(import.meta.url);

/** 10,000 for the scale customer, then 25 each for 1,000 synthetic customers (sandbox/synthetic.ts). */
const SANDBOX_CHECKOUTS = 35_000;
const SYNTHETIC_CUSTOMERS = 1_000;
/** Lifecycles whose pages poll (the situation table's live rows), as the API names them. */
const MOVING = new Set(["created", "waitlisted", "orderConfirmed", "shipped", "delivered"]);
/** The 429 injected after the wave, and how long a call already on its way may still arrive. */
const PAUSE_SECONDS = 3;
const IN_FLIGHT_MS = 250;

export type BlastOptions = {
  full: boolean;
  portalPort: number;
  sandboxPort: number;
  /** SWEETSPOT_API_BUDGET for both instances; the portal's default when absent. */
  budget?: number;
};

type Visit = { userId: string; checkoutId: string };

type Outcome = {
  status: number;
  ms: number;
  fromLastKnownGood: boolean;
  /** Status 0: the error's code (or message) instead of an answer. */
  noAnswer?: string;
};

export async function measureBlast(report: Report, options: BlastOptions): Promise<void> {
  const opens = options.full ? 2_000 : 300;
  const waveSeconds = options.full ? 60 : 30;
  const pollers = options.full ? 1_000 : 200;
  const budget = options.budget ?? DEFAULT_API_BUDGET;
  // The key's own limit at the API: twice the budget, the other half being the organization's flows.
  const keyLimit = budget * 2;
  report.log(
    `blast: ${opens} link opens over ${waveSeconds} s while ${pollers} live pages poll; two instances, ` +
      `one Redis, budget ${budget} calls/s, the sandbox's limit on the key ${keyLimit} calls/s`,
  );

  const redis = await startRedisServer();
  const apiKey = `sk_bench_${randomBytes(8).toString("hex")}`;
  const linkSecret = randomBytes(32).toString("base64url");
  const authSecret = randomBytes(32).toString("base64url");
  const sandboxUrl = `http://127.0.0.1:${options.sandboxPort}`;
  const folder = join(process.cwd(), "bench-results");
  mkdirSync(folder, { recursive: true });
  const logFile = join(folder, `processes-blast-${options.portalPort}.log`);
  const log = openSync(logFile, "w");
  const stdio = ["ignore", log, log] as const;
  const common = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SWEETSPOT_API_KEY: apiKey };
  const processes: ManagedProcess[] = [];
  try {
    const sandbox = startNode("sandbox", [require.resolve("tsx/cli"), "sandbox/main.ts"], {
      env: {
        ...common,
        SANDBOX_PORT: String(options.sandboxPort),
        SANDBOX_CHECKOUTS: String(SANDBOX_CHECKOUTS),
        // The key's limit (set here as a deployment would meet it; lifted while the bench looks up
        // customers, which is not the portal's spending).
        SANDBOX_RATE_LIMIT: String(keyLimit),
      },
      stdio: [...stdio],
    });
    processes.push(sandbox);
    await waitForHttp(`${sandboxUrl}/__sandbox/health`, 120_000, sandbox);
    const portalUrls = [options.portalPort, options.portalPort + 1].map((port) => `http://127.0.0.1:${port}`);
    const portals = portalUrls.map((_, index) =>
      startNode(`portal-${index + 1}`, [standaloneServerPath()], {
        env: {
          ...common,
          NODE_ENV: "production",
          PORT: String(options.portalPort + index),
          HOSTNAME: "127.0.0.1",
          NODE_OPTIONS: withPortalHeapLimit(process.env.NODE_OPTIONS),
          SWEETSPOT_SANDBOX: "1",
          SANDBOX_PORT: String(options.sandboxPort),
          NEXTAUTH_SECRET: authSecret,
          PORTAL_LINK_SECRET: linkSecret,
          REDIS_URL: redis.url,
          ...(options.budget === undefined ? {} : { SWEETSPOT_API_BUDGET: String(options.budget) }),
        },
        stdio: [...stdio],
      }),
    );
    processes.push(...portals);
    for (const [index, portal] of portals.entries()) {
      await waitForHttp(`${portalUrls[index]}/api/health`, 60_000, portal);
    }

    // Who is who: every synthetic customer's checkouts, straight from the sandbox (before counting).
    await fetch(`${sandboxUrl}/__sandbox/rate-limit`, { method: "DELETE" }).then((answer) => answer.text());
    const customers = await customerCheckouts(sandboxUrl, apiKey);
    await fetch(`${sandboxUrl}/__sandbox/rate-limit`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ callsPerSecond: keyLimit }),
    }).then((answer) => answer.text());
    const moving = customers.flatMap((visits) => visits.filter((visit) => MOVING.has(visit.lifecycle)));
    const everyVisit = customers.flat();
    const pick = (list: readonly Visit[], index: number): Visit => {
      const visit = list[(index * 7919) % list.length];
      if (!visit) throw new Error("no checkouts to visit");
      return visit;
    };
    const portalFor = (index: number) => portalUrls[index % portalUrls.length] as string;

    // Revisits: pages seen once just before the wave, so a last known good view exists for them.
    const revisits = Math.round(opens / 10);
    const seenBefore = Array.from({ length: revisits }, (_, index) => pick(everyVisit, index + 5_000));
    for (const [index, visit] of seenBefore.entries()) {
      await firstVisit(portalFor(index), linkSecret, visit);
    }
    // Live pages: signed in (the link answer calls no API), polling from a random moment of their 30 s.
    const pollerSessions = await Promise.all(
      Array.from({ length: pollers }, async (_, index) => {
        const visit = pick(moving, index);
        const portal = portalFor(index);
        return { visit, portal, cookie: await linkCookie(portal, linkSecret, visit) };
      }),
    );

    const redisClient = createClient({ url: redis.url });
    await redisClient.connect();
    const commandsBefore = await redisCommands(redisClient);
    await fetch(`${sandboxUrl}/__sandbox/call-rate`, { method: "DELETE" });
    const cpuBefore = portals.map((portal) => treeCpuMs(portal.child.pid ?? 0));
    const rss = portals.map((portal) => sampleRss(portal.child.pid ?? 0));
    const waveStart = Date.now();
    const waveEnd = waveStart + waveSeconds * 1000;

    const pollStats = { answered: 0, deferred: 0, changedOrFirst: 0, errors5xx: 0, other: 0 };
    const polling = pollerSessions.map(async (session, index) => {
      let etag: string | null = null as string | null;
      let waitMs = Math.round(((index * 7_919) % 30_000) + 1);
      for (;;) {
        await sleepUntil(Math.min(Date.now() + waitMs, waveEnd));
        if (Date.now() >= waveEnd) return;
        const answer = await fetch(
          `${session.portal}/api/checkouts/${session.visit.checkoutId}/fingerprint`,
          {
            headers: { Cookie: session.cookie, ...(etag ? { "If-None-Match": etag } : {}) },
          },
        ).catch(() => null);
        if (!answer) {
          pollStats.other++;
          waitMs = 30_000;
          continue;
        }
        await answer.arrayBuffer();
        pollStats.answered++;
        const deferred = answer.status === 204 || (answer.status === 304 && !answer.headers.get("etag"));
        if (deferred) pollStats.deferred++;
        else if (answer.status === 200) pollStats.changedOrFirst++;
        else if (answer.status >= 500) pollStats.errors5xx++;
        else if (answer.status !== 304) pollStats.other++;
        etag = answer.headers.get("etag") ?? etag;
        waitMs = Number(answer.headers.get("retry-after") ?? 30) * 1000;
      }
    });

    const outcomes: (Outcome & { revisit: boolean })[] = [];
    const opening = Array.from({ length: opens }, async (_, index) => {
      const revisit = index % 10 === 0 && index / 10 < seenBefore.length;
      const visit = revisit ? (seenBefore[index / 10] as Visit) : pick(everyVisit, index);
      await sleepUntil(waveStart + Math.floor((index * waveSeconds * 1000) / opens));
      const outcome = await firstVisit(portalFor(index), linkSecret, visit);
      outcomes.push({ ...outcome, revisit });
    });
    await Promise.all([...opening, ...polling]);
    const waveDone = Date.now();
    const commandsAfter = await redisCommands(redisClient);
    const cpuMs = portals.map((portal, index) => treeCpuMs(portal.child.pid ?? 0) - (cpuBefore[index] ?? 0));
    const peakRss = rss.map((sampler) => sampler.stop());
    const callRate = await callRateAt(sandboxUrl);
    // The health probe is exempt from the budget (at most one call per instance every 5 s): the
    // sandbox counts its calls apart.
    const calls = callRateFigures(callRate, waveStart, waveDone, budget);

    // A 429 under load: after it, no instance calls before its Retry-After has passed.
    const pause = await pauseUnderLoad(sandboxUrl, portalUrls, linkSecret, everyVisit, redisClient);
    await redisClient.quit();

    const firstVisits = outcomes.filter((outcome) => !outcome.revisit);
    const firstVisitMs = firstVisits.map((outcome) => outcome.ms);
    const pages5xx = outcomes.filter((outcome) => outcome.status >= 500).length;
    const notAPage = outcomes.filter((outcome) => outcome.status === 0).length;
    const noAnswer = countBy(outcomes.flatMap((outcome) => (outcome.noAnswer ? [outcome.noAnswer] : [])));
    const fromLastKnownGood = outcomes.filter((outcome) => outcome.fromLastKnownGood).length;
    const requests = opens + pollStats.answered;
    const totalCpuSeconds = cpuMs.reduce((sum, ms) => sum + ms, 0) / 1000;
    const redisPerRequest = requests > 0 ? (commandsAfter - commandsBefore) / requests : null;
    const figures = {
      opens,
      waveSeconds,
      pollers,
      budget,
      keyLimit,
      calls,
      callsPerSecond: callRate.filter(
        (entry) =>
          entry.second >= Math.floor(waveStart / 1000) && entry.second <= Math.floor(waveDone / 1000),
      ),
      firstVisitP50Ms: roundMs(percentile(firstVisitMs, 0.5)),
      firstVisitP95Ms: roundMs(percentile(firstVisitMs, 0.95)),
      loadAverage: loadavg()[0] ?? 0,
      pageStatuses: countBy(outcomes.map((outcome) => String(outcome.status))),
      pages5xx,
      notAPage,
      noAnswer,
      fromLastKnownGood,
      polls: pollStats,
      redisCommands: commandsAfter - commandsBefore,
      redisCommandsPerRequest: redisPerRequest === null ? null : Math.round(redisPerRequest * 10) / 10,
      portalCpuSeconds: Math.round(totalCpuSeconds * 10) / 10,
      requestsPerCpuSecond: totalCpuSeconds > 0 ? Math.round(requests / totalCpuSeconds) : null,
      peakRssMb: peakRss.map((bytes) => megabytes(bytes)),
      pause,
    };
    report.record("blast", figures);
    report.section(
      "Notification blast (two instances, one Redis, the sandbox's rate limit on)",
      formatTable([
        ["figure", "value"],
        ["link opens / live pages polling", `${opens} over ${waveSeconds} s / ${pollers}`],
        [
          "upstream calls/s at the sandbox, max: budgeted / with the health probe",
          `${calls.maxBudgetedPerSecond} / ${calls.maxPerSecond} (budget ${budget}; probe ≤ ${portals.length})`,
        ],
        ["upstream calls/s at the sandbox, mean", calls.meanPerSecond],
        ["seconds whose budgeted calls went over the budget", calls.secondsOver],
        ["429s from the sandbox's limit", calls.limited],
        ["first visit p50 / p95 (link + page)", `${figures.firstVisitP50Ms} / ${figures.firstVisitP95Ms} ms`],
        ["page answers", JSON.stringify(figures.pageStatuses)],
        ["pages from last known good", fromLastKnownGood],
        ["visits without an answer (why)", notAPage === 0 ? 0 : `${notAPage} ${JSON.stringify(noAnswer)}`],
        ["pages 5xx (the calm error page)", pages5xx],
        ["polls answered / deferred", `${pollStats.answered} / ${pollStats.deferred}`],
        ["Redis commands per request (opens + polls)", figures.redisCommandsPerRequest],
        [
          "portal CPU (both) / requests per CPU-second",
          `${figures.portalCpuSeconds} s / ${figures.requestsPerCpuSecond}`,
        ],
        ["host load average (1 min; 2 cores)", figures.loadAverage.toFixed(1)],
        ["peak RSS per instance", peakRss.map((bytes) => `${megabytes(bytes)} MB`).join(", ")],
        [
          "429 → pause recorded in Redis",
          pause.recordedAfterMs === null ? "–" : `${pause.recordedAfterMs} ms`,
        ],
        ["calls between the 429 and the pause being recorded", pause.callsBeforeRecorded],
        ["calls during the recorded pause (after 250 ms in flight)", pause.callsDuringPause],
      ]),
    );
    report.target(
      "blast: no second over the budget at the sandbox",
      `≤ ${budget} budgeted calls/s`,
      `max ${calls.maxBudgetedPerSecond}`,
      calls.secondsOver === 0,
    );
    report.target(
      "blast: the key's rate limit never fires",
      "0 × 429",
      String(calls.limited),
      calls.limited === 0,
    );
    report.target("blast: every visit gets a page", "0 without one", String(notAPage), notAPage === 0);
    report.target(
      "blast: nobody calls during a 429's Retry-After",
      "0 calls",
      pause.recordedAfterMs === null ? "no pause seen" : String(pause.callsDuringPause),
      pause.recordedAfterMs === null ? null : pause.callsDuringPause === 0,
    );
    report.log(`their output: ${logFile}`);
  } finally {
    for (const managed of processes.reverse()) await managed.stop(10_000);
    closeSync(log);
    await redis.dispose();
  }
}

/** Every synthetic customer's checkouts, asked of the sandbox directly (these calls are not measured). */
async function customerCheckouts(
  sandboxUrl: string,
  apiKey: string,
): Promise<(Visit & { lifecycle: string })[][]> {
  const customers: (Visit & { lifecycle: string })[][] = [];
  for (let index = 0; index < SYNTHETIC_CUSTOMERS; index++) {
    const userId = syntheticCustomerId(index);
    const answer = await fetch(`${sandboxUrl}/v1/checkouts?userId=${userId}&limit=100`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    const records = (await answer.json()) as { id: string; lifecycle: string }[];
    customers.push(records.map((record) => ({ userId, checkoutId: record.id, lifecycle: record.lifecycle })));
  }
  return customers;
}

async function callRateAt(sandboxUrl: string) {
  const answer = await fetch(`${sandboxUrl}/__sandbox/call-rate`);
  return ((await answer.json()) as { seconds: CallsInSecond[] }).seconds;
}

/**
 * A made-up client address per simulated customer: the portal's per-address limits on links (with no
 * trusted proxy the portal reads the rightmost X-Forwarded-For entry) must see many customers, not one.
 */
let nextAddress = 0;
function customerAddress(): Record<string, string> {
  const n = nextAddress++;
  return { "X-Forwarded-For": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

/** The session cookie an email link sets (the link's answer calls no API). */
async function linkCookie(portalUrl: string, linkSecret: string, visit: Visit): Promise<string> {
  const token = await mintLinkToken({ ...visit, ttlSeconds: 3600, secret: linkSecret });
  const answer = await fetch(absoluteUrl(portalUrl, emailLinkPath(token)), {
    redirect: "manual",
    headers: customerAddress(),
  });
  await answer.body?.cancel();
  return answer.headers
    .getSetCookie()
    .map((pair) => pair.split(";")[0] ?? "")
    .join("; ");
}

/** An email link opened by a customer with no cookie: the link's answer, then the page it leads to. */
async function firstVisit(portalUrl: string, linkSecret: string, visit: Visit): Promise<Outcome> {
  const started = performance.now();
  try {
    const token = await mintLinkToken({ ...visit, ttlSeconds: 3600, secret: linkSecret });
    const address = customerAddress();
    const answer = await fetch(absoluteUrl(portalUrl, emailLinkPath(token)), {
      redirect: "manual",
      headers: address,
    });
    await answer.body?.cancel();
    const location = answer.headers.get("location");
    if (!location)
      return { status: answer.status, ms: performance.now() - started, fromLastKnownGood: false };
    const cookie = answer.headers
      .getSetCookie()
      .map((pair) => pair.split(";")[0] ?? "")
      .join("; ");
    const page = await fetch(new URL(location, portalUrl), {
      headers: { Cookie: cookie, ...address },
      redirect: "manual",
    });
    const html = await page.text();
    return {
      status: page.status,
      ms: performance.now() - started,
      fromLastKnownGood: html.includes('data-testid="stale-view-banner"'),
    };
  } catch (error) {
    // Why there was no page at all, e.g. UND_ERR_CONNECT_TIMEOUT: an instance too busy to accept.
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    return {
      status: 0,
      ms: performance.now() - started,
      fromLastKnownGood: false,
      noAnswer: typeof cause === "string" ? cause : String(error),
    };
  }
}

/**
 * Page views on both instances for a few seconds; a 429 with Retry-After is injected on the way.
 * Watches Redis for the pause the portal records, and counts the calls that reached the API after
 * it was recorded (past those already in flight) and before it ended: there must be none. Calls
 * between the API's 429 and the pause being recorded are the portal's reaction time, reported apart.
 */
async function pauseUnderLoad(
  sandboxUrl: string,
  portalUrls: readonly string[],
  linkSecret: string,
  visits: readonly Visit[],
  redisClient: { sendCommand(args: string[]): Promise<unknown> },
): Promise<{
  rateLimitedAt: string | null;
  recordedAfterMs: number | null;
  retryAfterSeconds: number;
  callsBeforeRecorded: number;
  callsDuringPause: number;
}> {
  await fetch(`${sandboxUrl}/__sandbox/requests`, { method: "DELETE" });
  const until = Date.now() + (PAUSE_SECONDS + 4) * 1000;
  let loadDone = false;
  let recorded: { atMs: number; untilMs: number } | null = null;
  // A second into the load (whatever the load's own pace), the API answers one call 429.
  const injecting = new Promise((resolve) => setTimeout(resolve, 1000)).then(() =>
    fetch(`${sandboxUrl}/__sandbox/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: 429, retryAfter: PAUSE_SECONDS, count: 1, path: "/v1/" }),
    }),
  );
  const watching = (async () => {
    while (recorded === null && !loadDone) {
      const value = await redisClient.sendCommand(["GET", "portal:upstream:paused-until"]);
      if (value !== null) recorded = { atMs: Date.now(), untilMs: Number(value) };
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const load = Array.from({ length: 8 }, async (_, worker) => {
    for (let index = worker; Date.now() < until; index += 8) {
      const visit = visits[(index * 104_729) % visits.length] as Visit;
      await firstVisit(portalUrls[index % portalUrls.length] as string, linkSecret, visit);
    }
  });
  await Promise.all([...load, injecting]);
  loadDone = true;
  await watching;
  const answer = await fetch(`${sandboxUrl}/__sandbox/requests`);
  const { requests } = (await answer.json()) as {
    requests: { time: string; faultId?: string; status: number | null }[];
  };
  const limited = requests.find((entry) => entry.faultId !== undefined && entry.status === 429);
  const pauseRecorded = recorded as { atMs: number; untilMs: number } | null;
  if (!limited || !pauseRecorded) {
    return {
      rateLimitedAt: limited?.time ?? null,
      recordedAfterMs: null,
      retryAfterSeconds: PAUSE_SECONDS,
      callsBeforeRecorded: 0,
      callsDuringPause: 0,
    };
  }
  const at = Date.parse(limited.time);
  const times = requests.map((entry) => Date.parse(entry.time));
  const recordedAfterMs = pauseRecorded.atMs - at;
  return {
    rateLimitedAt: limited.time,
    recordedAfterMs,
    retryAfterSeconds: PAUSE_SECONDS,
    callsBeforeRecorded: times.filter((time) => time > at && time <= pauseRecorded.atMs).length,
    callsDuringPause: callsDuringPause(
      times,
      pauseRecorded.atMs,
      (pauseRecorded.untilMs - pauseRecorded.atMs) / 1000,
      IN_FLIGHT_MS,
    ),
  };
}

/** Commands the Redis server has processed so far (all clients: both instances, and this one's INFO). */
async function redisCommands(client: { sendCommand(args: string[]): Promise<unknown> }): Promise<number> {
  const info = String(await client.sendCommand(["INFO", "stats"]));
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
}

function sleepUntil(timeMs: number): Promise<void> {
  const waitMs = timeMs - Date.now();
  return waitMs > 0 ? new Promise((resolve) => setTimeout(resolve, waitMs)) : Promise.resolve();
}

function roundMs(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms);
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
