/**
 * Times relative to the moment the sandbox was seeded, so the demo stays true whenever it runs
 * (a pre-authorization "expires in under 2 days", a parcel "shipped yesterday").
 */

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

export type Clock = {
  readonly nowMs: number;
  /** ISO timestamp `days` (+ `hours`) before now. */
  ago(days: number, hours?: number): string;
  /** ISO timestamp `days` (+ `hours`) after now. */
  ahead(days: number, hours?: number): string;
  /** Calendar date (YYYY-MM-DD, UTC) `days` after now; negative for the past. */
  dateIn(days: number): string;
};

export function clockAt(now: Date): Clock {
  const nowMs = now.getTime();
  const offsetIso = (ms: number) => new Date(nowMs + ms).toISOString();
  return {
    nowMs,
    ago: (days, hours = 0) => offsetIso(-(days * MS_PER_DAY + hours * MS_PER_HOUR)),
    ahead: (days, hours = 0) => offsetIso(days * MS_PER_DAY + hours * MS_PER_HOUR),
    dateIn: (days) => offsetIso(days * MS_PER_DAY).slice(0, 10),
  };
}
