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
  // The script's text is our own function's source only; its values travel in an attribute, which
  // React escapes, so nothing has to be made script-safe by hand. `document.currentScript` is checked
  // to be a script: a named element in the page could stand in for it.
  const source = `(function(s){if(s instanceof HTMLScriptElement)(${localiseTimes.toString()})(document,JSON.parse(s.dataset.config))})(document.currentScript)`;
  return (
    <script
      nonce={nonce}
      data-config={JSON.stringify(config)}
      suppressHydrationWarning
      // biome-ignore lint/security/noDangerouslySetInnerHtml: our own function's source, no value in it.
      dangerouslySetInnerHTML={{ __html: source }}
    />
  );
}
