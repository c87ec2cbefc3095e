import { type NextRequest, NextResponse } from "next/server";
import {
  attachSession,
  endOtherCustomersSession,
  getCustomerSession,
  startSession,
} from "@/lib/auth/customer-session";
import {
  CLOCK_SKEW_SECONDS,
  expiredLinkClaims,
  type LinkClaims,
  verifyLinkToken,
} from "@/lib/auth/link-token";
import { sessionGuard } from "@/lib/auth/portal-session-guard";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import type { CustomerSession } from "@/lib/auth/session-claims";
import { env } from "@/lib/env";
import { readPostedForm } from "@/lib/http/form-body";
import { renewalOffer } from "@/lib/notify/fresh-link";
import { freshLinkDependencies } from "@/lib/notify/fresh-link-dependencies";
import { plainPageContext } from "@/lib/plain-pages/context";
import {
  crossSitePostResponse,
  type ExpiredLinkExtras,
  linkProblemResponse,
  linkRefusedResponse,
  switchAccountResponse,
  tooLargeResponse,
  tooManyRequestsResponse,
} from "@/lib/plain-pages/link-pages";
import { LIMITS, limitRequest, limitVerifiedToken } from "@/lib/security/limits";
import { checkoutListPath, checkoutPath } from "@/lib/urls/portal-urls";

// The token is a credential: keep it out of Referer headers and never log the URL.
const LINK_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "private, no-store" };

function verify(token: unknown) {
  return verifyLinkToken(token, { secret: env().linkSecret });
}

/**
 * Everything a link must pass before it signs in, as one answer: the rate limits (per address, then
 * per link once its signature verified; on every instance), the signature and expiry, and the
 * revocation list (fail closed: a link that cannot be checked is refused with a page asking to retry).
 */
async function admit(
  request: NextRequest,
  token: unknown,
): Promise<{ ok: true; claims: LinkClaims } | { ok: false; response: Response }> {
  const byClient = await limitRequest(LIMITS.link, request);
  if (!byClient.allowed) return tooManyRequests(request, byClient.retryAfterSeconds);
  const result = await verify(token);
  if (!result.ok) {
    const expired = result.reason === "expired";
    const extras = expired ? await expiredLinkExtras(typeof token === "string" ? token : null) : undefined;
    // An expired link's signature still vouches for its language; a forged or garbled one's never does.
    const fromLink = expired ? await expiredLinkLang(token) : null;
    return {
      ok: false,
      response: linkProblemResponse(result.reason, await plainPageContext(request, fromLink), extras),
    };
  }
  // Counted per link only now its signature holds: every junk string would otherwise be a counter.
  const byLink = await limitVerifiedToken(LIMITS.link, typeof token === "string" ? token : null);
  if (!byLink.allowed) return tooManyRequests(request, byLink.retryAfterSeconds);
  const verdict = await sessionGuard().linkVerdict(result.claims);
  if (verdict !== "usable") {
    return {
      ok: false,
      response: linkRefusedResponse(verdict, await plainPageContext(request, result.claims.lang)),
    };
  }
  return { ok: true, claims: result.claims };
}

/** 429 with Retry-After, as a page in the customer's language (their choice, else Accept-Language). */
async function tooManyRequests(request: NextRequest, retryAfterSeconds: number) {
  return {
    ok: false,
    response: tooManyRequestsResponse(retryAfterSeconds, await plainPageContext(request)),
  } as const;
}

/**
 * Mail scanners open links before people do. Links stay valid until they expire, and a HEAD from a
 * scanner only learns whether the link is good — no session, no upstream call.
 */
export async function HEAD(request: NextRequest) {
  const admitted = await admit(request, request.nextUrl.searchParams.get("token"));
  if (admitted.ok) return new Response(null, { status: 204, headers: LINK_HEADERS });
  const { status, headers } = admitted.response;
  const retryAfter = headers.get("Retry-After");
  return new Response(null, {
    status: status === 429 || status === 503 ? status : 401,
    headers: retryAfter ? { ...LINK_HEADERS, "Retry-After": retryAfter } : LINK_HEADERS,
  });
}

/**
 * Signs the customer in from an email link and moves them to the page it names, token off the URL.
 * When another customer is signed in on this browser, it asks first (switchAccountResponse).
 */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token");
  const admitted = await admit(request, token);
  if (!admitted.ok) return admitted.response;

  const current = await getCustomerSession();
  if (token !== null && current && current.userId !== admitted.claims.userId) {
    return switchAccountResponse(
      token,
      stayPath(current),
      await plainPageContext(request, admitted.claims.lang),
    );
  }
  return signIn(admitted.claims, current);
}

/** The "Switch account" button: a same-origin post carrying the link's token. */
export async function POST(request: NextRequest) {
  if (!isSameOriginPost(request)) return crossSitePostResponse(await plainPageContext(request));
  const posted = await readPostedForm(request);
  if (posted.tooLarge) return tooLargeResponse(await plainPageContext(request));
  // Not a form: treated as a link without a token.
  const admitted = await admit(request, posted.form?.get("token") ?? null);
  if (!admitted.ok) return admitted.response;
  return signIn(admitted.claims, await getCustomerSession());
}

async function signIn(claims: LinkClaims, current: CustomerSession | null): Promise<Response> {
  const { userId, checkoutId, expiresAt, lang } = claims;
  // An account session of the same customer is wider than the link: keep it rather than narrow it.
  const keepCurrent = current?.userId === userId && current.access.kind === "account";
  // Straight to the checkout, without reading it first: its page checks it is the customer's on every
  // read (a 404, the same as a checkout that does not exist, when not), so a check here would only
  // cost the first visit one more API call, in series, before the customer sees anything.
  const destination = checkoutId ? checkoutPath(checkoutId) : checkoutListPath();
  // A relative Location keeps the redirect on whatever host the customer used.
  const response = new NextResponse(null, {
    status: 303,
    headers: { ...LINK_HEADERS, Location: destination },
  });
  if (!keepCurrent) {
    await endOtherCustomersSession(current, userId);
    const session = startSession(
      userId,
      checkoutId ? { kind: "checkout", checkoutId } : { kind: "account" },
      // A link accepted within the clock-skew grace after `exp` still gets a usable session.
      Math.max(expiresAt, Math.floor(Date.now() / 1000) + CLOCK_SKEW_SECONDS),
      // The email's language, so every page of this visit answers in it (unless they choose another).
      lang,
    );
    await attachSession(response, session);
  }
  return response;
}

/** What an expired link's page offers: a new link by email, the support contact, or nothing. */
async function expiredLinkExtras(token: string | null): Promise<ExpiredLinkExtras> {
  const offer = await renewalOffer(token, await freshLinkDependencies());
  if (offer === "email_new_link" && token !== null) return { offer, token };
  if (offer === "contact_support") return { offer, supportEmail: env().supportEmail };
  return { offer: "none" };
}

/** The `lang` claim of an expired link whose signature is good (within the renewal window), else null. */
async function expiredLinkLang(token: unknown) {
  return (await expiredLinkClaims(token, { secret: env().linkSecret }))?.lang ?? null;
}

/** Where "Stay signed in" goes: what the current session may read. */
function stayPath(current: CustomerSession): string {
  return current.access.kind === "checkout" ? checkoutPath(current.access.checkoutId) : checkoutListPath();
}
