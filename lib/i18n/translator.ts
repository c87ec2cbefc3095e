import { createTranslator, type IntlError } from "use-intl/core";
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "./locales";
import { MESSAGES, type Messages } from "./messages";

/**
 * Turns a message key and its values into a whole sentence in one language (use-intl's translator:
 * ICU plurals, selects and placeholders). Used alike by server components, route handlers, the status
 * image and the hand-written HTML pages, so every surface says the same thing the same way.
 */
export type Translator = ReturnType<typeof createMessageTranslator>;

function createMessageTranslator(locale: Locale) {
  return createTranslator<Messages>({
    locale: INTL_LOCALE[locale],
    messages: MESSAGES[locale],
    onError: reportMessageError,
    // A message missing or broken in one language reads in English rather than as its key.
    getMessageFallback: ({ key, namespace }) => englishFallback(namespace ? `${namespace}.${key}` : key),
  });
}

/*
 * One translator per language for the life of the process: messages are static and hold nothing of any
 * customer, so its cache of parsed messages is safe to share, and each message is parsed once rather
 * than on every request.
 */
const translators = new Map<Locale, Translator>();

export function translatorFor(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createMessageTranslator(locale);
    translators.set(locale, translator);
  }
  return translator;
}

function englishFallback(path: string): string {
  const english = translatorFor(DEFAULT_LOCALE) as unknown as {
    has(key: string): boolean;
    (key: string): string;
  };
  return english.has(path) ? english(path) : "";
}

function reportMessageError(error: IntlError): void {
  // Logged, never thrown: a page with one English sentence beats an error page. Tests catch the cause.
  console.warn(JSON.stringify({ event: "message_error", code: error.code, message: error.originalMessage }));
}
