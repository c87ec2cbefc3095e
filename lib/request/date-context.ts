import "server-only";
import { cookies, headers } from "next/headers";
import type { DateContext } from "@/lib/dates";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import { getLocale } from "@/lib/request/locale";
import { TIME_ZONE_COOKIE } from "./time-zone-cookie";

function isTimeZone(value: string | undefined): value is string {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Intl locale to format dates in: the browser's own regional variant when it speaks the page's
 * language ("en-GB" reads 1 March, "es-MX" its own order), else the language's default (en-US, es-US).
 */
export function formattingLocale(locale: Locale, acceptLanguage: string | null): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (!canonical || new Intl.Locale(canonical).language !== locale) continue;
      if (Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0) return canonical;
    } catch {
      // not a language tag
    }
  }
  return INTL_LOCALE[locale];
}

/**
 * How to show dates to this customer, decided on the server so server and browser render the same
 * text (no hydration mismatch). Until the browser has told us its zone, times are shown in UTC and
 * say so.
 */
export async function getDateContext(): Promise<DateContext> {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return {
    locale: formattingLocale(await getLocale(), (await headers()).get("accept-language")),
    timeZone: isTimeZone(zone) ? zone : "UTC",
  };
}
