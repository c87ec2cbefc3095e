import type { SupportContacts } from "@/lib/checkout/support";
import { supportMailto, supportTel } from "@/lib/checkout/support";
import { type Html, html, htmlSentence } from "@/lib/html/html";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { type Translator, translatorFor } from "@/lib/i18n/translator";
import { linkPreviewTags } from "@/lib/metadata/link-preview";
import { paletteCss } from "@/lib/theme/palette";
import { PORTAL_PATHS } from "@/lib/urls/portal-urls";
import type { PlainPageContext } from "./context";

/**
 * The frame of the plain pages (./link-pages.ts): the site's header with its language switch, the
 * support line and the footer, in the app's palette. Built with the `html` tag, so every value in
 * it is escaped.
 */

/**
 * Every page here holds a form (the language switch, and "Email me a new link" or "Switch account"),
 * and the address bar may hold a token. So no Referer may carry the path or query, but under
 * "no-referrer" the browser would send `Origin: null` with the forms' posts and fail their same-origin
 * check. "strict-origin" sends the origin alone, never the path or query.
 */
const REFERRER_POLICY = "strict-origin";

/**
 * Where the language switch of these pages goes after changing language: the sign-in page. These
 * pages answer a one-time, secret-bearing address (`/link?token=…`), and the token must not travel
 * in the form, the cookie or a redirect, so "this page again" is impossible. The sign-in page is
 * where each of them points anyway (their "Sign in" button), and it explains, in the new language,
 * that the link in the email signs the customer in; opening that link again now shows its page
 * (with "Email me a new link" when it applies) in the language just chosen, since the cookie wins.
 */
const SWITCH_BACK_PATH = PORTAL_PATHS.signIn;

/**
 * The app's palette (lib/theme/palette.ts), then the few rules these pages need, with the app's
 * colour tokens used as its components use them: the accent is the strong one in light, the bright
 * one in dark (app/globals.css links, app/layout.module.css's brand mark).
 */
const STYLE = `${paletteCss()}
:root{--accent:var(--color-accent-strong)}
@media (prefers-color-scheme:dark){:root{--accent:var(--color-accent)}}
body{margin:0;font-family:system-ui,sans-serif;background:var(--color-bg);color:var(--color-text);line-height:1.5}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem 3rem}
header.site,footer.site{max-width:36rem;margin:0 auto;padding:1rem}
header.site{border-bottom:1px solid var(--color-border);display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}
footer.site{color:var(--color-text-muted);font-size:.875rem}
.brand{color:var(--color-text);font-weight:700;text-decoration:none;display:inline-flex;align-items:center;gap:.4rem;min-height:44px}
.brand span{color:var(--accent)}
.help{font-size:.95rem}
p{color:var(--color-text-muted)}
.lead{color:var(--color-text)}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
form{margin:0}
.button{display:inline-flex;align-items:center;min-height:44px;padding:0 1.25rem;border:2px solid var(--accent);border-radius:.75rem;background:var(--accent);color:var(--color-on-accent);font:inherit;font-weight:600;text-decoration:none;cursor:pointer;box-sizing:border-box}
.button.secondary{background:transparent;color:var(--color-text)}
a:not(.button){color:var(--color-text)}
.button:focus-visible,.language-button:focus-visible{outline:3px solid var(--color-focus);outline-offset:2px}
.language-group{display:flex;margin:0;padding:0;border:0;min-width:0}
.language-button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;padding:0 .75rem;border:0;border-radius:.5rem;background:transparent;font:inherit;color:var(--color-text);text-decoration:underline;text-underline-offset:.2em;white-space:nowrap;cursor:pointer}
.visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;

type PlainPage = {
  /** The page's heading, also its title (with the site's name). */
  title: string;
  status: number;
  main: Html;
  context: PlainPageContext;
  headers?: Record<string, string>;
};

/** One plain page as a response: never cached, no Referer beyond the origin. */
export function plainPageResponse({ title, status, main, context, headers = {} }: PlainPage): Response {
  const t = translatorFor(context.locale);
  const page = html`<!doctype html>
<html lang="${context.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="${REFERRER_POLICY}">
<title>${t("link.page.titleSuffix", { title })}</title>
${linkPreviewTags(context.origin, context.locale)}<style${context.nonce !== null && html` nonce="${context.nonce}"`}>
${STYLE}</style>
</head>
<body>
<header class="site"><a class="brand" href="${PORTAL_PATHS.home}"><span aria-hidden="true">●</span> The Sweet Spot</a>
${languageSwitch(context.locale, t)}
</header>
<main>
${main}${supportLine(context.support, t)}
</main>
<footer class="site">${t("site.footer")}</footer>
</body>
</html>`;
  return new Response(page.toString(), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": REFERRER_POLICY,
      ...headers,
    },
  });
}

/**
 * The header's language switch: the same form as app/LanguageSwitch.tsx (a post to the language
 * route, a legend for screen readers, one button per other language, named in that language and
 * marked `lang`), and its words from the same `site` messages.
 */
function languageSwitch(locale: Locale, t: Translator): Html {
  const buttons = LOCALES.filter((other) => other !== locale).map(
    (other) =>
      html`<button type="submit" name="locale" value="${other}" lang="${other}" class="language-button">${LOCALE_NAMES[other]}</button>`,
  );
  return html`<form method="post" action="${PORTAL_PATHS.language}">
<fieldset class="language-group">
<legend class="visually-hidden">${t("site.language.label")}</legend>
<input type="hidden" name="back" value="${SWITCH_BACK_PATH}">
${buttons}
</fieldset>
</form>`;
}

/** "Need help?" with every configured way to reach support, as working links. */
function supportLine(support: SupportContacts | undefined, t: Translator): Html | null {
  if (!support) return null;
  const ways = [html`<a href="${supportMailto(support.email, null)}">${support.email}</a>`];
  if (support.phone) ways.push(html`<a href="${supportTel(support.phone)}">${support.phone}</a>`);
  if (support.url) ways.push(html`<a href="${support.url}">${t("link.page.helpCentre")}</a>`);
  const separated = ways.flatMap((way, index) => (index === 0 ? [way] : [" · ", way]));
  return html`\n<p class="help">${htmlSentence((markers) => t("link.page.help", markers), { ways: html`${separated}` })}</p>`;
}
