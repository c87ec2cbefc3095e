/** How long each step of a run took, for the closing lines of `npm test` and `.ci/run`. */

/** "42s" under a minute, else "3m 07s": whole seconds, as a person reads a CI log. */
export function formatElapsed(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}

export type TimedStep = { name: string; milliseconds: number; ok: boolean };

/** One line per step, names aligned, a failed step marked, then the whole run's wall-clock time. */
export function formatStepTimes(steps: readonly TimedStep[], totalMilliseconds: number): string[] {
  const width = Math.max("total".length, ...steps.map((step) => step.name.length));
  return [
    ...steps.map(
      (step) =>
        `${step.name.padEnd(width)}  ${formatElapsed(step.milliseconds)}${step.ok ? "" : "  (failed)"}`,
    ),
    `${"total".padEnd(width)}  ${formatElapsed(totalMilliseconds)}`,
  ];
}
