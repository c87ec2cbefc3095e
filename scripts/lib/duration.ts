/** Durations for CLI flags such as `--ttl`: "90s", "30m", "12h", "7d", or a bare number of seconds. */

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 60 * 60, d: 24 * 60 * 60 } as const;
type DurationUnit = keyof typeof SECONDS_PER_UNIT;

const DURATION_PATTERN = /^(\d{1,12})([smhd]?)$/;

/** Whole seconds, or null when `text` is not a positive duration in one of the accepted forms. */
export function parseDurationSeconds(text: string): number | null {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, amount = "", unit = ""] = match;
  const seconds = Number(amount) * SECONDS_PER_UNIT[(unit || "s") as DurationUnit];
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : null;
}

/** The shortest exact spelling in the same notation, e.g. 604800 → "7d", 5400 → "90m". */
export function formatDuration(seconds: number): string {
  for (const unit of ["d", "h", "m"] as const) {
    const perUnit = SECONDS_PER_UNIT[unit];
    if (seconds >= perUnit && seconds % perUnit === 0) return `${seconds / perUnit}${unit}`;
  }
  return `${seconds}s`;
}
