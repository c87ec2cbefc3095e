import "server-only";
import { env } from "@/lib/env";
import { getCustomerCheckouts, getCustomerCheckoutWithDetail } from "@/lib/sweetspot/checkouts";
import { pageReadThrough } from "./page-views";
import type { RememberedRead } from "./remembered-read";
import type { CheckoutSummaryView, CheckoutView } from "./types";
import { toCheckoutSummary, toCheckoutView } from "./view-model";
import { checkoutSummaryPageSchema, checkoutViewSchema } from "./view-schemas";

/**
 * The reads the pages and the JSON route share: scoped to the customer in lib/sweetspot, mapped to
 * view models here, so a route only decides how to answer.
 */
function viewOptions() {
  const config = env();
  // Plain-http checkout URLs are only tolerated from the local sandbox (sweetspot-api.md §5).
  return { now: new Date(), allowHttpCheckoutUrl: config.sandboxMode, supportEmail: config.supportEmail };
}

export async function loadCheckoutView(userId: string, checkoutId: string): Promise<CheckoutView> {
  const { checkout, detail } = await getCustomerCheckoutWithDetail(userId, checkoutId);
  return toCheckoutView(checkout, detail, viewOptions());
}

export type CheckoutSummaryPage = {
  summaries: CheckoutSummaryView[];
  hasMore: boolean;
  /** Orders in this page's range that could not be shown safely; the page says so, with the support contact. */
  skipped: number;
};

export async function loadCheckoutSummaries(
  userId: string,
  query: { offset: number; limit: number; lifecycles?: readonly string[] },
): Promise<CheckoutSummaryPage> {
  const { checkouts, hasMore, skipped } = await getCustomerCheckouts(userId, query);
  const options = viewOptions();
  return { summaries: checkouts.map((checkout) => toCheckoutSummary(checkout, options)), hasMore, skipped };
}

/**
 * The pages' reads, with last known good behind them (lib/checkout/remembered-read.ts): the view read
 * live is saved for this customer under the page's name; when the API fails, the customer's own saved
 * view answers instead, with `savedAt` set, and the page shows the banner.
 */
export function loadCheckoutPage(userId: string, checkoutId: string): Promise<RememberedRead<CheckoutView>> {
  return pageReadThrough()(userId, `checkout:${checkoutId}`, checkoutViewSchema, () =>
    loadCheckoutView(userId, checkoutId),
  );
}

export function loadCheckoutListPage(
  userId: string,
  query: { filter: string; page: number; offset: number; limit: number; lifecycles?: readonly string[] },
): Promise<RememberedRead<CheckoutSummaryPage>> {
  const { filter, page, ...read } = query;
  return pageReadThrough()(userId, `list:${filter}:${page}`, checkoutSummaryPageSchema, () =>
    loadCheckoutSummaries(userId, read),
  );
}
