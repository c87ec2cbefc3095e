import { describe, expect, it } from "vitest";
import { type LighthouseScores, summariseRuns } from "./lighthouse-summary";

const run = (
  performance: number | null,
  accessibility: number | null,
  audits: string[] = [],
): LighthouseScores => ({
  label: "list",
  path: "/checkouts",
  performance,
  accessibility,
  bestPractices: performance === null ? null : 100,
  failingAudits: audits,
  runtimeError: performance === null ? "NO_NAVSTART: no trace" : null,
  benchmarkIndex: performance === null ? null : 600 + performance,
});

describe("summariseRuns", () => {
  it("reports the median and the minimum of each category, and the median run's audits", () => {
    const summary = summariseRuns("list", "/checkouts", [
      run(97, 100, ["a (80)"]),
      run(88, 95, ["b (50)"]),
      run(93, 100, ["c (70)"]),
    ]);
    expect(summary.median).toEqual({ performance: 93, accessibility: 100, bestPractices: 100 });
    expect(summary.minimum).toEqual({ performance: 88, accessibility: 95, bestPractices: 100 });
    expect(summary.medianRun.failingAudits).toEqual(["c (70)"]);
    expect(summary.benchmarkIndex).toBe(693);
  });

  it("leaves out runs that could not measure the page", () => {
    const summary = summariseRuns("list", "/checkouts", [run(null, null), run(90, 100), run(96, 98)]);
    expect(summary.median.performance).toBe(93);
    expect(summary.minimum.accessibility).toBe(98);
    expect(summary.medianRun.performance).toBe(90);
  });

  it("has no scores when no run measured the page", () => {
    const summary = summariseRuns("list", "/checkouts", [run(null, null)]);
    expect(summary.median.performance).toBeNull();
    expect(summary.minimum.performance).toBeNull();
    expect(summary.medianRun.runtimeError).toContain("NO_NAVSTART");
    expect(summary.benchmarkIndex).toBeNull();
  });
});
