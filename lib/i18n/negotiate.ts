import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

export type LocaleSources = {
  /** The customer's own choice (the header's switch, remembered in a cookie). */
  chosen?: string | null | undefined;
  /** The `lang` claim of the link the customer arrived by: the operator knew their language. */
  fromLink?: string | null | undefined;
  /** The browser's Accept-Language header. */
  acceptLanguage?: string | null | undefined;
};

/**
 * Which language to speak, in the order the customer's intent is most certain: their explicit choice,
 * then the language the email was sent in, then what their browser prefers, then English. Unknown
 * values at any step are passed over, never an error: a stale cookie must not break a page.
 */
export function chooseLocale({ chosen, fromLink, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(chosen)) return chosen;
  if (isLocale(fromLink)) return fromLink;
  return preferredLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The best of our locales for an Accept-Language header ("es-MX,es;q=0.9" → "es"), else null. */
export function preferredLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  // Negotiator matches "es-MX" to our "es" by its primary tag and honours q-values (q=0 refuses).
  const [best] = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages([...LOCALES]);
  return isLocale(best) ? best : null;
}
