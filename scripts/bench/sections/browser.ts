import { benchStatusImages } from "../../bench-images";
import { lighthouseAvailable, lighthouseScores } from "../lighthouse";
import { LIVE_CHECKOUT } from "../pages";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

/** Lighthouse scores of the list and a live checkout (mobile preset): median and minimum of three runs. */
export async function measureLighthouse({ stack, cookie, report }: BenchContext): Promise<void> {
  if (!lighthouseAvailable()) {
    report.log("Lighthouse skipped: no chromium at /usr/bin/chromium (or CHROMIUM_PATH)");
    return;
  }
  const summaries = await lighthouseScores(stack.portalUrl, cookie, [
    { label: "list", path: "/checkouts" },
    { label: "detail, live", path: `/checkouts/${LIVE_CHECKOUT}` },
  ]);
  report.record("lighthouse", summaries);
  const runs = summaries[0]?.runs.length ?? 0;
  const both = (median: number | null, minimum: number | null) => `${median ?? "–"} / ${minimum ?? "–"}`;
  report.section(
    `Lighthouse (mobile preset, ${runs} runs per page: median / minimum)`,
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
  for (const { label, median, minimum } of summaries) {
    report.target(
      `${label}: Lighthouse accessibility`,
      `100 (median of ${runs})`,
      `${median.accessibility ?? "–"} (min ${minimum.accessibility ?? "–"})`,
      median.accessibility === 100,
    );
    report.target(
      `${label}: Lighthouse performance`,
      `≥ 95 (median of ${runs})`,
      `${median.performance ?? "–"} (min ${minimum.performance ?? "–"})`,
      (median.performance ?? 0) >= 95,
    );
  }
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
