import type { LinkTokenFailure } from "@/lib/auth/link-token";
import { type SupportContacts, supportContactsOf, supportMailto, supportTel } from "@/lib/checkout/support";
import { env } from "@/lib/env";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { type Translator, translatorFor } from "@/lib/i18n/translator";
import { linkPreviewTags } from "@/lib/metadata/link-preview";
import { publicOrigin } from "@/lib/request/public-origin";
import { PORTAL_PATHS } from "@/lib/urls/portal-urls";
import { linkPageLocale } from "./page-locale";

/**
 * The plain pages /link answers with when it cannot simply sign the customer in: a link that cannot
 * sign anyone in, and a link for another customer than the one signed in. They are rendered here
 * rather than by React pages because a route handler is the only place that can both set the session
 * cookie (for good links) and answer a 4xx (for bad ones); the text is fixed, nothing from the
 * request is echoed but a verified token.
 */
const FAILURES: Record<LinkTokenFailure, { words: "expired" | "notYetValid" | "invalid"; status: number }> = {
  expired: { words: "expired", status: 410 },
  not_yet_valid: { words: "notYetValid", status: 401 },
  invalid: { words: "invalid", status: 401 },
};

export type LinkPageContext = {
  /** The page's language: chosen for this request by `linkPageLocale` (./page-locale.ts). */
  locale: Locale;
  nonce: string | null;
  origin: URL | null;
  /** How to reach support, shown under every page (the layout's pages show it the same way). */
  support?: SupportContacts;
};

/**
 * What an expired page offers besides signing in (lib/notify/fresh-link.ts decides): a button
 * posting the expired token for a new link by email, or the support contact when the portal cannot
 * send one. Forged, garbled and revoked links get neither.
 */
export type ExpiredLinkExtras =
  | { offer: "email_new_link"; token: string }
  | { offer: "contact_support"; supportEmail: string }
  | { offer: "none" };

/** `origin` makes the page's link-preview image URL absolute, like the layout's (null: relative). */
export function linkProblemResponse(
  reason: LinkTokenFailure,
  context: LinkPageContext,
  extras: ExpiredLinkExtras = { offer: "none" },
): Response {
  const t = translatorFor(context.locale);
  const { words, status } = FAILURES[reason];
  const title = text(t(`link.problem.${words}.title`));
  const body = text(t(`link.problem.${words}.body`));
  const signIn = `<a class="button${extras.offer === "email_new_link" ? " secondary" : ""}" href="${PORTAL_PATHS.signIn}">${text(t("link.page.signIn"))}</a>`;
  if (reason === "expired" && extras.offer === "email_new_link") {
    return linkPage({
      title,
      status,
      context,
      main: `<h1>${title}</h1>
<p>${body}</p>
<p class="lead">${text(t("link.renewal.offer"))}</p>
<div class="actions">
<form method="post" action="${PORTAL_PATHS.linkRenewal}">
<input type="hidden" name="token" value="${escapeAttribute(extras.token)}">
<button type="submit" class="button">${text(t("link.renewal.button"))}</button>
</form>
${signIn}
</div>`,
    });
  }
  const support =
    reason === "expired" && extras.offer === "contact_support"
      ? `\n<p class="lead">${withLinks(t, "link.renewal.contactSupport", { email: mailtoLink(extras.supportEmail) })}</p>`
      : "";
  return linkPage({
    title,
    status,
    context,
    main: `<h1>${title}</h1>
<p>${body}</p>${support}
<p>${signIn}</p>`,
  });
}

/**
 * The answer to "Email me a new link", the same whatever happened (sent, webhook down, limit hit,
 * link not ours): the customer learns nothing an attacker could use, and is never told to retry.
 */
export function linkRequestedResponse(
  context: LinkPageContext,
  { supportEmail, sandboxOutboxUrl }: { supportEmail: string; sandboxOutboxUrl: string | null },
): Response {
  const t = translatorFor(context.locale);
  const title = text(t("link.renewal.sentTitle"));
  const sandbox = sandboxOutboxUrl
    ? `\n<p>${t.markup("link.renewal.sandboxOutbox", {
        outbox: (chunks) => `<a href="${escapeAttribute(sandboxOutboxUrl)}">${chunks}</a>`,
      })}</p>`
    : "";
  return linkPage({
    title,
    status: 200,
    context,
    main: `<h1>${title}</h1>
<p class="lead">${text(t("link.renewal.sentLead"))}</p>
<p>${withLinks(t, "link.renewal.sentHelp", { email: mailtoLink(supportEmail) })}</p>${sandbox}
<p><a class="button secondary" href="${PORTAL_PATHS.signIn}">${text(t("link.page.signIn"))}</a></p>`,
  });
}

function mailtoLink(email: string): string {
  const address = escapeAttribute(email);
  return `<a href="mailto:${address}">${address}</a>`;
}

/**
 * Someone else is signed in on this browser. Switching needs a click and a same-origin POST, so a
 * hostile page cannot swap the session behind the customer's back (login CSRF). Nothing about either
 * account is shown: the browser's owner learns only that the link is for another account.
 */
export function switchAccountResponse(token: string, stayPath: string, context: LinkPageContext): Response {
  const t = translatorFor(context.locale);
  const title = text(t("link.switchAccount.title"));
  return linkPage({
    title,
    status: 200,
    context,
    main: `<h1>${title}</h1>
<p class="lead">${text(t("link.switchAccount.lead"))}</p>
<p>${text(t("link.switchAccount.body"))}</p>
<div class="actions">
<form method="post" action="${PORTAL_PATHS.link}">
<input type="hidden" name="token" value="${escapeAttribute(token)}">
<button type="submit" class="button">${text(t("link.switchAccount.switch"))}</button>
</form>
<a class="button secondary" href="${escapeAttribute(stayPath)}">${text(t("link.switchAccount.stay"))}</a>
</div>`,
  });
}

/** A plain 403 in the same look, for a switch posted from another site. */
export function crossSitePostResponse(context: LinkPageContext): Response {
  const t = translatorFor(context.locale);
  const title = text(t("link.problem.crossSite.title"));
  return linkPage({
    title,
    status: 403,
    context,
    main: `<h1>${title}</h1>
<p>${text(t("link.problem.crossSite.body"))}</p>
<p><a class="button" href="${PORTAL_PATHS.checkouts}">${text(t("link.page.goToOrders"))}</a></p>`,
  });
}

/** A plain 413 in the same look, for a form post over the size any of our forms sends (lib/http/form-body.ts). */
export function tooLargeResponse(context: LinkPageContext): Response {
  const t = translatorFor(context.locale);
  const title = text(t("link.problem.tooLarge.title"));
  return linkPage({
    title,
    status: 413,
    context,
    main: `<h1>${title}</h1>
<p>${text(t("link.problem.tooLarge.body"))}</p>
<p><a class="button" href="${PORTAL_PATHS.checkouts}">${text(t("link.page.goToOrders"))}</a></p>`,
  });
}

/**
 * The context for these pages from any route's request (the proxy's nonce, the public origin, the
 * language). `fromLink` is the `lang` claim of a token whose signature was checked; never pass the
 * claim of a token that failed verification.
 */
export async function plainPageContext(
  request: Request,
  fromLink: Locale | null = null,
): Promise<LinkPageContext> {
  return {
    locale: linkPageLocale(request, fromLink),
    nonce: request.headers.get("x-nonce"),
    origin: await publicOrigin(),
    support: supportContactsOf(env()),
  };
}

/** "Need help?" with every configured way to reach support, as working links. */
function supportLine(support: SupportContacts | undefined, t: Translator): string {
  if (!support) return "";
  const ways = [
    `<a href="${escapeAttribute(supportMailto(support.email, null))}">${escapeText(support.email)}</a>`,
  ];
  if (support.phone)
    ways.push(`<a href="${escapeAttribute(supportTel(support.phone))}">${escapeText(support.phone)}</a>`);
  if (support.url)
    ways.push(`<a href="${escapeAttribute(support.url)}">${text(t("link.page.helpCentre"))}</a>`);
  return `\n<p class="help">${withLinks(t, "link.page.help", { ways: ways.join(" · ") })}</p>`;
}

/** A translated sentence as HTML text. Messages are ours, but escaping them costs nothing. */
function text(message: string): string {
  return escapeText(message);
}

/**
 * A whole translated sentence with HTML (links) in its placeholders: the sentence is escaped, the
 * already-built HTML values are put in afterwards, so neither the message nor a value can break the other.
 */
function withLinks(t: Translator, key: SentenceWithLinks, html: Record<string, string>): string {
  const markers = Object.fromEntries(Object.keys(html).map((name, index) => [name, `\u0000${index}\u0000`]));
  let sentence = escapeText(t(key, markers));
  Object.values(html).forEach((value, index) => {
    sentence = sentence.replace(`\u0000${index}\u0000`, value);
  });
  return sentence;
}

/** The messages whose placeholders take HTML (`title` is already-escaped text). */
type SentenceWithLinks =
  | "link.renewal.contactSupport"
  | "link.renewal.sentHelp"
  | "link.page.help"
  | "link.page.titleSuffix";

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Why a good link still cannot sign in: revoked, or the shared store cannot say (fail closed). */
export type LinkRefusal = "revoked" | "unverifiable";

const REFUSALS: Record<LinkRefusal, { words: "revoked" | "unverifiable"; status: number }> = {
  revoked: { words: "revoked", status: 410 },
  unverifiable: { words: "unverifiable", status: 503 },
};

/** How long a customer is told to wait before retrying a link we could not check. */
const UNVERIFIABLE_RETRY_AFTER_SECONDS = 30;

export function linkRefusedResponse(refusal: LinkRefusal, context: LinkPageContext): Response {
  const t = translatorFor(context.locale);
  const { words, status } = REFUSALS[refusal];
  const title = text(t(`link.problem.${words}.title`));
  return linkPage({
    title,
    status,
    context,
    headers: refusal === "unverifiable" ? { "Retry-After": String(UNVERIFIABLE_RETRY_AFTER_SECONDS) } : {},
    main: `<h1>${title}</h1>
<p>${text(t(`link.problem.${words}.body`))}</p>
<p><a class="button" href="${PORTAL_PATHS.signIn}">${text(t("link.page.signIn"))}</a></p>`,
  });
}

/** 429 for pages and form posts over a rate limit (lib/security/limits.ts), with Retry-After. */
export function tooManyRequestsResponse(retryAfterSeconds: number, context: LinkPageContext): Response {
  const t = translatorFor(context.locale);
  const title = text(t("link.problem.tooManyTries.title"));
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return linkPage({
    title,
    status: 429,
    context,
    headers: { "Retry-After": String(retryAfterSeconds) },
    main: `<h1>${title}</h1>
<p>${text(t("link.problem.tooManyTries.body", { minutes }))}</p>
<p><a class="button" href="${PORTAL_PATHS.signIn}">${text(t("link.page.signIn"))}</a></p>`,
  });
}

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
 * The header's language switch as plain HTML: the same form as app/LanguageSwitch.tsx (a post to the
 * language route, a legend for screen readers, one button per other language, named in that language
 * and marked `lang`), and its words from the same `site` messages.
 */
function languageSwitch(locale: Locale, t: Translator): string {
  const buttons = LOCALES.filter((other) => other !== locale).map(
    (other) =>
      `<button type="submit" name="locale" value="${other}" lang="${other}" class="language-button">${escapeText(LOCALE_NAMES[other])}</button>`,
  );
  return `<form method="post" action="${PORTAL_PATHS.language}">
<fieldset class="language-group">
<legend class="visually-hidden">${text(t("site.language.label"))}</legend>
<input type="hidden" name="back" value="${SWITCH_BACK_PATH}">
${buttons.join("\n")}
</fieldset>
</form>`;
}

function linkPage({
  title,
  status,
  main,
  context,
  headers = {},
}: {
  title: string;
  status: number;
  main: string;
  context: LinkPageContext;
  headers?: Record<string, string>;
}): Response {
  const t = translatorFor(context.locale);
  const nonceAttribute = context.nonce ? ` nonce="${context.nonce.replace(/[^A-Za-z0-9+/=]/g, "")}"` : "";
  const html = `<!doctype html>
<html lang="${context.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="${REFERRER_POLICY}">
<title>${withLinks(t, "link.page.titleSuffix", { title })}</title>
${linkPreviewTags(context.origin, context.locale)}
<style${nonceAttribute}>
:root{color-scheme:light dark;--bg:#fbf8f4;--fg:#1f1a17;--muted:#5b524c;--accent:#7d2152;--on-accent:#fff}
@media (prefers-color-scheme:dark){:root{--bg:#171311;--fg:#f4eee9;--muted:#c2b7ae;--accent:#f08cbd;--on-accent:#1f0d17}}
body{margin:0;font-family:system-ui,sans-serif;background:var(--bg);color:var(--fg);line-height:1.5}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem 3rem}
header.site,footer.site{max-width:36rem;margin:0 auto;padding:1rem}
header.site{border-bottom:1px solid color-mix(in srgb,var(--muted) 30%,transparent);display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}
footer.site{color:var(--muted);font-size:.875rem}
.brand{color:var(--fg);font-weight:700;text-decoration:none;display:inline-flex;align-items:center;gap:.4rem;min-height:44px}
.brand span{color:var(--accent)}
.help{font-size:.95rem}
p{color:var(--muted)}
.lead{color:var(--fg)}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
form{margin:0}
.button{display:inline-flex;align-items:center;min-height:44px;padding:0 1.25rem;border:2px solid var(--accent);border-radius:.75rem;background:var(--accent);color:var(--on-accent);font:inherit;font-weight:600;text-decoration:none;cursor:pointer;box-sizing:border-box}
.button.secondary{background:transparent;color:var(--fg)}
a:not(.button){color:var(--fg)}
.button:focus-visible,.language-button:focus-visible{outline:3px solid #1d5fd1;outline-offset:2px}
.language-group{display:flex;margin:0;padding:0;border:0;min-width:0}
.language-button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;padding:0 .75rem;border:0;border-radius:.5rem;background:transparent;font:inherit;color:var(--fg);text-decoration:underline;text-underline-offset:.2em;white-space:nowrap;cursor:pointer}
.visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
</style>
</head>
<body>
<header class="site"><a class="brand" href="${PORTAL_PATHS.home}"><span aria-hidden="true">●</span> The Sweet Spot</a>
${languageSwitch(context.locale, t)}
</header>
<main>
${main}${supportLine(context.support, t)}
</main>
<footer class="site">${text(t("site.footer"))}</footer>
</body>
</html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": REFERRER_POLICY,
      ...headers,
    },
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
