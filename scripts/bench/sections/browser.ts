import { benchStatusImages } from "../../bench-images";
import { type LighthouseSummary, lighthouseAvailable, lighthouseScores } from "../lighthouse";
import { calibratedCpuSlowdown, DEFAULT_CPU_SLOWDOWN } from "../lighthouse-calibration";
import { LIVE_CHECKOUT } from "../pages";
import { median } from "../stats";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

/** The bench's baseline page: the same layout and framework, one line of content. Not judged. */
const REFERENCE_LABEL = "baseline page (reference)";

const LIGHTHOUSE_PAGES = [
  { label: "list", path: "/checkouts" },
  { label: "detail, live", path: `/checkouts/${LIVE_CHECKOUT}` },
  // What the framework alone scores on this host, so a page's shortfall can be told from the machine's.
  { label: REFERENCE_LABEL, path: "/bench/baseline" },
] as const;

/**
 * Lighthouse scores of the list and a live checkout (mobile preset): median and minimum of three
 * runs, judged on the median, beside the bench's baseline page as the framework's own score on this
 * host. Lighthouse's 4× CPU slowdown is relative to the host, so the host's benchmarkIndex is printed
 * with the slowdown Lighthouse's calibration guide would use for it (lighthouse-calibration.ts).
 */
export async function measureLighthouse({ stack, cookie, report }: BenchContext): Promise<void> {
  if (!lighthouseAvailable()) {
    report.log("Lighthouse skipped: no chromium at /usr/bin/chromium (or CHROMIUM_PATH)");
    return;
  }
  const summaries = await lighthouseScores(stack.portalUrl, cookie, LIGHTHOUSE_PAGES);
  const hostIndex = medianIndex(summaries);
  report.record("lighthouse", { benchmarkIndex: hostIndex, summaries });
  printLighthouse(report, summaries);
  report.log(
    hostIndex === null
      ? "Lighthouse: no benchmarkIndex reported"
      : `Lighthouse: this host's benchmarkIndex is ${hostIndex} (median of every run); the preset's ` +
          `${DEFAULT_CPU_SLOWDOWN}× slowdown suits about 1420–1650, and Lighthouse's calibration guide would ` +
          `use ${calibratedCpuSlowdown(hostIndex)}× here`,
  );

  const runs = summaries[0]?.runs.length ?? 0;
  const reference = summaries.find(({ label }) => label === REFERENCE_LABEL)?.median.performance ?? null;
  for (const { label, median, minimum } of summaries.filter(({ label }) => label !== REFERENCE_LABEL)) {
    report.target(
      `${label}: Lighthouse accessibility`,
      `100 (median of ${runs})`,
      `${median.accessibility ?? "–"} (min ${minimum.accessibility ?? "–"})`,
      median.accessibility === 100,
    );
    report.target(
      `${label}: Lighthouse performance`,
      `≥ 95 (median of ${runs})`,
      `${median.performance ?? "–"} (min ${minimum.performance ?? "–"}; baseline page ${reference ?? "–"})`,
      (median.performance ?? 0) >= 95,
    );
  }
}

function medianIndex(summaries: readonly LighthouseSummary[]): number | null {
  const index = median(
    summaries.flatMap(({ runs }) =>
      runs.flatMap((run) => (run.benchmarkIndex === null ? [] : [run.benchmarkIndex])),
    ),
  );
  return index === null ? null : Math.round(index);
}

function printLighthouse(report: BenchContext["report"], summaries: readonly LighthouseSummary[]) {
  const runs = summaries[0]?.runs.length ?? 0;
  const both = (median: number | null, minimum: number | null) => `${median ?? "–"} / ${minimum ?? "–"}`;
  report.section(
    `Lighthouse (mobile preset; ${runs} runs per page: median / minimum)`,
    formatTable([
      ["page", "performance", "accessibility", "best practices", "audits below 90 (median run)"],
      ...summaries.map(({ label, median, minimum, medianRun }) => [
        label,
        both(median.performance, minimum.performance),
        both(median.accessibility, minimum.accessibility),
        both(median.bestPractices, minimum.bestPractices),
        medianRun.runtimeError ?? (medianRun.failingAudits.join(", ") || "none"),
      ]),
    ]),
  );
  const failed = summaries.flatMap((summary) => summary.runs).filter((run) => run.runtimeError);
  for (const run of failed) report.log(`Lighthouse run of ${run.path} failed: ${run.runtimeError}`);
}

/** Status-image generation, in-process with the routes' own render code (scripts/bench-images.ts). */
export async function measureStatusImages({ report }: BenchContext): Promise<void> {
  const results = await benchStatusImages();
  report.record("statusImages", results);
  report.section(
    "Status images (warm)",
    results.map((result) => `${result.size}: p50 ${result.p50} ms, p99 ${result.p99} ms`).join("\n"),
  );
  for (const result of results.filter((candidate) => candidate.size.startsWith("status"))) {
    report.target(`${result.size} p50`, "≤ 150 ms", `${result.p50} ms`, result.p50 <= 150);
  }
}
