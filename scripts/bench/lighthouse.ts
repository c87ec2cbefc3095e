import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { type LighthouseScores, type LighthouseSummary, summariseRuns } from "./lighthouse-summary";

export type { LighthouseScores, LighthouseSummary };

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The machines have no outside network; these keep chromium from trying to reach it.
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

export function lighthouseAvailable(): boolean {
  return existsSync(CHROMIUM);
}

function flags(port: number, cookie: string) {
  return {
    port,
    output: "json" as const,
    logLevel: "error" as const,
    onlyCategories: ["performance", "accessibility", "best-practices"],
    extraHeaders: { Cookie: cookie },
  };
}

/**
 * Lighthouse's default (mobile) run of each page, `runs` times (a fresh navigation each), signed in
 * through the session cookie. One run's score swings by a few points; the median of three does not.
 */
export async function lighthouseScores(
  portalUrl: string,
  cookie: string,
  pages: readonly { label: string; path: string }[],
  runs = 3,
): Promise<LighthouseSummary[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const summaries: LighthouseSummary[] = [];
    for (const { label, path } of pages) {
      const scores: LighthouseScores[] = [];
      for (let run = 0; run < runs; run++)
        scores.push(await lighthouseRun(portalUrl, cookie, chrome.port, label, path));
      summaries.push(summariseRuns(label, path, scores));
    }
    return summaries;
  } finally {
    chrome.kill();
  }
}

async function lighthouseRun(
  portalUrl: string,
  cookie: string,
  port: number,
  label: string,
  path: string,
): Promise<LighthouseScores> {
  const run = () => lighthouse(`${portalUrl}${path}`, flags(port, cookie));
  // A fresh browser sometimes fails to record the first trace (NO_NAVSTART); one more try settles it.
  let result = await run();
  if (result?.lhr.runtimeError) result = await run();
  if (!result) throw new Error(`lighthouse gave no result for ${path}`);
  const { categories, audits, runtimeError, environment } = result.lhr;
  const score = (id: string) => {
    const value = categories[id]?.score;
    return typeof value === "number" ? Math.round(value * 100) : null;
  };
  return {
    label,
    path,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    failingAudits: Object.values(audits)
      .filter(
        (audit) =>
          typeof audit.score === "number" &&
          audit.score < 0.9 &&
          audit.scoreDisplayMode !== "informative" &&
          audit.scoreDisplayMode !== "manual",
      )
      .map((audit) => `${audit.id} (${Math.round((audit.score ?? 0) * 100)})`),
    runtimeError: runtimeError ? `${runtimeError.code}: ${runtimeError.message}` : null,
    benchmarkIndex: Number.isFinite(environment?.benchmarkIndex) ? environment.benchmarkIndex : null,
  };
}
