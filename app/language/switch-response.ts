import { NextResponse } from "next/server";
import { sameOriginPath } from "@/lib/auth/return-path";
import { readPostedForm } from "@/lib/http/form-body";
import { localeCookie, refererPath, switchBackPath } from "@/lib/i18n/language-switch";
import { INTL_LOCALE, isLocale, LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator";

export type LanguageSwitchContext = {
  /** Whether the browser says the post comes from the portal itself (lib/auth/same-origin.ts). */
  comesFromPortal: (request: Request) => boolean;
  /** Served over https: the cookie is then Secure. */
  https: boolean;
  /** The language the customer reads now, for the refusals. */
  locale: Locale;
  translator: Translator;
};

/**
 * The answer to the header's language switch: sets the `locale` cookie and goes back 303 to the page
 * the customer was on. Only a post from the portal itself counts (another site must not change
 * anyone's language), and an unknown language is a 400 that sets nothing.
 */
export async function languageSwitchResponse(
  request: Request,
  { comesFromPortal, https, locale, translator: t }: LanguageSwitchContext,
): Promise<Response> {
  if (!comesFromPortal(request)) return plainText(403, t("site.language.crossSite"));

  const posted = await readPostedForm(request);
  if (posted.tooLarge) return plainText(413, t("site.requestTooLarge"));
  const form = posted.form;
  const chosen = form?.get("locale");
  if (!isLocale(chosen)) {
    const languages = new Intl.ListFormat(INTL_LOCALE[locale], { type: "disjunction" }).format(
      LOCALES.map((each) => LOCALE_NAMES[each]),
    );
    return plainText(400, t("site.language.unknown", { languages }));
  }

  /*
   * Back to where the switch was pressed. The Referer first: the browser sets it to the page's current
   * address, which stays right after client-side navigations (those do not re-render the root layout,
   * so the form's `back` field keeps the first page's path). `back` serves when a browser or an
   * extension sends no Referer. Both are hostile input, checked alike; anything doubtful goes to "/".
   * The Referer's origin is compared with the Origin already checked above.
   */
  const origin = request.headers.get("origin") ?? "";
  const back = switchBackPath(
    [refererPath(request.headers.get("referer"), origin), form?.get("back")],
    sameOriginPath,
  );
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: back, "Cache-Control": "private, no-store" },
  });
  const cookie = localeCookie(chosen, https);
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

function plainText(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
