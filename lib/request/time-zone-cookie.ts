/** The cookie in which the browser tells the server its time zone (app/TimeZoneSync.tsx sets it). */
export const TIME_ZONE_COOKIE = "tz";
