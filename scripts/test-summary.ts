/**
 * Prints one closing line for the whole run — "tests: N passed, N failed" — from the JSON reports
 * Vitest and Playwright write under CI, so a run that executed no test cannot pass unnoticed.
 */
import { existsSync, readFileSync } from "node:fs";

type Counts = { passed: number; failed: number; skipped: number };

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

function numberAt(value: unknown, key: string): number {
  if (typeof value !== "object" || value === null || !(key in value)) return 0;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === "number" ? found : 0;
}

function unitCounts(report: unknown): Counts {
  return {
    passed: numberAt(report, "numPassedTests"),
    failed: numberAt(report, "numFailedTests"),
    skipped: numberAt(report, "numPendingTests") + numberAt(report, "numTodoTests"),
  };
}

function e2eCounts(report: unknown): Counts {
  const stats = typeof report === "object" && report !== null && "stats" in report ? report.stats : null;
  return {
    passed: numberAt(stats, "expected") + numberAt(stats, "flaky"),
    failed: numberAt(stats, "unexpected"),
    skipped: numberAt(stats, "skipped"),
  };
}

const unit = unitCounts(readJson("reports/unit-results.json"));
const e2e = e2eCounts(readJson("reports/e2e-results.json"));
const total = {
  passed: unit.passed + e2e.passed,
  failed: unit.failed + e2e.failed,
  skipped: unit.skipped + e2e.skipped,
};
console.log(
  `unit: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed`,
);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
