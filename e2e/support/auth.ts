import { type BrowserContext, expect, type Page } from "@playwright/test";
import { mintLinkToken, mintStatusImageToken } from "../../lib/auth/link-token";
import type { Locale } from "../../lib/i18n/locales";
import { emailLinkPath, statusImagePath } from "../../lib/urls/portal-urls";
import { E2E_PORTAL_URL, E2E_SECRETS } from "./environment";

export type LinkOptions = {
  userId: string;
  checkoutId?: string;
  ttlSeconds?: number;
  now?: Date;
  secret?: string;
  /** The email's language (the token's `lang` claim). */
  lang?: Locale;
};

/** A link as the notification system would mint it. */
export async function linkFor({
  userId,
  checkoutId,
  ttlSeconds = 3600,
  now,
  secret,
  lang,
}: LinkOptions): Promise<string> {
  const token = await mintLinkToken({
    userId,
    checkoutId,
    ttlSeconds,
    now,
    secret: secret ?? E2E_SECRETS.PORTAL_LINK_SECRET,
    lang,
  });
  return emailLinkPath(token);
}

/** A status-image URL as the notification system would put it in an email's <img src>. */
export async function statusImageFor(
  userId: string,
  checkoutId: string,
  options: { ttlSeconds?: number; width?: number } = {},
): Promise<string> {
  const token = await mintStatusImageToken({
    userId,
    checkoutId,
    ttlSeconds: options.ttlSeconds ?? 3600,
    secret: E2E_SECRETS.PORTAL_LINK_SECRET,
  });
  return statusImagePath(checkoutId, token, options.width);
}

/** Signs the page's browser in by following an account link (no checkout claim). */
export async function signInAs(page: Page, userId: string): Promise<void> {
  await page.goto(await linkFor({ userId }));
}

/** The raw session cookie this browser holds, if any. */
export async function sessionCookieOf(context: BrowserContext) {
  const cookies = await context.cookies(E2E_PORTAL_URL);
  return cookies.find((cookie) => cookie.name.endsWith("sweetspot.session"));
}

/**
 * Signs `context` in by following an account link through its request API, which shares the
 * browser's cookie jar: the session cookie lands in the browser without rendering a page. Any
 * earlier session is dropped first: a link for another customer asks before switching accounts
 * (e2e/security.spec.ts covers that page), and these callers want a plain sign-in.
 */
export async function signInContext(context: BrowserContext, userId: string): Promise<void> {
  await context.clearCookies();
  const response = await context.request.get(await linkFor({ userId }), { maxRedirects: 0 });
  expect(response.status(), "the account link signs in").toBe(303);
}

/**
 * Signs `context` in as a customer with no saved views (last known good): signs in, signs out (which
 * deletes the customer's saved views), and signs in again. For specs about what a customer sees during
 * an outage when the portal has nothing of theirs to show.
 */
export async function signInWithoutSavedViews(context: BrowserContext, userId: string): Promise<void> {
  await signInContext(context, userId);
  const signOut = await context.request.post("/signout", {
    headers: { Origin: E2E_PORTAL_URL },
    maxRedirects: 0,
  });
  expect(signOut.status(), "signing out forgets the saved views").toBe(303);
  await signInContext(context, userId);
}
