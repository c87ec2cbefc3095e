import "server-only";
import { sessionStillConfirmed } from "@/lib/auth/customer-session";
import type { CustomerSession } from "@/lib/auth/session-claims";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import type { CallPriority } from "@/lib/sweetspot/budget";
import { getCustomerCheckouts, getCustomerCheckoutWithDetail } from "@/lib/sweetspot/checkouts";
import { pageReadThrough } from "./page-views";
import type { RememberedRead, ViewOwner } from "./remembered-read";
import {
  type CheckoutSummaryPage,
  type CheckoutView,
  checkoutSummaryPageSchema,
  checkoutViewSchema,
} from "./types";
import { toCheckoutSummary, toCheckoutView } from "./view-model";
import { checkoutViewName, listViewName } from "./view-names";

/**
 * The reads the pages and the JSON route share: scoped to the customer in lib/sweetspot, mapped to
 * view models here, so a route only decides how to answer.
 */
function viewOptions(locale: Locale) {
  const config = env();
  // Plain-http checkout URLs are only tolerated from the local sandbox (sweetspot-api.md §5).
  return {
    now: new Date(),
    allowHttpCheckoutUrl: config.sandboxMode,
    supportEmail: config.supportEmail,
    // One translator per language per process: never one per request or per card.
    t: translatorFor(locale),
    locale,
  };
}

/**
 * The view holds words, so it is built in the request's language (`getLocale()`): the page, the JSON
 * route and the fingerprint route all pass the same one, so a poller never sees a change that is only
 * a language. `priority` is what the upstream budget serves first: a page view (default), or a poll
 * (the live page's fingerprint, the status image in an email), which yields to page views.
 */
export async function loadCheckoutView(
  userId: string,
  checkoutId: string,
  locale: Locale,
  { priority = "page" }: { priority?: CallPriority } = {},
): Promise<CheckoutView> {
  const { checkout, detail } = await getCustomerCheckoutWithDetail(userId, checkoutId, { priority });
  return toCheckoutView(checkout, detail, viewOptions(locale));
}

export async function loadCheckoutSummaries(
  userId: string,
  query: { offset: number; limit: number; lifecycles?: readonly string[] },
  locale: Locale,
): Promise<CheckoutSummaryPage> {
  const { checkouts, hasMore, skipped } = await getCustomerCheckouts(userId, query);
  const options = viewOptions(locale);
  return { summaries: checkouts.map((checkout) => toCheckoutSummary(checkout, options)), hasMore, skipped };
}

/**
 * The pages' reads, with last known good behind them (lib/checkout/remembered-read.ts): the view read
 * live is saved for this customer under the page's name; when the API fails, the customer's own saved
 * view answers instead, with `savedAt` set, and the page shows the banner.
 */
export function loadCheckoutPage(
  session: CustomerSession,
  checkoutId: string,
  locale: Locale,
): Promise<RememberedRead<CheckoutView>> {
  return pageReadThrough()(ownerOf(session), checkoutViewName(checkoutId, locale), checkoutViewSchema, () =>
    loadCheckoutView(session.userId, checkoutId, locale),
  );
}

export function loadCheckoutListPage(
  session: CustomerSession,
  query: { filter: string; page: number; offset: number; limit: number; lifecycles?: readonly string[] },
  locale: Locale,
): Promise<RememberedRead<CheckoutSummaryPage>> {
  const { filter, page, ...read } = query;
  return pageReadThrough()(
    ownerOf(session),
    listViewName(filter, page, locale),
    checkoutSummaryPageSchema,
    () => loadCheckoutSummaries(session.userId, read, locale),
  );
}

/** The saved view belongs to the session's customer, and is taken back if that session ends meanwhile. */
function ownerOf(session: CustomerSession): ViewOwner {
  return { userId: session.userId, stillSignedIn: () => sessionStillConfirmed(session) };
}
