import { z } from "zod";

/**
 * Strict readers for the API's scalar values (sweetspot-api.md §2–3). Each turns a value into what the
 * rest of the portal may rely on, or into `null` — a field that is missing, null, or unreadable is
 * shown with neutral words; it never sinks its record.
 */

/** An enum value's spelling without case, `-`, `_` or spaces: "IN_PROGRESS", "in-progress" → "inprogress". */
export function enumKey(value: string): string {
  return value.toLowerCase().replace(/[-_\s]+/g, "");
}

/**
 * An open enumeration: a known value in any case or separator spelling becomes its canonical spelling
 * (the one in `known`); an unknown value stays as its trimmed raw string, so it can still be shown.
 */
export function normaliseEnum(known: readonly string[], value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const key = enumKey(trimmed);
  return known.find((candidate) => enumKey(candidate) === key) ?? trimmed;
}

export function openEnum(known: readonly string[]) {
  return z
    .unknown()
    .optional()
    .transform((value) => (typeof value === "string" ? normaliseEnum(known, value) : null));
}

/** Free text: a string, or null. */
export const text = z.string().nullable().catch(null);

const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const TIME = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?`;
const OFFSET = String.raw`(?:Z|[+-](\d{2}):(\d{2}))`;
const TIMESTAMP_PATTERN = new RegExp(`^${DATE}[Tt]${TIME}(?:${OFFSET}|z)$`);
const DATE_PATTERN = new RegExp(`^${DATE}$`);

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO 8601 with a date, a time and an offset (`2025-03-01T22:00:00-05:00`, `…Z`); not "0", "2025", or a date alone. */
export function isTimestamp(value: string): boolean {
  const match = TIMESTAMP_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.map(Number);
  return (
    isCalendarDate(year ?? 0, month ?? 0, day ?? 0) &&
    (hour ?? 99) < 24 &&
    (minute ?? 99) < 60 &&
    (Number.isNaN(second) || (second ?? 99) < 60) &&
    (Number.isNaN(offsetHours) || ((offsetHours ?? 99) < 24 && (offsetMinutes ?? 99) < 60)) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A calendar date `YYYY-MM-DD`. */
function isDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  return isCalendarDate(year ?? 0, month ?? 0, day ?? 0);
}

export const timestamp = z
  .string()
  .refine((value) => isTimestamp(value.trim()))
  .transform((value) => value.trim())
  .nullable()
  .catch(null);

/** Where the documents say "date" (lease start and end): a calendar date, or a full timestamp. */
export const dateOrTimestamp = z
  .string()
  .refine((value) => isDate(value.trim()) || isTimestamp(value.trim()))
  .transform((value) => value.trim())
  .nullable()
  .catch(null);

/** "2", "-3", "19.99": the number they spell. "1e3", "0x10", "1,000", "" and the like are not read. */
const DECIMAL_STRING = /^-?\d{1,15}(?:\.\d{1,15})?$/;
/** Where a whole number is expected, "49.00" is ambiguous (dollars in a cents field?): only digits are read. */
const INTEGER_STRING = /^-?\d{1,15}$/;

function fromString(pattern: RegExp) {
  return (value: unknown): unknown =>
    typeof value === "string" && pattern.test(value.trim()) ? Number(value.trim()) : value;
}

/** A number where one is expected, from a number or an unambiguous numeric string. */
export function numeric<T extends z.ZodType>(schema: T) {
  return z.preprocess(fromString(DECIMAL_STRING), schema);
}

/** A whole number where one is expected, from an integer or a string of digits. */
export function wholeNumber<T extends z.ZodType>(schema: T) {
  return z.preprocess(fromString(INTEGER_STRING), schema);
}

export const integer = wholeNumber(z.int()).nullable().catch(null);
export const count = wholeNumber(z.int().min(0)).nullable().catch(null);
export const flag = z.boolean().nullable().catch(null);
