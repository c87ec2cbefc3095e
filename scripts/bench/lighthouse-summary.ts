import { median } from "./stats";

export type LighthouseScores = {
  label: string;
  path: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** The audits that cost points, for the README and for fixing them. */
  failingAudits: string[];
  /** Set when Lighthouse could not measure the page (its scores are then null). */
  runtimeError: string | null;
  /** Lighthouse's measure of the host's CPU (`lhr.environment.benchmarkIndex`), null if absent. */
  benchmarkIndex: number | null;
};

/** Each page's runs and what the bench judges: the median and the minimum of each category. */
export type LighthouseSummary = {
  label: string;
  path: string;
  runs: LighthouseScores[];
  median: CategoryScores;
  minimum: CategoryScores;
  /** The audits below 90 of the run with the median performance score (or its runtime error). */
  medianRun: LighthouseScores;
  /** The median of the runs' host CPU index: what a calibrated slowdown is computed from. */
  benchmarkIndex: number | null;
};

type CategoryScores = Pick<LighthouseScores, "performance" | "accessibility" | "bestPractices">;

const CATEGORIES = ["performance", "accessibility", "bestPractices"] as const;

export function summariseRuns(label: string, path: string, runs: LighthouseScores[]): LighthouseSummary {
  const measured = (category: (typeof CATEGORIES)[number]) =>
    runs.map((run) => run[category]).filter((value): value is number => value !== null);
  const pick = (choose: (values: number[]) => number | null): CategoryScores => ({
    performance: choose(measured("performance")),
    accessibility: choose(measured("accessibility")),
    bestPractices: choose(measured("bestPractices")),
  });
  const medians = pick(median);
  const minimum = pick((values) => (values.length ? Math.min(...values) : null));
  // A run that failed to measure counts as the lowest, so the "median run" is a measured one when possible.
  const byPerformance = [...runs].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1));
  const medianRun = byPerformance[Math.floor(byPerformance.length / 2)] ?? runs[0];
  if (!medianRun) throw new Error(`no Lighthouse run for ${path}`);
  const benchmarkIndex = median(
    runs.map((run) => run.benchmarkIndex).filter((value): value is number => value !== null),
  );
  return { label, path, runs, median: medians, minimum, medianRun, benchmarkIndex };
}
