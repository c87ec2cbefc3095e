import type { Metadata } from "next";
import { CheckoutList } from "@/components/list/CheckoutList";
import { EmptyState } from "@/components/list/EmptyState";
import { FilterNav } from "@/components/list/FilterNav";
import { Pagination } from "@/components/list/Pagination";
import { Callout } from "@/components/ui/Callout";
import { StaleViewBanner } from "@/components/ui/StaleViewBanner";
import { SupportContact } from "@/components/ui/SupportContact";
import { requireCustomer } from "@/lib/auth/customer-session";
import { CHECKOUT_FILTERS, parseFilter } from "@/lib/checkout/filters";
import { loadCheckoutListPage } from "@/lib/checkout/load";
import { type SupportContacts, supportContactsOf } from "@/lib/checkout/support";
import { LIST_GROUP_WORDS } from "@/lib/checkout/words";
import { env } from "@/lib/env";
import { PAGE_SIZE, pageOffset, parsePageNumber } from "@/lib/paging";
import { getDateContext } from "@/lib/request/date-context";
import { checkoutListPath } from "@/lib/urls/portal-urls";
import styles from "./page.module.css";

export const metadata: Metadata = { title: "Your orders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** All of the customer's checkouts, newest first, one upstream call per view. */
export default async function CheckoutsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filter = parseFilter(params.filter);
  const page = parsePageNumber(params.page);
  const session = await requireCustomer("account", checkoutListPath({ filter: filter.id, page }));
  // While the API fails, the customer's last known view of this filter and page answers, with a banner.
  const { view, savedAt } = await loadCheckoutListPage(session.userId, {
    filter: filter.id,
    page,
    offset: pageOffset(page),
    limit: PAGE_SIZE,
    lifecycles: filter.lifecycles,
  });
  const { summaries, hasMore, skipped } = view;
  const dates = await getDateContext();
  const support = supportContactsOf(env());
  // A customer with no orders at all has nothing to filter or page through: only the empty state.
  const noOrdersAtAll = summaries.length === 0 && page === 1 && filter.id === "all" && skipped === 0;
  // A page whose orders were all skipped is not past the end: the note explains it, paging goes on.
  const pageHasOrders = summaries.length > 0 || skipped > 0;

  return (
    <>
      <h1>Your orders</h1>
      {savedAt ? <StaleViewBanner savedAt={savedAt.toISOString()} dates={dates} /> : null}
      {noOrdersAtAll ? null : (
        <FilterNav
          filters={CHECKOUT_FILTERS.map((candidate) => ({
            id: candidate.id,
            label: candidate.label,
            href: checkoutListPath({ filter: candidate.id, page: 1 }),
            current: candidate.id === filter.id,
          }))}
        />
      )}
      {skipped > 0 ? <SomeOrdersNotShown count={skipped} support={support} /> : null}
      {summaries.length > 0 ? (
        <>
          <CheckoutList summaries={summaries} dates={dates} />
          {hasMore || page > 1 ? <p className={styles.note}>{LIST_GROUP_WORDS.thisPageOnly}</p> : null}
        </>
      ) : skipped > 0 ? null : page > 1 ? (
        <EmptyState
          title="Nothing on this page"
          body="This page is past the end of your orders."
          action={{ href: checkoutListPath({ filter: filter.id, page: 1 }), label: "Go to the first page" }}
        />
      ) : noOrdersAtAll ? (
        <EmptyState title="No orders yet" body={<NoOrdersYet support={support} />} />
      ) : (
        <EmptyState
          title={`No orders under “${filter.label}”`}
          body="Try another filter, or see all your orders."
          action={{ href: checkoutListPath(), label: "See all orders" }}
        />
      )}
      {/* Past the end, "Previous" would lead to another empty page: the empty state links to page 1. */}
      {pageHasOrders ? (
        <Pagination
          page={page}
          previousHref={page > 1 ? checkoutListPath({ filter: filter.id, page: page - 1 }) : null}
          nextHref={hasMore ? checkoutListPath({ filter: filter.id, page: page + 1 }) : null}
        />
      ) : null}
    </>
  );
}

/** Some of the API's records could not be shown safely (sweetspot-api.md §2): say so, and who can help. */
function SomeOrdersNotShown({ count, support }: { count: number; support: SupportContacts }) {
  return (
    <Callout
      tone="warning"
      title={count === 1 ? "One order could not be shown" : `${count} orders could not be shown`}
    >
      <p>
        Some orders could not be shown here because we received incomplete information about them. Contact us
        and we will look them up for you.
      </p>
      <SupportContact support={support} />
    </Callout>
  );
}

/** What a customer with no orders can expect, and where to turn when one is missing. */
function NoOrdersYet({ support }: { support: SupportContacts }) {
  return (
    <>
      <p>
        When you check out with The Sweet Spot, your orders appear here with every step from deposit to
        delivery.
      </p>
      <p>Checked out already? It can take a few minutes to show up.</p>
      <SupportContact support={support} lead="Still missing?" />
    </>
  );
}
