/*
 * Every URL of the portal, built in one place. Checkout ids come from the API and tokens from the
 * link signer, so each piece is encoded here rather than trusted at the call site. Paths are
 * relative to the portal's origin; `absolute` joins one to a public base URL for emails and images.
 */

export const PORTAL_PATHS = {
  home: "/",
  checkouts: "/checkouts",
  signIn: "/signin",
  sandboxSignIn: "/signin/sandbox",
  signOut: "/signout",
  /** The header's language switch posts here; it sets the `locale` cookie and goes back. */
  language: "/language",
  link: "/link",
  /** "Email me a new link": posted from the expired-link page. */
  linkRenewal: "/link/renew",
} as const;

type CheckoutListQuery = { filter?: string | undefined; page?: number | undefined };

/** The list, with its filter and page in the URL so a reload or a shared link shows the same list. */
export function checkoutListPath(query: CheckoutListQuery = {}): string {
  const params = new URLSearchParams();
  if (query.filter && query.filter !== "all") params.set("filter", query.filter);
  if (query.page !== undefined && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `${PORTAL_PATHS.checkouts}?${search}` : PORTAL_PATHS.checkouts;
}

/** One checkout's page; `section` is an anchor on it ("payments"). */
export function checkoutPath(checkoutId: string, section?: string): string {
  const path = `${PORTAL_PATHS.checkouts}/${encodeURIComponent(checkoutId)}`;
  return section ? `${path}#${encodeURIComponent(section)}` : path;
}

/** The live-refresh JSON of one checkout. */
export function checkoutJsonPath(checkoutId: string): string {
  return `/api/checkouts/${encodeURIComponent(checkoutId)}`;
}

/** The fingerprint of one checkout's visible view: the live page polls it and re-renders when it changes. */
export function checkoutFingerprintPath(checkoutId: string): string {
  return `${checkoutJsonPath(checkoutId)}/fingerprint`;
}

/** The status image of one checkout, for emails; `width` is one of the image's widths. */
export function statusImagePath(checkoutId: string, token: string, width?: number): string {
  const params = new URLSearchParams({ token });
  if (width !== undefined) params.set("w", String(width));
  return `/api/status-image/${encodeURIComponent(checkoutId)}?${params}`;
}

/** An email link: signs the holder in and opens what the token names. */
export function emailLinkPath(token: string): string {
  return `${PORTAL_PATHS.link}?${new URLSearchParams({ token })}`;
}

type SignInReason = "account";

/** Sign-in, coming back to `returnTo` afterwards. */
export function signInPath(returnTo?: string, reason?: SignInReason): string {
  const params = new URLSearchParams();
  if (returnTo !== undefined) params.set("callbackUrl", returnTo);
  if (reason) params.set("reason", reason);
  const search = params.toString();
  return search ? `${PORTAL_PATHS.signIn}?${search}` : PORTAL_PATHS.signIn;
}

/** The sign-in page after signing out. */
export function signedOutPath(): string {
  return `${PORTAL_PATHS.signIn}?signedOut=1`;
}

/**
 * A path joined to the portal's public base URL, keeping a path prefix (a portal mounted under
 * /portal) without ever producing "//".
 */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}
