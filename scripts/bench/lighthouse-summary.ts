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
};

export type CategoryScores = Pick<LighthouseScores, "performance" | "accessibility" | "bestPractices">;

const CATEGORIES = ["performance", "accessibility", "bestPractices"] as const;

/** Median and minimum of one category over the runs that measured it; null when none did. */
function medianOf(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function summariseRuns(label: string, path: string, runs: LighthouseScores[]): LighthouseSummary {
  const measured = (category: (typeof CATEGORIES)[number]) =>
    runs.map((run) => run[category]).filter((value): value is number => value !== null);
  const pick = (choose: (values: number[]) => number | null): CategoryScores => ({
    performance: choose(measured("performance")),
    accessibility: choose(measured("accessibility")),
    bestPractices: choose(measured("bestPractices")),
  });
  const median = pick(medianOf);
  const minimum = pick((values) => (values.length ? Math.min(...values) : null));
  // A run that failed to measure counts as the lowest, so the "median run" is a measured one when possible.
  const byPerformance = [...runs].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1));
  const medianRun = byPerformance[Math.floor(byPerformance.length / 2)] ?? runs[0];
  if (!medianRun) throw new Error(`no Lighthouse run for ${path}`);
  return { label, path, runs, median, minimum, medianRun };
}
