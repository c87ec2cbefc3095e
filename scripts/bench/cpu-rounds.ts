import { median } from "./stats";

type CpuRouteSummary = {
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  /** The route's CPU per request over the baseline's, taken within each round; null for no round. */
  medianRatio: number | null;
  minRatio: number | null;
  maxRatio: number | null;
};

/**
 * Per route: the median, minimum and maximum of its CPU ms per request over the rounds, and of its
 * ratio to `baselineName` within each round. Rounds without a usable figure for the route or the
 * baseline give no ratio.
 */
export function summariseCpuRounds<Name extends string>(
  rounds: readonly ReadonlyMap<Name, number>[],
  baselineName: Name,
): Map<Name, CpuRouteSummary> {
  const names = new Set(rounds.flatMap((round) => [...round.keys()]));
  const summary = new Map<Name, CpuRouteSummary>();
  for (const name of names) {
    const ms = rounds.flatMap((round) => usable(round.get(name)));
    const ratios = rounds.flatMap((round) => {
      const page = usable(round.get(name))[0];
      const baseline = usable(round.get(baselineName))[0];
      return page !== undefined && baseline !== undefined && baseline > 0 ? [page / baseline] : [];
    });
    summary.set(name, {
      medianMs: median(ms),
      minMs: ms.length ? Math.min(...ms) : null,
      maxMs: ms.length ? Math.max(...ms) : null,
      medianRatio: median(ratios),
      minRatio: ratios.length ? Math.min(...ratios) : null,
      maxRatio: ratios.length ? Math.max(...ratios) : null,
    });
  }
  return summary;
}

function usable(value: number | undefined): number[] {
  return value !== undefined && Number.isFinite(value) ? [value] : [];
}
