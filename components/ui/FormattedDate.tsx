import type { ReactNode } from "react";
import { type DateContext, formatParsedDate, parseDateValue } from "../dates";

export type FormattedDateProps = {
  value: string | null;
  dates: DateContext;
  /** Adds the time of day ("2:03 PM"); ignored for calendar dates, which have none. */
  withTime?: boolean;
  /** Shows the calendar day the value names, whatever the viewer's zone (lease dates). */
  calendarDate?: boolean;
  /** Shown when the value is missing or unreadable; nothing by default. */
  fallback?: ReactNode;
};

export function FormattedDate({
  value,
  dates,
  withTime = false,
  calendarDate = false,
  fallback = null,
}: FormattedDateProps) {
  const parsed = parseDateValue(value, calendarDate);
  if (!parsed) return <>{fallback}</>;
  return <time dateTime={parsed.machineValue}>{formatParsedDate(parsed, dates, withTime)}</time>;
}

/** The `<time>` element, or null when there is no usable date: lets lists drop empty rows. */
export function dateOrNull(
  value: string | null,
  dates: DateContext,
  options: { withTime?: boolean; calendarDate?: boolean } = {},
): ReactNode {
  if (!parseDateValue(value, options.calendarDate)) return null;
  return <FormattedDate value={value} dates={dates} {...options} />;
}
