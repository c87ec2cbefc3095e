import "server-only";
import { cookies, headers } from "next/headers";
import type { DateContext } from "@/lib/dates";
import { TIME_ZONE_COOKIE } from "./time-zone-cookie";

const FALLBACK_LOCALE = "en-US";

function isTimeZone(value: string | undefined): value is string {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The first language in Accept-Language that Intl supports, else en-US. */
export function localeFrom(acceptLanguage: string | null): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0) return canonical;
    } catch {
      // not a language tag
    }
  }
  return FALLBACK_LOCALE;
}

/**
 * How to show dates to this customer, decided on the server so server and browser render the same
 * text (no hydration mismatch). Until the browser has told us its zone, times are shown in UTC and
 * say so.
 */
export async function getDateContext(): Promise<DateContext> {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return {
    locale: localeFrom((await headers()).get("accept-language")),
    timeZone: isTimeZone(zone) ? zone : "UTC",
  };
}
