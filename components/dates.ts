/** Whose calendar and clock dates are shown in. The page decides it once and passes it down. */
export type DateContext = { locale: string; timeZone: string };

/** A date the page can show: the instant, the value for `<time dateTime>`, and whether it is a calendar day. */
export type ParsedDate = { date: Date; machineValue: string; calendarDate: boolean };

const FALLBACK_CONTEXT: DateContext = { locale: "en", timeZone: "UTC" };
const CALENDAR_DATE = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads an ISO 8601 value. "YYYY-MM-DD" is a calendar day, not an instant; `asCalendarDate` treats a
 * full timestamp the same way (lease dates), keeping the day the API wrote whatever the offset says.
 */
export function parseDateValue(value: string | null | undefined, asCalendarDate = false): ParsedDate | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  const day = CALENDAR_DATE.exec(trimmed)?.[1];
  if (day && (asCalendarDate || DATE_ONLY.test(trimmed))) {
    const date = new Date(`${day}T00:00:00Z`);
    // Date rolls "2025-02-30" over to March; a day that does not exist is not shown.
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return null;
    return { date, machineValue: day, calendarDate: true };
  }
  if (asCalendarDate) return null;
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) return null;
  return { date, machineValue: date.toISOString(), calendarDate: false };
}

/** Formats an instant ("Mar 4, 2025, 2:03 PM") or a calendar date ("Mar 4, 2025"); null when unusable. */
export function formatDate(value: string | null, dates: DateContext, withTime = false): string | null {
  const parsed = parseDateValue(value);
  return parsed ? formatParsedDate(parsed, dates, withTime) : null;
}

/** Formats the calendar day a value names (lease start and end), whatever the viewer's time zone. */
export function formatCalendarDate(value: string | null, dates: DateContext): string | null {
  const parsed = parseDateValue(value, true);
  return parsed ? formatParsedDate(parsed, dates, false) : null;
}

export function formatParsedDate(parsed: ParsedDate, dates: DateContext, withTime: boolean): string {
  // A calendar day has no time and belongs to no zone: formatting its UTC midnight in UTC keeps the day.
  const showTime = withTime && !parsed.calendarDate;
  const wanted = parsed.calendarDate ? { locale: dates.locale, timeZone: "UTC" } : dates;
  const { formatter, timeZone } = formatterFor(wanted, showTime);
  const text = formatter.format(parsed.date);
  // Until the browser tells us its zone, times are in UTC: say so rather than pass them off as local.
  return showTime && timeZone === "UTC" ? `${text} UTC` : text;
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
