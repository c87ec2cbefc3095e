import { DEMO_CUSTOMERS } from "../../../sandbox/scenarios";
import { MEASURED_PAGES } from "../pages";
import { type Fault, sandboxControl } from "../sandbox-control";
import { signInThroughLink } from "../session";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

/** The portal's defaults (lib/config/schema.ts): the page deadline, and the breaker's cool-down. */
const DEADLINE_MS = 4000;
const BREAKER_COOLDOWN_MS = 10_000;
/** Issue 15: with the API hanging, a page answers within the deadline plus 1 s. */
const HUNG_TARGET_MS = DEADLINE_MS + 1000;
const SAMPLES = 8;
const STALE_BANNER = "Live status is unavailable.";

type Answer = { ms: number; status: number; banner: boolean };

/**
 * How fast a page answers when the API fails, with and without last known good (issue 15): the API
 * hangs, or answers 503. The signed-in customer (alex) has loaded every measured page, so their views
 * are saved; a second customer (blair) has never loaded a page, so theirs answer with the error page.
 * Each series starts with the circuit breaker closed, so its first answer waits out the deadline; once
 * the breaker has opened (5 failures in a row), answers come at once. Sequential requests, one at a time.
 */
export async function measureOutageAnswers({ stack, cookie, report }: BenchContext): Promise<void> {
  const sandbox = sandboxControl(stack.sandboxUrl);
  const blair = await signInThroughLink(stack.portalUrl, stack.linkSecret, DEMO_CUSTOMERS.blair.id);
  const get = async (path: string, session: string): Promise<Answer> => {
    const started = performance.now();
    const response = await fetch(`${stack.portalUrl}${path}`, { headers: { Cookie: session } });
    const body = await response.text();
    return { ms: performance.now() - started, status: response.status, banner: body.includes(STALE_BANNER) };
  };
  const breakerState = async () => {
    const health = (await fetch(`${stack.portalUrl}/api/health`).then((response) => response.json())) as {
      breakers?: Record<string, string>;
    };
    return health.breakers?.sweetspot_api ?? "unknown";
  };
  /** Live again, and the breaker closed (after its cool-down, a successful probe closes it). */
  const liveAgain = async () => {
    await sandbox.clearFaults();
    const until = Date.now() + BREAKER_COOLDOWN_MS * 3;
    while (Date.now() < until) {
      for (const page of MEASURED_PAGES) await get(page.portal, cookie);
      if ((await breakerState()) === "closed") return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error("the breaker did not close again after the API came back");
  };

  const series = async (fault: Fault, path: string, session: string) => {
    await liveAgain();
    // Saves (or refreshes) alex's view of `path`; blair's session never loads a page live.
    await get(path, cookie);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sandbox.addFault({ ...fault, path: "/v1/" });
    const answers: Answer[] = [];
    try {
      for (let i = 0; i < SAMPLES; i++) answers.push(await get(path, session));
    } finally {
      await sandbox.clearFaults();
    }
    return answers;
  };

  const rows: { name: string; answers: Answer[] }[] = [];
  const list = MEASURED_PAGES[0].portal;
  const detail = MEASURED_PAGES[1].portal;
  rows.push({
    name: "API hangs · list · last known good",
    answers: await series({ mode: "hang" }, list, cookie),
  });
  rows.push({
    name: "API hangs · detail · last known good",
    answers: await series({ mode: "hang" }, detail, cookie),
  });
  rows.push({
    name: "API hangs · list · nothing saved",
    answers: await series({ mode: "hang" }, list, blair),
  });
  rows.push({
    name: "API 503 · list · last known good",
    answers: await series({ status: 503 }, list, cookie),
  });
  rows.push({
    name: "API 503 · detail · last known good",
    answers: await series({ status: 503 }, detail, cookie),
  });
  await liveAgain();

  const round = (ms: number) => Math.round(ms);
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  const statuses = (answers: Answer[]) =>
    Object.entries(
      answers.reduce<Record<string, number>>((counts, answer) => {
        const key = `${answer.status}${answer.banner ? "+banner" : ""}`;
        counts[key] = (counts[key] ?? 0) + 1;
        return counts;
      }, {}),
    )
      .map(([key, count]) => `${count}×${key}`)
      .join(" ");

  const figures = rows.map(({ name, answers }) => ({
    name,
    firstMs: round(answers[0]?.ms ?? 0),
    medianMs: round(median(answers.map((answer) => answer.ms))),
    maxMs: round(Math.max(...answers.map((answer) => answer.ms))),
    // Once the breaker is open (after 5 failed calls), answers no longer wait for the API.
    fastestMs: round(Math.min(...answers.map((answer) => answer.ms))),
    answers: statuses(answers),
  }));
  report.record("outageAnswers", { samples: SAMPLES, deadlineMs: DEADLINE_MS, figures });
  report.section(
    `Outage answers: ${SAMPLES} requests in a row per row, breaker closed at the start (deadline ${DEADLINE_MS} ms)`,
    formatTable([
      ["series", "first ms", "median ms", "max ms", "fastest ms (breaker open)", "answers"],
      ...figures.map((figure) => [
        figure.name,
        figure.firstMs,
        figure.medianMs,
        figure.maxMs,
        figure.fastestMs,
        figure.answers,
      ]),
    ]),
  );
  const hung = figures.filter((figure) => figure.name.startsWith("API hangs"));
  const slowest = Math.max(...hung.map((figure) => figure.maxMs));
  report.target(
    "hung API: every page answers within deadline + 1 s",
    `≤ ${HUNG_TARGET_MS} ms`,
    `${slowest} ms`,
    slowest <= HUNG_TARGET_MS,
  );
  const withSaved = rows.filter((row) => row.name.endsWith("last known good"));
  const notFromSaved = withSaved
    .flatMap((row) => row.answers)
    .filter((answer) => answer.status !== 200 || !answer.banner);
  report.target(
    "outage: pages with last known good answer 200 with the banner",
    "0 others",
    String(notFromSaved.length),
    notFromSaved.length === 0,
  );
}
