import { benchStatusImages } from "../../bench-images";
import { type LighthouseSummary, lighthouseAvailable, lighthouseScores } from "../lighthouse";
import { calibratedCpuSlowdown, calibrationApplies, DEFAULT_CPU_SLOWDOWN } from "../lighthouse-calibration";
import { LIVE_CHECKOUT } from "../pages";
import { median } from "../stats";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

const LIGHTHOUSE_PAGES = [
  { label: "list", path: "/checkouts" },
  { label: "detail, live", path: `/checkouts/${LIVE_CHECKOUT}` },
] as const;

/**
 * Lighthouse scores of the list and a live checkout (mobile preset): median and minimum of three
 * runs. When the host's benchmarkIndex is outside the bracket Lighthouse's 4× CPU slowdown is made
 * for, the pages are run again at the slowdown its calibration guide gives for this host, and
 * performance is judged on that (the preset's figures are still printed); lighthouse-calibration.ts
 * says why.
 */
export async function measureLighthouse({ stack, cookie, report }: BenchContext): Promise<void> {
  if (!lighthouseAvailable()) {
    report.log("Lighthouse skipped: no chromium at /usr/bin/chromium (or CHROMIUM_PATH)");
    return;
  }
  const preset = await lighthouseScores(stack.portalUrl, cookie, LIGHTHOUSE_PAGES);
  const hostIndex = medianIndex(preset);
  report.record("lighthouse", preset);
  printLighthouse(report, `mobile preset, CPU ${DEFAULT_CPU_SLOWDOWN}×`, preset);

  let judged = preset;
  if (hostIndex !== null && calibrationApplies(hostIndex)) {
    const slowdown = calibratedCpuSlowdown(hostIndex);
    report.log(
      `Lighthouse: this host's benchmarkIndex is ${hostIndex}, outside the bracket its ${DEFAULT_CPU_SLOWDOWN}× ` +
        `slowdown is made for; running again at the calibrated ${slowdown}× (Lighthouse's calculator) and ` +
        `judging performance on that`,
    );
    judged = await lighthouseScores(stack.portalUrl, cookie, LIGHTHOUSE_PAGES, {
      cpuSlowdownMultiplier: slowdown,
    });
    report.record("lighthouseCalibrated", {
      benchmarkIndex: hostIndex,
      cpuSlowdownMultiplier: slowdown,
      judged,
    });
    printLighthouse(report, `calibrated for benchmarkIndex ${hostIndex}: CPU ${slowdown}×`, judged);
  } else {
    report.log(
      `Lighthouse: this host's benchmarkIndex is ${hostIndex ?? "unknown"}; the preset's slowdown fits it`,
    );
  }

  const runs = preset[0]?.runs.length ?? 0;
  for (const { label, median, minimum } of preset) {
    report.target(
      `${label}: Lighthouse accessibility`,
      `100 (median of ${runs})`,
      `${median.accessibility ?? "–"} (min ${minimum.accessibility ?? "–"})`,
      median.accessibility === 100,
    );
  }
  const how = judged === preset ? "preset" : "calibrated";
  for (const { label, median, minimum } of judged) {
    report.target(
      `${label}: Lighthouse performance (${how})`,
      `≥ 95 (median of ${runs})`,
      `${median.performance ?? "–"} (min ${minimum.performance ?? "–"})`,
      (median.performance ?? 0) >= 95,
    );
  }
}

function medianIndex(summaries: readonly LighthouseSummary[]): number | null {
  const index = median(
    summaries.flatMap((summary) => (summary.benchmarkIndex === null ? [] : [summary.benchmarkIndex])),
  );
  return index === null ? null : Math.round(index);
}

function printLighthouse(
  report: BenchContext["report"],
  setting: string,
  summaries: readonly LighthouseSummary[],
) {
  const runs = summaries[0]?.runs.length ?? 0;
  const both = (median: number | null, minimum: number | null) => `${median ?? "–"} / ${minimum ?? "–"}`;
  report.section(
    `Lighthouse (${setting}; ${runs} runs per page: median / minimum)`,
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
