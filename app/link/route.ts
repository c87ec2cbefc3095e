import { type NextRequest, NextResponse } from "next/server";
import { attachSession, getCustomerSession, newSessionEnd } from "@/lib/auth/customer-session";
import { CLOCK_SKEW_SECONDS, verifyLinkToken } from "@/lib/auth/link-token";
import type { CustomerSession } from "@/lib/auth/session-claims";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/request/public-origin";
import { getCustomerCheckout } from "@/lib/sweetspot/checkouts";
import { CheckoutNotFoundError } from "@/lib/sweetspot/errors";
import { checkoutListPath, checkoutPath } from "@/lib/urls/portal-urls";
import { linkProblemResponse } from "./problem-page";

// The token is a credential: keep it out of Referer headers and never log the URL.
const LINK_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "private, no-store" };

async function verify(request: NextRequest) {
  return verifyLinkToken(request.nextUrl.searchParams.get("token"), { secret: env().linkSecret });
}

/**
 * Mail scanners open links before people do. Links stay valid until they expire, and a HEAD from a
 * scanner only learns whether the link is good — no session, no upstream call.
 */
export async function HEAD(request: NextRequest) {
  const result = await verify(request);
  return new Response(null, { status: result.ok ? 204 : 401, headers: LINK_HEADERS });
}

/** Signs the customer in from an email link and moves them to the page it names, token off the URL. */
export async function GET(request: NextRequest) {
  const result = await verify(request);
  if (!result.ok) {
    return linkProblemResponse(result.reason, request.headers.get("x-nonce"), await publicOrigin());
  }
  const { userId, checkoutId, expiresAt } = result.claims;

  // An account session of the same customer is wider than the link: keep it rather than narrow it.
  const current = await getCustomerSession();
  const keepCurrent = current?.userId === userId && current.access.kind === "account";
  const session: CustomerSession = keepCurrent
    ? current
    : {
        userId,
        access: checkoutId ? { kind: "checkout", checkoutId } : { kind: "account" },
        // A link accepted within the clock-skew grace after `exp` still gets a usable session.
        expiresAt: newSessionEnd(Math.max(expiresAt, Math.floor(Date.now() / 1000) + CLOCK_SKEW_SECONDS)),
      };

  const destination = checkoutId ? await destinationFor(userId, checkoutId) : checkoutListPath();
  // A relative Location keeps the redirect on whatever host the customer used.
  const response = new NextResponse(null, {
    status: 303,
    headers: { ...LINK_HEADERS, Location: destination },
  });
  if (!keepCurrent) await attachSession(response, session);
  return response;
}

/** The checkout's page when it is the customer's; otherwise their list, confirming nothing. */
async function destinationFor(userId: string, checkoutId: string): Promise<string> {
  try {
    await getCustomerCheckout(userId, checkoutId);
    return checkoutPath(checkoutId);
  } catch (error) {
    if (error instanceof CheckoutNotFoundError) return checkoutListPath();
    // The API is down: the checkout page explains that and offers a retry.
    return checkoutPath(checkoutId);
  }
}
