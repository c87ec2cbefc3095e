import { type SupportContacts, supportContactsOf } from "@/lib/checkout/support";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { publicOrigin } from "@/lib/request/public-origin";
import { linkPageLocale } from "./page-locale";

/** What every plain page needs from its request. */
export type PlainPageContext = {
  /** The page's language: chosen for this request by `linkPageLocale` (./page-locale.ts). */
  locale: Locale;
  /** The proxy's CSP nonce for the page's one inline style. */
  nonce: string | null;
  /** Makes the link-preview image URL absolute, like the layout's (null: relative). */
  origin: URL | null;
  /** How to reach support, shown under every page (the layout's pages show it the same way). */
  support?: SupportContacts;
};

/**
 * The context for these pages from any route's request (the proxy's nonce, the public origin, the
 * language). `fromLink` is the `lang` claim of a token whose signature was checked; never pass the
 * claim of a token that failed verification.
 */
export async function plainPageContext(
  request: Request,
  fromLink: Locale | null = null,
): Promise<PlainPageContext> {
  return {
    locale: linkPageLocale(request, fromLink),
    nonce: request.headers.get("x-nonce"),
    origin: await publicOrigin(),
    support: supportContactsOf(env()),
  };
}
