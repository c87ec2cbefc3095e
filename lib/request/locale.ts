import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCustomerSession } from "@/lib/auth/customer-session";
import { LOCALE_COOKIE } from "@/lib/i18n/language-switch";
import type { Locale } from "@/lib/i18n/locales";
import { chooseLocale } from "@/lib/i18n/negotiate";
import { type Translator, translatorFor } from "@/lib/i18n/translator";

/** The language of this request (see `chooseLocale` for the order), decided once per server render. */
export const getLocale = cache(async (): Promise<Locale> => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const acceptLanguage = (await headers()).get("accept-language");
  // The session remembers the language of the link that opened it (decoded once per render, cached).
  const fromLink = (await getCustomerSession())?.lang;
  return chooseLocale({ chosen, fromLink, acceptLanguage });
});

/** The translator for this request's language. */
export async function getTranslator(): Promise<Translator> {
  return translatorFor(await getLocale());
}
