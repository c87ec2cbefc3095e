import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { createTranslator } from "use-intl/core";
import { INTL_LOCALE, type Locale } from "../../lib/i18n/locales";
import type { Messages } from "../../lib/i18n/messages";

/**
 * The languages the browser journeys run in, and the portal's own messages to read expectations from.
 * Specs that run in both languages take their words from the catalogue (so they follow the wording)
 * and keep a few hand-written literals (so a wrong mapping or an untranslated message still fails).
 */

export type Language = {
  locale: Locale;
  /**
   * What the browser asks for. Chromium takes Accept-Language on navigations from the context's
   * locale, not from extra headers; and signInContext clears cookies, so no `locale` cookie either.
   */
  browserLocale: string;
};

export const LANGUAGES: readonly Language[] = [
  { locale: "en", browserLocale: "en-US" },
  { locale: "es", browserLocale: "es-US" },
];

export type Words = ReturnType<typeof createTranslator<Messages>>;

/*
 * The messages files read as data: the app's `translatorFor` imports them as JSON modules, which
 * Playwright's ESM loader refuses without an import attribute. Strict, unlike the app's: a missing or
 * broken message throws here instead of falling back to English.
 */
const words = new Map<Locale, Words>();

export function wordsIn(locale: Locale): Words {
  let translator = words.get(locale);
  if (!translator) {
    const messages = JSON.parse(
      readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8"),
    ) as Messages;
    translator = createTranslator<Messages>({
      locale: INTL_LOCALE[locale],
      messages,
      onError: (error) => {
        throw error;
      },
    });
    words.set(locale, translator);
  }
  return translator;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches text that contains `words`, literally. */
export function containing(words: string): RegExp {
  return new RegExp(escapeRegExp(words));
}

/** Matches text that starts with `words` and a space (a label followed by its date). */
export function startingWith(...words: string[]): RegExp {
  return new RegExp(`^(${words.map(escapeRegExp).join("|")}) `);
}

/**
 * The words that mean trouble, wherever they appear, in each language (hand-written, not read from
 * the catalogue: e2e/attention.spec.ts checks they still match the messages that say so).
 */
export const TROUBLE: Readonly<Record<Locale, RegExp>> = {
  en: /A payment didn't go through|Payment failed|Delivery problem|expires soon|Hold on your card ends/,
  es: /Un pago no se procesó|Pago no procesado|Problema de entrega|vence pronto|La retención en su tarjeta termina/,
};

/**
 * English interface words that must not show on a Spanish page. Whole words, case-sensitive: "Order"
 * but not "order" inside a product name's sentence. Product names, the brand and carrier names come
 * from the API or are never translated, and are not in this list.
 */
export const ENGLISH_UI_WORDS = [
  "Order",
  "Orders",
  "Payment",
  "Payments",
  "Continue checkout",
  "Sign out",
  "Sign in",
  "Show all steps",
  "Track package",
  "Needs your attention",
  "In progress",
  "Deposit",
  "Lease",
  "Shipping",
  "Progress",
  "Copy",
  "Next",
  "Previous",
  "Your",
  "Page",
  "Filter",
  "Skip to content",
  "Language",
  "Questions",
  "Help",
  "Contact",
  "updates itself",
] as const;

/** The English interface words the page shows (none, on a page in another language). */
export async function englishUiWordsOn(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  return ENGLISH_UI_WORDS.filter((english) => new RegExp(`\\b${escapeRegExp(english)}\\b`).test(text));
}

/** Fails when a page in another language shows one of the English interface words, naming which. */
export async function expectNoEnglishUi(page: Page): Promise<void> {
  expect(await englishUiWordsOn(page), `English words on ${page.url()}`).toEqual([]);
}

/** The page's `<html lang>`. */
export async function expectPageLanguage(page: Page, locale: Locale, where = page.url()): Promise<void> {
  await expect(page.locator("html"), `${where}: <html lang>`).toHaveAttribute("lang", locale);
}
