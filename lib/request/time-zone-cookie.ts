/** The cookie in which the browser tells the server its time zone (the inline script of app/LocalTimes.tsx sets it). */
export const TIME_ZONE_COOKIE = "tz";

/**
 * The `document.cookie` assignment for `zone`. Secure on https pages, like every other cookie of the
 * portal, so it never travels over plain http where a network attacker could read or replace it.
 */
export function timeZoneCookie(zone: string, https: boolean): string {
  const secure = https ? "; secure" : "";
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${secure}`;
}
