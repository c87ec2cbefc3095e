/**
 * The languages the portal speaks. Everything else about a language (its messages, how Intl formats
 * dates and money in it) is looked up from here, so adding one is a new entry and a new messages file.
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/**
 * The tag Intl formats with. Our customers are in the US, so Spanish is US Spanish ("es-US": the
 * dollar sign, month-day order customers there expect), not Spain's.
 */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: "en-US", es: "es-US" };

/** The language's own name, as the header's switch offers it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", es: "Español" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
