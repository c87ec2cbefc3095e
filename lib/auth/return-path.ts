/**
 * Return paths ("?returnTo=…", "callbackUrl", a link's destination) are attacker-controlled, and an
 * unchecked one turns the portal into an open redirect for phishing. Rather than trying to spot every
 * bad spelling, this only lets through what is provably a same-origin path to a page the portal owns,
 * and sends everything else to the fallback.
 */

export const DEFAULT_RETURN_PATH = "/checkouts";

/** Resolution base: `.invalid` can never be a real host, so leaving its origin is always detectable. */
const PROBE_ORIGIN = "http://portal.invalid";
/** Generous for any real portal path; stops pathological inputs early. */
const MAX_RETURN_PATH_LENGTH = 2048;
/**
 * Printable ASCII except space and backslash. Browsers strip or reinterpret tabs, newlines, other control
 * characters, backslashes and look-alike Unicode while parsing URLs ("/\t/evil" becomes "//evil");
 * no legitimate portal path needs them, so refusing them outright removes that whole class of trick.
 */
const PLAIN_PATH_CHARACTERS = /^[\x21-\x5b\x5d-\x7e]+$/;
/**
 * Encoded "/" and "\" could become separators for whoever decodes next; refusing encoded "%" too
 * rules out double encoding, so one decoding pass below sees the path as any later reader could.
 */
const ENCODED_SEPARATOR_OR_PERCENT = /%(?:2f|5c|25)/i;

/**
 * `input` if it is a safe same-origin path under /checkouts (or "/"), normalized to pathname + search
 * (the hash is dropped; servers never see it). Anything else, including non-strings and arrays from
 * repeated query parameters, yields `fallback`.
 */
export function safeReturnPath(input: unknown, fallback: string = DEFAULT_RETURN_PATH): string {
  const path = sameOriginPath(input);
  if (path === null) return fallback;
  const decodedPathname = decoded(new URL(path, PROBE_ORIGIN).pathname);
  return decodedPathname !== null && isPortalOwnedPath(decodedPathname) ? path : fallback;
}

/**
 * `input` if it is provably a path on this origin, normalized to pathname + search; else null. No
 * allowlist of pages: callers that send customers somewhere after sign-in want `safeReturnPath`.
 */
export function sameOriginPath(input: unknown): string | null {
  if (typeof input !== "string" || input.length === 0 || input.length > MAX_RETURN_PATH_LENGTH) return null;
  if (!PLAIN_PATH_CHARACTERS.test(input)) return null;
  // A single leading "/" is a path; "//host" is protocol-relative and "/\host" is read as "//host".
  if (!input.startsWith("/") || input.startsWith("//")) return null;

  let resolved: URL;
  try {
    resolved = new URL(input, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (resolved.origin !== PROBE_ORIGIN) return null;

  const { pathname } = resolved;
  if (ENCODED_SEPARATOR_OR_PERCENT.test(pathname)) return null;
  const decodedPathname = decoded(pathname);
  if (decodedPathname === null) return null;
  // Dot segments would be resolved again by whoever follows the redirect, escaping any allowlist.
  if (decodedPathname.split("/").some((segment) => segment === "." || segment === "..")) return null;
  if (!PLAIN_PATH_CHARACTERS.test(decodedPathname) || decodedPathname.includes("//")) return null;

  return pathname + resolved.search;
}

/** Paths the portal serves to signed-in customers; the allowlist keeps /api and auth routes out. */
function isPortalOwnedPath(decodedPathname: string): boolean {
  return (
    decodedPathname === "/" ||
    decodedPathname === DEFAULT_RETURN_PATH ||
    decodedPathname.startsWith("/checkouts/")
  );
}

/** The percent-decoded path, or null for malformed escapes such as a lone "%". */
function decoded(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}
