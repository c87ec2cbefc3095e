import type { LinkTokenFailure } from "@/lib/auth/link-token";
import { type Html, html, htmlSentence } from "@/lib/html/html";
import { type Translator, translatorFor } from "@/lib/i18n/translator";
import { PORTAL_PATHS } from "@/lib/urls/portal-urls";
import type { PlainPageContext } from "./context";
import { plainPageResponse } from "./shell";

/**
 * The plain pages route handlers answer with when they cannot simply sign the customer in or go on:
 * a link that cannot sign anyone in, a link for another customer than the one signed in, a form
 * posted from another site, too many tries, and "a new link is on its way". They are not React pages
 * because only a route handler can both set the session cookie (for good links) and answer a 4xx (for
 * bad ones), and Next does not let a route handler render React to HTML; so they are built with the
 * `html` tag (lib/html/html.ts), which escapes every value. Their text is fixed: nothing from the
 * request is echoed but a verified token.
 */
const FAILURES: Record<LinkTokenFailure, { words: "expired" | "notYetValid" | "invalid"; status: number }> = {
  expired: { words: "expired", status: 410 },
  not_yet_valid: { words: "notYetValid", status: 401 },
  invalid: { words: "invalid", status: 401 },
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

export function linkProblemResponse(
  reason: LinkTokenFailure,
  context: PlainPageContext,
  extras: ExpiredLinkExtras = { offer: "none" },
): Response {
  const t = translatorFor(context.locale);
  const { words, status } = FAILURES[reason];
  const title = t(`link.problem.${words}.title`);
  const body = t(`link.problem.${words}.body`);
  const signIn = html`<a class="button${extras.offer === "email_new_link" && " secondary"}" href="${PORTAL_PATHS.signIn}">${t("link.page.signIn")}</a>`;
  if (reason === "expired" && extras.offer === "email_new_link") {
    return plainPageResponse({
      title,
      status,
      context,
      main: html`<h1>${title}</h1>
<p>${body}</p>
<p class="lead">${t("link.renewal.offer")}</p>
<div class="actions">
<form method="post" action="${PORTAL_PATHS.linkRenewal}">
<input type="hidden" name="token" value="${extras.token}">
<button type="submit" class="button">${t("link.renewal.button")}</button>
</form>
${signIn}
</div>`,
    });
  }
  const support =
    reason === "expired" &&
    extras.offer === "contact_support" &&
    html`\n<p class="lead">${htmlSentence((markers) => t("link.renewal.contactSupport", markers), { email: mailtoLink(extras.supportEmail) })}</p>`;
  return plainPageResponse({
    title,
    status,
    context,
    main: html`<h1>${title}</h1>
<p>${body}</p>${support}
<p>${signIn}</p>`,
  });
}

/**
 * The answer to "Email me a new link", the same whatever happened (sent, webhook down, limit hit,
 * link not ours): the customer learns nothing an attacker could use, and is never told to retry.
 */
export function linkRequestedResponse(
  context: PlainPageContext,
  { supportEmail, sandboxOutboxUrl }: { supportEmail: string; sandboxOutboxUrl: string | null },
): Response {
  const t = translatorFor(context.locale);
  const title = t("link.renewal.sentTitle");
  return plainPageResponse({
    title,
    status: 200,
    context,
    main: html`<h1>${title}</h1>
<p class="lead">${t("link.renewal.sentLead")}</p>
<p>${htmlSentence((markers) => t("link.renewal.sentHelp", markers), { email: mailtoLink(supportEmail) })}</p>${sandboxOutboxUrl !== null && html`\n<p>${sandboxOutboxSentence(t, sandboxOutboxUrl)}</p>`}
<p><a class="button secondary" href="${PORTAL_PATHS.signIn}">${t("link.page.signIn")}</a></p>`,
  });
}

/** "…in its <outbox>outbox</outbox>.": the tag's words become the link's, escaped like the rest. */
function sandboxOutboxSentence(t: Translator, outboxUrl: string): Html {
  const [before, words, after] = t
    .markup("link.renewal.sandboxOutbox", { outbox: (chunks) => `${TAG}${chunks}${TAG}` })
    .split(TAG);
  return html`${before}<a href="${outboxUrl}">${words}</a>${after}`;
}

/** A private-use character: no message contains one. */
const TAG = "\uE001";

function mailtoLink(email: string): Html {
  return html`<a href="mailto:${email}">${email}</a>`;
}

/**
 * Someone else is signed in on this browser. Switching needs a click and a same-origin POST, so a
 * hostile page cannot swap the session behind the customer's back (login CSRF). Nothing about either
 * account is shown: the browser's owner learns only that the link is for another account.
 */
export function switchAccountResponse(token: string, stayPath: string, context: PlainPageContext): Response {
  const t = translatorFor(context.locale);
  const title = t("link.switchAccount.title");
  return plainPageResponse({
    title,
    status: 200,
    context,
    main: html`<h1>${title}</h1>
<p class="lead">${t("link.switchAccount.lead")}</p>
<p>${t("link.switchAccount.body")}</p>
<div class="actions">
<form method="post" action="${PORTAL_PATHS.link}">
<input type="hidden" name="token" value="${token}">
<button type="submit" class="button">${t("link.switchAccount.switch")}</button>
</form>
<a class="button secondary" href="${stayPath}">${t("link.switchAccount.stay")}</a>
</div>`,
  });
}

/** A plain 403 in the same look, for a form posted from another site. */
export function crossSitePostResponse(context: PlainPageContext): Response {
  const t = translatorFor(context.locale);
  const title = t("link.problem.crossSite.title");
  return plainPageResponse({
    title,
    status: 403,
    context,
    main: html`<h1>${title}</h1>
<p>${t("link.problem.crossSite.body")}</p>
<p><a class="button" href="${PORTAL_PATHS.checkouts}">${t("link.page.goToOrders")}</a></p>`,
  });
}

/** A plain 413 in the same look, for a form post over the size any of our forms sends (lib/http/form-body.ts). */
export function tooLargeResponse(context: PlainPageContext): Response {
  const t = translatorFor(context.locale);
  const title = t("link.problem.tooLarge.title");
  return plainPageResponse({
    title,
    status: 413,
    context,
    main: html`<h1>${title}</h1>
<p>${t("link.problem.tooLarge.body")}</p>
<p><a class="button" href="${PORTAL_PATHS.checkouts}">${t("link.page.goToOrders")}</a></p>`,
  });
}

/** Why a good link still cannot sign in: revoked, or the shared store cannot say (fail closed). */
type LinkRefusal = "revoked" | "unverifiable";

const REFUSALS: Record<LinkRefusal, { words: "revoked" | "unverifiable"; status: number }> = {
  revoked: { words: "revoked", status: 410 },
  unverifiable: { words: "unverifiable", status: 503 },
};

/** How long a customer is told to wait before retrying a link we could not check. */
const UNVERIFIABLE_RETRY_AFTER_SECONDS = 30;

export function linkRefusedResponse(refusal: LinkRefusal, context: PlainPageContext): Response {
  const t = translatorFor(context.locale);
  const { words, status } = REFUSALS[refusal];
  const title = t(`link.problem.${words}.title`);
  return plainPageResponse({
    title,
    status,
    context,
    headers: refusal === "unverifiable" ? { "Retry-After": String(UNVERIFIABLE_RETRY_AFTER_SECONDS) } : {},
    main: html`<h1>${title}</h1>
<p>${t(`link.problem.${words}.body`)}</p>
<p><a class="button" href="${PORTAL_PATHS.signIn}">${t("link.page.signIn")}</a></p>`,
  });
}

/** 429 for pages and form posts over a rate limit (lib/security/limits.ts), with Retry-After. */
export function tooManyRequestsResponse(retryAfterSeconds: number, context: PlainPageContext): Response {
  const t = translatorFor(context.locale);
  const title = t("link.problem.tooManyTries.title");
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return plainPageResponse({
    title,
    status: 429,
    context,
    headers: { "Retry-After": String(retryAfterSeconds) },
    main: html`<h1>${title}</h1>
<p>${t("link.problem.tooManyTries.body", { minutes })}</p>
<p><a class="button" href="${PORTAL_PATHS.signIn}">${t("link.page.signIn")}</a></p>`,
  });
}
