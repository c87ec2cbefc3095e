import type { Metadata } from "next";
import { CheckoutList } from "@/components/list/CheckoutList";
import { EmptyState } from "@/components/list/EmptyState";
import { FilterNav } from "@/components/list/FilterNav";
import { Pagination } from "@/components/list/Pagination";
import { Callout } from "@/components/ui/Callout";
import { StaleViewBanner } from "@/components/ui/StaleViewBanner";
import { SupportContact } from "@/components/ui/SupportContact";
import { requireCustomer } from "@/lib/auth/customer-session";
import { CHECKOUT_FILTERS, filterLabel, parseFilter } from "@/lib/checkout/filters";
import { loadCheckoutListPage } from "@/lib/checkout/load";
import { type SupportContacts, supportContactsOf } from "@/lib/checkout/support";
import { supportContactWords } from "@/lib/checkout/words";
import { env } from "@/lib/env";
import type { Translator } from "@/lib/i18n/translator";
import { PAGE_SIZE, pageOffset, parsePageNumber } from "@/lib/paging";
import { getDateContext } from "@/lib/request/date-context";
import { getLocale, getTranslator } from "@/lib/request/locale";
import { checkoutListPath } from "@/lib/urls/portal-urls";
import styles from "./page.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("checkout.list.metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** All of the customer's checkouts, newest first, one upstream call per view. */
export default async function CheckoutsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filter = parseFilter(params.filter);
  const page = parsePageNumber(params.page);
  const session = await requireCustomer("account", checkoutListPath({ filter: filter.id, page }));
  const locale = await getLocale();
  const t = await getTranslator();
  // While the API fails, the customer's last known view of this filter and page (in this language) answers, with a banner.
  const { view, savedAt } = await loadCheckoutListPage(
    session,
    { filter: filter.id, page, offset: pageOffset(page), limit: PAGE_SIZE, lifecycles: filter.lifecycles },
    locale,
  );
  const { summaries, hasMore, skipped } = view;
  const dates = await getDateContext();
  const support = supportContactsOf(env());
  // A customer with no orders at all has nothing to filter or page through: only the empty state.
  const noOrdersAtAll = summaries.length === 0 && page === 1 && filter.id === "all" && skipped === 0;
  // A page whose orders were all skipped is not past the end: the note explains it, paging goes on.
  const pageHasOrders = summaries.length > 0 || skipped > 0;

  return (
    <>
      <h1>{t("checkout.list.heading")}</h1>
      {savedAt ? <StaleViewBanner savedAt={savedAt.toISOString()} dates={dates} t={t} /> : null}
      {noOrdersAtAll ? null : (
        <FilterNav
          label={t("checkout.list.filterNavLabel")}
          filters={CHECKOUT_FILTERS.map((candidate) => ({
            id: candidate.id,
            label: filterLabel(t, candidate),
            href: checkoutListPath({ filter: candidate.id, page: 1 }),
            current: candidate.id === filter.id,
          }))}
        />
      )}
      {skipped > 0 ? <SomeOrdersNotShown count={skipped} support={support} t={t} /> : null}
      {summaries.length > 0 ? (
        <>
          <CheckoutList summaries={summaries} dates={dates} t={t} />
          {hasMore || page > 1 ? <p className={styles.note}>{t("checkout.list.thisPageOnly")}</p> : null}
        </>
      ) : skipped > 0 ? null : page > 1 ? (
        <EmptyState
          title={t("checkout.list.pastTheEndTitle")}
          body={t("checkout.list.pastTheEndBody")}
          action={{
            href: checkoutListPath({ filter: filter.id, page: 1 }),
            label: t("checkout.list.goToFirstPage"),
          }}
        />
      ) : noOrdersAtAll ? (
        <EmptyState title={t("checkout.list.noOrdersTitle")} body={<NoOrdersYet support={support} t={t} />} />
      ) : (
        <EmptyState
          title={t("checkout.list.noMatchTitle", { filter: filterLabel(t, filter) })}
          body={t("checkout.list.noMatchBody")}
          action={{ href: checkoutListPath(), label: t("checkout.list.seeAllOrders") }}
        />
      )}
      {/* Past the end, "Previous" would lead to another empty page: the empty state links to page 1. */}
      {pageHasOrders ? (
        <Pagination
          words={{
            label: t("checkout.list.paginationLabel"),
            previous: t("checkout.list.previous"),
            next: t("checkout.list.next"),
            page: t("checkout.list.page", { page }),
          }}
          previousHref={page > 1 ? checkoutListPath({ filter: filter.id, page: page - 1 }) : null}
          nextHref={hasMore ? checkoutListPath({ filter: filter.id, page: page + 1 }) : null}
        />
      ) : null}
    </>
  );
}

/** Some of the API's records could not be shown safely (sweetspot-api.md §2): say so, and who can help. */
type WithSupport = { support: SupportContacts; t: Translator };

function SomeOrdersNotShown({ count, support, t }: { count: number } & WithSupport) {
  return (
    <Callout tone="warning" title={t("checkout.list.skippedTitle", { count })}>
      <p>{t("checkout.list.skippedBody")}</p>
      <SupportContact support={support} words={supportContactWords(t, null)} />
    </Callout>
  );
}

/** What a customer with no orders can expect, and where to turn when one is missing. */
function NoOrdersYet({ support, t }: WithSupport) {
  return (
    <>
      <p>{t("checkout.list.noOrdersBody")}</p>
      <p>{t("checkout.list.noOrdersWait")}</p>
      <SupportContact
        support={support}
        lead={t("checkout.list.stillMissing")}
        words={supportContactWords(t, null)}
      />
    </>
  );
}
