/**
 * Lighthouse's mobile preset slows the CPU by a constant 4×, which is right for a host in the
 * "high-end desktop" bracket of its `benchmarkIndex` (about 1500–2000) and too much for a slower one:
 * then total blocking time is scaled from tasks that were already slow, and the score says more
 * about the host than the page. Lighthouse's own throttling guide (docs/throttling.md, "Calibrating
 * the CPU slowdown") tells you to lower the multiplier on such a host, and its CPU throttling
 * calculator gives the multiplier as a piecewise-linear function of the index; this is that function.
 * The bench prints it beside the scores rather than running at it: the index wanders from about 1100
 * to 2000 on the same VM with the load, so a calibrated score would measure the neighbours.
 */

/** Lighthouse's default `cpuSlowdownMultiplier` (its mobile preset). */
export const DEFAULT_CPU_SLOWDOWN = 4;

/**
 * The CPU slowdown that makes a host with `benchmarkIndex` behave like Lighthouse's target device:
 * 3× at 1300 plus 1× per 233 above it; 2× at 800 up to 3× at 1300; 1× at 150 up to 2× at 800; below
 * 150 the host is already slower than the target, so no slowdown at all.
 */
export function calibratedCpuSlowdown(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) {
    throw new Error(`not a benchmark index: ${benchmarkIndex}`);
  }
  const multiplier =
    benchmarkIndex >= 1300
      ? 3 + (benchmarkIndex - 1300) / 233
      : benchmarkIndex >= 800
        ? 2 + (benchmarkIndex - 800) / 500
        : benchmarkIndex >= 150
          ? 1 + (benchmarkIndex - 150) / 650
          : 1;
  return Math.round(multiplier * 10) / 10;
}
