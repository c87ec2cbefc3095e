import { LOCALE_COOKIE } from "@/lib/i18n/language-switch";
import type { Locale } from "@/lib/i18n/locales";
import { chooseLocale } from "@/lib/i18n/negotiate";

/**
 * The language of a plain page, in the portal's one order (lib/i18n/negotiate.ts): the
 * customer's own choice (the `locale` cookie), then the `lang` claim of the link — only ever passed
 * here for a token whose signature was verified, expired or not, so a forged link cannot pick the
 * language — then Accept-Language, then English.
 */
export function linkPageLocale(request: Request, fromLink: Locale | null): Locale {
  return chooseLocale({
    chosen: cookieValue(request.headers.get("cookie"), LOCALE_COOKIE),
    fromLink,
    acceptLanguage: request.headers.get("accept-language"),
  });
}

/** One cookie's raw value from a Cookie header; only ever compared with a known locale, so not decoded. */
function cookieValue(header: string | null, name: string): string | null {
  for (const pair of header?.split(";") ?? []) {
    const separator = pair.indexOf("=");
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}
