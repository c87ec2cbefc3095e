import { PORTAL_PATHS } from "@/lib/urls/portal-urls";
import type { Locale } from "./locales";

/** The cookie that remembers the customer's explicit choice of language (the header's switch sets it). */
export const LOCALE_COOKIE = "locale";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The `locale` cookie for `locale`. HttpOnly: only the server reads it (no script needs the choice, and
 * none may forge it). SameSite=Lax and Secure on https, like every other cookie of the portal.
 */
export function localeCookie(locale: Locale, https: boolean) {
  return {
    name: LOCALE_COOKIE,
    value: locale,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: https, maxAge: ONE_YEAR_SECONDS },
  };
}

/**
 * Paths that are not pages to come back to: JSON and images, Next's assets, the routes that only
 * take a post (a 303 there would answer with an error), and the email links: `/link?token=…` holds a
 * one-time secret, which must never be echoed into a Location (nor would a spent link sign in twice).
 * Everything else — a 404 page included, so the customer sees it again in the language they picked —
 * is a fine place to return to.
 */
const NOT_PAGES = [
  "/api",
  "/_next",
  PORTAL_PATHS.signOut,
  PORTAL_PATHS.language,
  PORTAL_PATHS.sandboxSignIn,
  PORTAL_PATHS.link,
];

/**
 * Where the switch sends the customer after changing language: the first candidate that is a page of
 * this origin, else the front door. Candidates are attacker-controlled form fields and headers; nothing
 * is trusted. `sameOriginPath` is the portal's one check of a same-origin path (lib/auth/return-path.ts:
 * no "//evil", absolute URLs, backslashes or control characters), passed in by the route.
 */
export function switchBackPath(
  candidates: readonly unknown[],
  sameOriginPath: (candidate: unknown) => string | null,
): string {
  for (const candidate of candidates) {
    const path = sameOriginPath(candidate);
    if (path !== null && !NOT_PAGES.some((prefix) => isUnder(path, prefix))) return path;
  }
  return PORTAL_PATHS.home;
}

/**
 * The path and query of a Referer header, when it names a page of `origin` (the origin the post was
 * already checked to come from); null for anything else. A bare origin says nothing: it is what a
 * page under "strict-origin" sends (the email-link pages, whose address holds a token), so the
 * form's own `back` decides there.
 */
export function refererPath(referer: string | null, origin: string): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    if (url.origin !== new URL(origin).origin) return null;
    const path = url.pathname + url.search;
    return path === PORTAL_PATHS.home ? null : path;
  } catch {
    return null;
  }
}

/** `path` is `route` itself or below it ("/api/x" is under "/api"; "/apis" is not). */
function isUnder(path: string, route: string): boolean {
  const pathname = path.split("?")[0] ?? path;
  return pathname === route || pathname.startsWith(`${route}/`);
}
