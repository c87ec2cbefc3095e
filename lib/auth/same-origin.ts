import "server-only";
import { env } from "@/lib/env";
import { originFromRequest } from "@/lib/request/public-origin";

/**
 * CSRF guard for the portal's own form posts (sign-in, sign-out, switching accounts from a link):
 * the browser must say the post comes from this origin. Together with SameSite=Lax session cookies
 * this stops cross-site posts without a token round trip, so the forms work without JavaScript.
 */
export function isSameOriginPost(request: Request): boolean {
  const configured = env().publicUrl;
  // Without NEXTAUTH_URL (sandbox only) the Host header is the best there is; X-Forwarded-Host never.
  const expected = configured
    ? new URL(configured).origin
    : originFromRequest(request.headers.get("host"), request.headers.get("x-forwarded-proto"))?.origin;
  return expected !== undefined && postComesFrom(request, expected);
}

/**
 * Whether the browser says this request comes from `expectedOrigin`: scheme, host and port all
 * equal (URL.origin compares exactly those). Headers a proxy or client may add (X-Forwarded-Host)
 * play no part.
 */
export function postComesFrom(request: Request, expectedOrigin: string): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).origin === new URL(expectedOrigin).origin;
  } catch {
    return false;
  }
}
