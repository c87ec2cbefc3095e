import type { ReactNode } from "react";
import { type DateContext, formatParsedDate, parseDateValue } from "@/lib/dates";

type FormattedDateProps = {
  value: string | null;
  dates: DateContext;
  /** Adds the time of day ("2:03 PM"); ignored for calendar dates, which have none. */
  withTime?: boolean;
  /** Shown when the value is missing or unreadable; nothing by default. */
  fallback?: ReactNode;
};

export function FormattedDate({ value, dates, withTime = false, fallback = null }: FormattedDateProps) {
  const parsed = parseDateValue(value);
  if (!parsed) return <>{fallback}</>;
  // An instant's text may be rewritten into the browser's zone before first paint (localiseTimes in
  // lib/dates.ts, inlined by the layout): React must leave that text alone when it hydrates.
  const instant = parsed.calendarDate ? undefined : withTime ? "datetime" : "date";
  return (
    <time dateTime={parsed.machineValue} data-instant={instant} suppressHydrationWarning>
      {formatParsedDate(parsed, dates, withTime)}
    </time>
  );
}

/** The `<time>` element, or null when there is no usable date: lets lists drop empty rows. */
export function dateOrNull(
  value: string | null,
  dates: DateContext,
  options: { withTime?: boolean } = {},
): ReactNode {
  if (!parseDateValue(value)) return null;
  return <FormattedDate value={value} dates={dates} {...options} />;
}
