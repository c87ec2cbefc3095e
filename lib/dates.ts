/*
 * The one dates module, for server and browser alike. A value is either a calendar day ("YYYY-MM-DD",
 * the same day for everyone) or an instant (an ISO timestamp, shown in the viewer's zone). The view
 * model keeps both as ISO strings; components format them here. Every place that shows a value shows
 * the same day for the same viewer, because every place goes through `parseDateValue`.
 */

/** Whose calendar and clock dates are shown in. The page decides it once and passes it down. */
export type DateContext = { locale: string; timeZone: string };

/** A date the page can show: the instant, the value for `<time dateTime>`, and whether it is a calendar day. */
type ParsedDate = { date: Date; machineValue: string; calendarDate: boolean };

const FALLBACK_CONTEXT: DateContext = { locale: "en", timeZone: "UTC" };
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads an ISO 8601 value. "YYYY-MM-DD" is a calendar day, not an instant; anything else `Date` reads
 * is an instant. A day that does not exist ("2025-02-30") is not a date.
 */
export function parseDateValue(value: string | null | undefined): ParsedDate | null {
  if (typeof value !== "string") return null;
  let read = readValues.get(value);
  if (read === undefined) {
    read = readDateValue(value);
    if (value.length <= MAX_CACHED_VALUE_LENGTH) remember(readValues, value, read);
  }
  // A fresh Date each time: callers get an object of their own.
  return (
    read && { date: new Date(read.time), machineValue: read.machineValue, calendarDate: read.calendarDate }
  );
}

// A page reads and formats the same few dozen values on every request (view model, then markup), and
// reading a date string is among the costliest steps of a list render: results are kept (both are pure),
// bounded and cleared when full, like the formatters below.
type ReadValue = { time: number; machineValue: string; calendarDate: boolean } | null;
const readValues = new Map<string, ReadValue>();
const formattedValues = new Map<string, string>();
const MAX_CACHED_VALUES = 4096;
/** Longer than any ISO timestamp: such strings are read each time, never kept. */
const MAX_CACHED_VALUE_LENGTH = 64;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= MAX_CACHED_VALUES) cache.clear();
  cache.set(key, value);
}

function readDateValue(value: string): ReadValue {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (DATE_ONLY.test(trimmed)) {
    const date = new Date(`${trimmed}T00:00:00Z`);
    // Date rolls "2025-02-30" over to March; a day that does not exist is not shown.
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed) return null;
    return { time: date.getTime(), machineValue: trimmed, calendarDate: true };
  }
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) return null;
  return { time: date.getTime(), machineValue: date.toISOString(), calendarDate: false };
}

/** A full ISO timestamp in UTC, or null when absent or unreadable. */
export function isoTimestamp(value: string | null | undefined): string | null {
  return parseDateValue(value)?.date.toISOString() ?? null;
}

/**
 * A date that may be a calendar day (lease start and end): "YYYY-MM-DD" kept as sent, a timestamp
 * kept as the instant it names (shown on the viewer's day, like every other instant).
 */
export function dayOrInstant(value: string | null | undefined): string | null {
  return parseDateValue(value)?.machineValue ?? null;
}

/**
 * Milliseconds since the epoch, or null. For comparisons ("expires within 72 h", "already happened").
 * A calendar day counts from its first moment in UTC.
 */
export function timeOf(value: string | null | undefined): number | null {
  return parseDateValue(value)?.date.getTime() ?? null;
}

/** Formats an instant ("Mar 4, 2025, 2:03 PM") or a calendar date ("Mar 4, 2025"); null when unusable. */
export function formatDate(value: string | null, dates: DateContext, withTime = false): string | null {
  const parsed = parseDateValue(value);
  return parsed ? formatParsedDate(parsed, dates, withTime) : null;
}

export function formatParsedDate(parsed: ParsedDate, dates: DateContext, withTime: boolean): string {
  // A calendar day has no time and belongs to no zone: formatting its UTC midnight in UTC keeps the day.
  const showTime = withTime && !parsed.calendarDate;
  const wanted = parsed.calendarDate ? { locale: dates.locale, timeZone: "UTC" } : dates;
  const key = `${wanted.locale}|${wanted.timeZone}|${showTime}|${parsed.date.getTime()}`;
  const known = formattedValues.get(key);
  if (known !== undefined) return known;
  const { formatter, timeZone } = formatterFor(wanted, showTime);
  const text = formatter.format(parsed.date);
  // Until the browser tells us its zone, times are in UTC: say so rather than pass them off as local.
  const shown = showTime && timeZone === "UTC" ? `${text} UTC` : text;
  remember(formattedValues, key, shown);
  return shown;
}

type CachedFormatter = { formatter: Intl.DateTimeFormat; timeZone: string };

// Building a formatter costs far more than using one, and a page formats dozens of dates.
const formatters = new Map<string, CachedFormatter>();
const MAX_CACHED_FORMATTERS = 64;

function formatterFor(dates: DateContext, withTime: boolean): CachedFormatter {
  const key = `${dates.locale}|${dates.timeZone}|${withTime}`;
  const cached = formatters.get(key);
  if (cached) return cached;
  const created = createFormatter(dates, withTime);
  if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
  formatters.set(key, created);
  return created;
}

function createFormatter(dates: DateContext, withTime: boolean): CachedFormatter {
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
  };
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat(dates.locale, { ...options, timeZone: dates.timeZone });
  } catch {
    // An unknown locale or zone (from a header or cookie) must not take the page down.
    formatter = new Intl.DateTimeFormat(FALLBACK_CONTEXT.locale, {
      ...options,
      timeZone: FALLBACK_CONTEXT.timeZone,
    });
  }
  // The resolved name folds aliases ("Etc/UTC", "utc") into "UTC".
  return { formatter, timeZone: formatter.resolvedOptions().timeZone };
}

/** What the layout's inline script needs to localise the page's instants (see `localiseTimes`). */
type LocaliseTimesConfig = {
  /** The locale the server formatted in. */
  locale: string;
  /** The zone the server formatted instants in (the zone cookie's, else UTC). */
  serverZone: string;
  /** The zone cookie's `document.cookie` assignment with `TIMEZONE` in place of the zone, without `secure`. */
  cookieTemplate: string;
};

/** The marker `cookieTemplate` holds in place of the zone. */
export const COOKIE_ZONE_MARKER = "TIMEZONE";

/**
 * Runs in the browser as an inline script right after the page's content, before first paint: when
 * the browser's zone is not the one the server formatted in, it rewrites every instant's `<time>`
 * (marked `data-instant`) into the browser's zone and stores the zone in a cookie, so the next page
 * is rendered in it on the server. No second server render, no React re-render (the `<time>` text
 * is exempt from hydration checks). Self-contained on purpose: the layout inlines its source. Its
 * options are `createFormatter`'s and the " UTC" label `formatParsedDate`'s (dates.test.ts holds
 * them to the same text).
 */
export function localiseTimes(doc: Document, config: LocaliseTimesConfig, browserZone?: string): void {
  try {
    const zone = browserZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === config.serverZone) return;
    const formatters: Record<string, Intl.DateTimeFormat> = {
      date: new Intl.DateTimeFormat(config.locale, { dateStyle: "medium", timeZone: zone }),
      datetime: new Intl.DateTimeFormat(config.locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: zone,
      }),
    };
    const utc = formatters.datetime?.resolvedOptions().timeZone === "UTC";
    const times = doc.querySelectorAll("time[data-instant]");
    for (let index = 0; index < times.length; index++) {
      const time = times[index] as HTMLTimeElement;
      const kind = time.getAttribute("data-instant") ?? "";
      const formatter = formatters[kind];
      const instant = new Date(time.getAttribute("datetime") ?? "");
      if (!formatter || Number.isNaN(instant.getTime())) continue;
      time.textContent = formatter.format(instant) + (kind === "datetime" && utc ? " UTC" : "");
    }
    const secure = doc.location.protocol === "https:" ? "; secure" : "";
    doc.cookie = config.cookieTemplate.replace("TIMEZONE", encodeURIComponent(zone)) + secure;
  } catch {
    // An unknown zone or a blocked cookie: the server's text (labelled with its zone) stays.
  }
}
