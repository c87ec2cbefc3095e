import "server-only";
import { env } from "@/lib/env";
import { getCustomerCheckouts, getCustomerCheckoutWithDetail } from "@/lib/sweetspot/checkouts";
import type { CheckoutSummaryView, CheckoutView } from "./types";
import { toCheckoutSummary, toCheckoutView } from "./view-model";

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
