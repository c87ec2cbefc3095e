import { headers } from "next/headers";
import { COOKIE_ZONE_MARKER, type DateContext, localiseTimes } from "@/lib/dates";
import { timeZoneCookie } from "@/lib/request/time-zone-cookie";

/**
 * The inline script that shows the page's instants in the browser's zone before first paint and
 * tells the server that zone for next time (see `localiseTimes`). Placed after the content, which is
 * complete when it arrives (no page streams behind a Suspense boundary), and carrying the request's
 * CSP nonce. Without JavaScript the server's text stays, labelled with its zone.
 */
export async function LocalTimes({ dates }: { dates: DateContext }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const config = {
    locale: dates.locale,
    serverZone: dates.timeZone,
    cookieTemplate: timeZoneCookie(COOKIE_ZONE_MARKER, false),
  };
  // JSON is not script-safe as is: "<" could close the element.
  const source = `(${localiseTimes.toString()})(document,${JSON.stringify(config).replace(/</g, "\\u003c")})`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: our own function's source and JSON-escaped config, nothing from the customer unescaped.
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: source }} />;
}
