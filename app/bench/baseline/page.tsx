import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCustomer } from "@/lib/auth/customer-session";
import { PAGE_SIZE } from "@/lib/paging";
import { getCustomerCheckouts, getCustomerCheckoutWithDetail } from "@/lib/sweetspot/checkouts";
import { checkoutListPath } from "@/lib/urls/portal-urls";

export const metadata: Metadata = { title: "Baseline" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The floor `npm run bench` compares the customer pages with: the same layout, session check and
 * upstream read(s) as /checkouts (or /checkouts/<id> with `?checkout=<id>`), but no view model and
 * almost no markup. It exists only in a process started with PORTAL_BENCH_BASELINE=1 (the bench
 * sets it); everywhere else it is the ordinary 404.
 */
export default async function BenchBaselinePage({ searchParams }: Props) {
  if (process.env.PORTAL_BENCH_BASELINE !== "1") notFound();
  const { checkout: checkoutId } = await searchParams;

  if (typeof checkoutId === "string") {
    const session = await requireCustomer({ checkoutId }, checkoutListPath());
    const { checkout } = await getCustomerCheckoutWithDetail(session.userId, checkoutId);
    return <p>{checkout.id}</p>;
  }
  const session = await requireCustomer("account", checkoutListPath());
  const { checkouts } = await getCustomerCheckouts(session.userId, { offset: 0, limit: PAGE_SIZE });
  return <p>{checkouts.length} checkouts</p>;
}
