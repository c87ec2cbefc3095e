/**
 * Dates leave the view model as ISO 8601 strings (components render them in `<time dateTime>`). The
 * schema only promises that `Date` can read a value, so timestamps are normalised here.
 */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A full ISO timestamp in UTC, or null when absent or unreadable. */
export function isoTimestamp(value: string | null | undefined): string | null {
  const date = dateOf(value);
  return date === null ? null : date.toISOString();
}

/**
 * A calendar date `YYYY-MM-DD` (lease start/end). Kept as sent when it already is one: turning it into a
 * midnight-UTC timestamp would show the previous day to every customer west of Greenwich.
 */
export function calendarDate(value: string | null | undefined): string | null {
  if (typeof value === "string" && CALENDAR_DATE.test(value)) return value;
  const date = dateOf(value);
  return date === null ? null : date.toISOString().slice(0, 10);
}

/** Milliseconds since the epoch, or null. For comparisons ("expires within 48 h"). */
export function timeOf(value: string | null | undefined): number | null {
  return dateOf(value)?.getTime() ?? null;
}

function dateOf(value: string | null | undefined): Date | null {
  if (typeof value !== "string" || value === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
