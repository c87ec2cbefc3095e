import type { LinkTokenFailure } from "@/lib/auth/link-token";
import { type SupportContacts, supportContactsOf, supportMailto, supportTel } from "@/lib/checkout/support";
import { env } from "@/lib/env";
import { linkPreviewTags } from "@/lib/metadata/link-preview";
import { publicOrigin } from "@/lib/request/public-origin";
import { PORTAL_PATHS } from "@/lib/urls/portal-urls";

/**
 * The plain pages /link answers with when it cannot simply sign the customer in: a link that cannot
 * sign anyone in, and a link for another customer than the one signed in. They are rendered here
 * rather than by React pages because a route handler is the only place that can both set the session
 * cookie (for good links) and answer a 4xx (for bad ones); the text is fixed, nothing from the
 * request is echoed but a verified token.
 */
const COPY: Record<LinkTokenFailure, { title: string; body: string; status: number }> = {
  expired: {
    title: "This link has expired",
    body: "Links in our emails work for a limited time to keep your orders private. Open the newest email about your order, or sign in to see all your orders.",
    status: 410,
  },
  not_yet_valid: {
    title: "This link is not valid yet",
    body: "The link's time does not match ours. Try again in a minute, or sign in to see your orders.",
    status: 401,
  },
  invalid: {
    title: "This link doesn't work",
    body: "It may have been copied incompletely or changed. Open the link straight from your email, or sign in to see your orders.",
    status: 401,
  },
};

export type LinkPageContext = {
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
  const { title, body, status } = COPY[reason];
  const signIn = `<a class="button${extras.offer === "email_new_link" ? " secondary" : ""}" href="${PORTAL_PATHS.signIn}">Sign in</a>`;
  if (reason === "expired" && extras.offer === "email_new_link") {
    return linkPage({
      title,
      status,
      context,
      // The token is in the address bar: send the origin alone, which the same-origin check needs.
      referrerPolicy: "strict-origin",
      main: `<h1>${title}</h1>
<p>${body}</p>
<p class="lead">We can email you a new link. It goes to the email address on your order.</p>
<div class="actions">
<form method="post" action="${PORTAL_PATHS.linkRenewal}">
<input type="hidden" name="token" value="${escapeAttribute(extras.token)}">
<button type="submit" class="button">Email me a new link</button>
</form>
${signIn}
</div>`,
    });
  }
  const support =
    reason === "expired" && extras.offer === "contact_support"
      ? `\n<p class="lead">Need a new link? Contact us at ${mailtoLink(extras.supportEmail)} and we'll send you one.</p>`
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
  const title = "Check your email";
  const sandbox = sandboxOutboxUrl
    ? `\n<p>Sandbox: the portal sends no real email here. The sandbox keeps it in its <a href="${escapeAttribute(sandboxOutboxUrl)}">outbox</a>.</p>`
    : "";
  return linkPage({
    title,
    status: 200,
    context,
    main: `<h1>${title}</h1>
<p class="lead">If this link was ours, a new one is on its way to the email address on your order.</p>
<p>It can take a few minutes to arrive. No email? Contact us at ${mailtoLink(supportEmail)}.</p>${sandbox}
<p><a class="button secondary" href="${PORTAL_PATHS.signIn}">Sign in</a></p>`,
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
  const title = "This link is for another account";
  return linkPage({
    title,
    status: 200,
    context,
    // The address bar still holds the token, so no Referer may carry it; but under "no-referrer" the
    // browser would send `Origin: null` with the Switch post and fail the same-origin check.
    // "strict-origin" sends the origin alone, never the path or query.
    referrerPolicy: "strict-origin",
    main: `<h1>${title}</h1>
<p class="lead">You're signed in as someone else on this browser. This link is for another account.</p>
<p>Switching signs you out of the account you're using now and opens the link.</p>
<div class="actions">
<form method="post" action="${PORTAL_PATHS.link}">
<input type="hidden" name="token" value="${escapeAttribute(token)}">
<button type="submit" class="button">Switch account</button>
</form>
<a class="button secondary" href="${escapeAttribute(stayPath)}">Stay signed in</a>
</div>`,
  });
}

/** A plain 403 in the same look, for a switch posted from another site. */
export function crossSitePostResponse(context: LinkPageContext): Response {
  const title = "This request came from another site";
  return linkPage({
    title,
    status: 403,
    context,
    main: `<h1>${title}</h1>
<p>For your safety, accounts can only be switched from our own pages. Open the link from your email again.</p>
<p><a class="button" href="${PORTAL_PATHS.checkouts}">Go to my orders</a></p>`,
  });
}

/** The context for these pages from any route's request (the proxy's nonce, the public origin). */
export async function plainPageContext(request: Request): Promise<LinkPageContext> {
  return {
    nonce: request.headers.get("x-nonce"),
    origin: await publicOrigin(),
    support: supportContactsOf(env()),
  };
}

/** "Need help?" with every configured way to reach support, as working links. */
function supportLine(support: SupportContacts | undefined): string {
  if (!support) return "";
  const ways = [
    `<a href="${escapeAttribute(supportMailto(support.email, null))}">${escapeText(support.email)}</a>`,
  ];
  if (support.phone)
    ways.push(`<a href="${escapeAttribute(supportTel(support.phone))}">${escapeText(support.phone)}</a>`);
  if (support.url) ways.push(`<a href="${escapeAttribute(support.url)}">Help centre</a>`);
  return `\n<p class="help">Need help? Contact us: ${ways.join(" · ")}</p>`;
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Why a good link still cannot sign in: revoked, or the shared store cannot say (fail closed). */
export type LinkRefusal = "revoked" | "unverifiable";

const REFUSAL_COPY: Record<LinkRefusal, { title: string; body: string; status: number }> = {
  revoked: {
    title: "This link no longer works",
    body: "It has been switched off, for example because someone asked us to sign out everywhere. Open the newest email about your order, or sign in to see your orders.",
    status: 410,
  },
  unverifiable: {
    title: "We can’t check this link right now",
    body: "Nothing is wrong with your link. Please try it again in a minute.",
    status: 503,
  },
};

/** How long a customer is told to wait before retrying a link we could not check. */
const UNVERIFIABLE_RETRY_AFTER_SECONDS = 30;

export function linkRefusedResponse(refusal: LinkRefusal, context: LinkPageContext): Response {
  const { title, body, status } = REFUSAL_COPY[refusal];
  return linkPage({
    title,
    status,
    context,
    headers: refusal === "unverifiable" ? { "Retry-After": String(UNVERIFIABLE_RETRY_AFTER_SECONDS) } : {},
    main: `<h1>${title}</h1>
<p>${body}</p>
<p><a class="button" href="${PORTAL_PATHS.signIn}">Sign in</a></p>`,
  });
}

/** 429 for pages and form posts over a rate limit (lib/security/limits.ts), with Retry-After. */
export function tooManyRequestsResponse(retryAfterSeconds: number, context: LinkPageContext): Response {
  const title = "Too many tries in a short time";
  const wait = retryAfterSeconds <= 60 ? "a minute" : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return linkPage({
    title,
    status: 429,
    context,
    headers: { "Retry-After": String(retryAfterSeconds) },
    main: `<h1>${title}</h1>
<p>To keep accounts safe we limit how often this can be done. Please wait ${wait} and try again.</p>
<p><a class="button" href="${PORTAL_PATHS.signIn}">Sign in</a></p>`,
  });
}

function linkPage({
  title,
  status,
  main,
  context,
  referrerPolicy = "no-referrer",
  headers = {},
}: {
  title: string;
  status: number;
  main: string;
  context: LinkPageContext;
  referrerPolicy?: "no-referrer" | "strict-origin";
  headers?: Record<string, string>;
}): Response {
  const nonceAttribute = context.nonce ? ` nonce="${context.nonce.replace(/[^A-Za-z0-9+/=]/g, "")}"` : "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="${referrerPolicy}">
<title>${title} · The Sweet Spot</title>
${linkPreviewTags(context.origin)}
<style${nonceAttribute}>
:root{color-scheme:light dark;--bg:#fbf8f4;--fg:#1f1a17;--muted:#5b524c;--accent:#7d2152;--on-accent:#fff}
@media (prefers-color-scheme:dark){:root{--bg:#171311;--fg:#f4eee9;--muted:#c2b7ae;--accent:#f08cbd;--on-accent:#1f0d17}}
body{margin:0;font-family:system-ui,sans-serif;background:var(--bg);color:var(--fg);line-height:1.5}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem 3rem}
header.site,footer.site{max-width:36rem;margin:0 auto;padding:1rem}
header.site{border-bottom:1px solid color-mix(in srgb,var(--muted) 30%,transparent)}
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
.button:focus-visible{outline:3px solid #1d5fd1;outline-offset:2px}
</style>
</head>
<body>
<header class="site"><a class="brand" href="${PORTAL_PATHS.home}"><span aria-hidden="true">●</span> The Sweet Spot</a></header>
<main>
${main}${supportLine(context.support)}
</main>
<footer class="site">The Sweet Spot · Lease-to-own, made simple</footer>
</body>
</html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": referrerPolicy,
      ...headers,
    },
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
