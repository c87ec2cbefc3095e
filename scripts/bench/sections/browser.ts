import { benchStatusImages } from "../../bench-images";
import { lighthouseAvailable, lighthouseScores } from "../lighthouse";
import { LIVE_CHECKOUT } from "../pages";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

/** Lighthouse scores of the list and a live checkout (mobile preset). */
export async function measureLighthouse({ stack, cookie, report }: BenchContext): Promise<void> {
  if (!lighthouseAvailable()) {
    report.log("Lighthouse skipped: no chromium at /usr/bin/chromium (or CHROMIUM_PATH)");
    return;
  }
  const scores = await lighthouseScores(stack.portalUrl, cookie, [
    { label: "list", path: "/checkouts" },
    { label: "detail, live", path: `/checkouts/${LIVE_CHECKOUT}` },
  ]);
  report.record("lighthouse", scores);
  report.section(
    "Lighthouse (mobile preset)",
    formatTable([
      ["page", "performance", "accessibility", "best practices", "audits below 90"],
      ...scores.map((score) => [
        score.label,
        score.performance,
        score.accessibility,
        score.bestPractices,
        score.runtimeError ?? (score.failingAudits.join(", ") || "none"),
      ]),
    ]),
  );
  for (const score of scores) {
    report.target(
      `${score.label}: Lighthouse accessibility`,
      "100",
      String(score.accessibility),
      score.accessibility === 100,
    );
    report.target(
      `${score.label}: Lighthouse performance`,
      "≥ 95",
      String(score.performance),
      (score.performance ?? 0) >= 95,
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
