import { expiredLinkClaims, type LinkClaims, mintLinkToken } from "@/lib/auth/link-token";
import type { SessionGuard } from "@/lib/auth/session-guard";
import type { NotifyWebhookConfig } from "@/lib/config/schema";
import type { Locale } from "@/lib/i18n/locales";
import { absoluteUrl, emailLinkPath } from "@/lib/urls/portal-urls";
import { countLinkRequest, type LinkRequestOutcome } from "./link-request-counter";
import type { LinkRequestLimits } from "./link-request-limits";
import { deliverLinkRequested, type LinkRequestedPayload } from "./link-request-webhook";

/**
 * "Email me a new link": an expired link still proves, by its signature, whom it was issued to.
 * The portal mints that customer a fresh link for the same checkout and hands it to the operator's
 * webhook, which emails it to the address on the order (the portal never sees an address). Callers
 * show the customer the same words whatever the outcome; the outcome is logged and counted here.
 */

/** The normal lifetime of an emailed link (as `npm run mint-link` defaults to). */
export const FRESH_LINK_TTL_SECONDS = 7 * 24 * 60 * 60;

export type FreshLinkDependencies = {
  linkSecret: string;
  webhook: NotifyWebhookConfig | null;
  /** The portal's public base URL, where the fresh link points. */
  publicBaseUrl: string | null;
  /** Whether a link is revoked: the portal's one SessionGuard (`sessionGuard()`), as for sign-in. */
  guard: Pick<SessionGuard, "linkVerdict">;
  linkRequestLimits: LinkRequestLimits;
  /** Milliseconds since the epoch. */
  now?: () => number;
  fetch?: typeof fetch;
  webhookTimeoutMs?: number;
  /** Where failures are reported; never given a URL or token. */
  log?: (line: string) => void;
};

/** What the expired-link page offers. */
type RenewalOffer = "email_new_link" | "contact_support" | "none";

/**
 * The offer for a token that verifyLinkToken called expired: a new link by email when it can be
 * renewed and a webhook is configured, the support contact when no webhook is, and nothing for a
 * link that cannot be renewed (revoked, unverifiable, expired too long ago).
 */
export async function renewalOffer(token: unknown, deps: FreshLinkDependencies): Promise<RenewalOffer> {
  const claims = await renewableClaims(token, deps);
  if (claims === null) return "none";
  return deps.webhook === null || deps.publicBaseUrl === null ? "contact_support" : "email_new_link";
}

/**
 * What the portal knows of the customer asking: their address (for the limits) and the language they
 * read the page in, which the new link carries and the operator's email should be written in.
 */
type FreshLinkRequest = { clientIp: string; locale: Locale };

/** Handles the "Email me a new link" post. The result is for tests; never show it to the customer. */
export async function requestFreshLink(
  token: unknown,
  request: FreshLinkRequest,
  deps: FreshLinkDependencies,
): Promise<LinkRequestOutcome> {
  const outcome = await attempt(token, request, deps);
  countLinkRequest(outcome);
  if (outcome !== "delivered" && outcome !== "not_renewable") {
    (deps.log ?? console.warn)(`[notify] a new-link request was not delivered: ${outcome}`);
  }
  return outcome;
}

async function attempt(
  token: unknown,
  request: FreshLinkRequest,
  deps: FreshLinkDependencies,
): Promise<LinkRequestOutcome> {
  const claims = await renewableClaims(token, deps);
  if (claims === null) return "not_renewable";
  const { webhook, publicBaseUrl } = deps;
  if (webhook === null || publicBaseUrl === null) return "no_webhook_configured";
  const allowed = await deps.linkRequestLimits.consume({ userId: claims.userId, clientIp: request.clientIp });
  if (!allowed) return "rate_limited";

  const nowMs = (deps.now ?? Date.now)();
  const freshToken = await mintLinkToken({
    userId: claims.userId,
    checkoutId: claims.checkoutId,
    ttlSeconds: FRESH_LINK_TTL_SECONDS,
    secret: deps.linkSecret,
    now: new Date(nowMs),
    // The new link opens the portal in the language the customer asked in.
    lang: request.locale,
  });
  const payload: LinkRequestedPayload = {
    type: "portal.link_requested",
    userId: claims.userId,
    checkoutId: claims.checkoutId,
    url: absoluteUrl(publicBaseUrl, emailLinkPath(freshToken)),
    lang: request.locale,
    requestedAt: new Date(nowMs).toISOString(),
    requestId: crypto.randomUUID(),
  };
  return deliverLinkRequested(webhook, payload, {
    nowSeconds: Math.floor(nowMs / 1000),
    timeoutMs: deps.webhookTimeoutMs,
    fetch: deps.fetch,
  });
}

/**
 * Expired, correctly signed, and usable by the revocation list (fail closed). A link without a `jti`
 * is renewable too: only its customer's revocation can name it, and that is checked; the new link
 * goes only to the address on the order (and always carries a `jti`), so renewing gives whoever
 * holds the old one nothing.
 */
async function renewableClaims(token: unknown, deps: FreshLinkDependencies): Promise<LinkClaims | null> {
  const claims = await expiredLinkClaims(token, {
    secret: deps.linkSecret,
    now: new Date((deps.now ?? Date.now)()),
  });
  if (claims === null) return null;
  return (await deps.guard.linkVerdict(claims)) === "usable" ? claims : null;
}
