import type { Metadata } from "next";
import { CheckoutList } from "@/components/CheckoutList";
import { EmptyState } from "@/components/EmptyState";
import { FilterNav } from "@/components/FilterNav";
import { Pagination } from "@/components/Pagination";
import { requireCustomer } from "@/lib/auth/customer-session";
import { CHECKOUT_FILTERS, type CheckoutFilter, parseFilter } from "@/lib/checkout/filters";
import { loadCheckoutSummaries } from "@/lib/checkout/load";
import { PAGE_SIZE, pageOffset, parsePageNumber } from "@/lib/paging";
import { getDateContext } from "@/lib/request/date-context";

export const metadata: Metadata = { title: "Your orders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Filter and page live in the URL, so a reload or a shared link shows the same list. */
function listHref(filter: CheckoutFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.id !== "all") params.set("filter", filter.id);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/checkouts?${query}` : "/checkouts";
}

/** All of the customer's checkouts, newest first, one upstream call per view. */
export default async function CheckoutsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filter = parseFilter(params.filter);
  const page = parsePageNumber(params.page);
  const session = await requireCustomer("account", listHref(filter, page));
  const { summaries, hasMore } = await loadCheckoutSummaries(session.userId, {
    offset: pageOffset(page),
    limit: PAGE_SIZE,
    lifecycles: filter.lifecycles,
  });
  const dates = await getDateContext();

  return (
    <>
      <h1>Your orders</h1>
      <FilterNav
        filters={CHECKOUT_FILTERS.map((candidate) => ({
          id: candidate.id,
          label: candidate.label,
          href: listHref(candidate, 1),
          current: candidate.id === filter.id,
        }))}
      />
      {summaries.length > 0 ? (
        <CheckoutList summaries={summaries} dates={dates} />
      ) : page > 1 ? (
        <EmptyState
          title="Nothing on this page"
          body="This page is past the end of your orders."
          action={{ href: listHref(filter, 1), label: "Go to the first page" }}
        />
      ) : filter.id === "all" ? (
        <EmptyState
          title="No orders yet"
          body="When you check out with The Sweet Spot, your orders appear here with every step from deposit to delivery."
        />
      ) : (
        <EmptyState
          title={`No orders under “${filter.label}”`}
          body="Try another filter, or see all your orders."
          action={{ href: listHref(CHECKOUT_FILTERS[0] ?? filter, 1), label: "See all orders" }}
        />
      )}
      <Pagination
        page={page}
        previousHref={page > 1 ? listHref(filter, page - 1) : null}
        nextHref={hasMore ? listHref(filter, page + 1) : null}
      />
    </>
  );
}
