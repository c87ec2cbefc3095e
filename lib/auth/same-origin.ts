/**
 * CSRF guard for the portal's own form posts (sign-in, sign-out): the browser must say the post
 * comes from this origin. Together with SameSite=Lax session cookies this stops cross-site posts
 * without a token round trip, so the forms work without JavaScript.
 */
export function isSameOriginPost(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
