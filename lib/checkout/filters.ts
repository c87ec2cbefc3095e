import type { Translator } from "@/lib/i18n/translator";
import { DOCUMENTED_LIFECYCLES } from "@/lib/sweetspot/schemas";
import { lifecycleSituation } from "./facts";
import type { Situation } from "./situation";
import { situationWords } from "./words";

/*
 * The list page's filters. Each sends exactly one lifecycle upstream (`lifecycles=…`), and only one the
 * API documents (`created`, `orderConfirmed`, `leaseActive`): a value the API does not list may be
 * ignored or refused, and the filter would lie. Filtering in the portal instead would break paging (a
 * page of 10 from the API could show 2), so situations without a documented lifecycle (shipped,
 * returns, cancelled…) are not offered as filters; "All" shows them. Each filter is named by its
 * lifecycle's headline, so it says exactly what it shows. See docs/api-assumptions.md.
 */

type DocumentedLifecycle = (typeof DOCUMENTED_LIFECYCLES)[number];

const FILTER_IDS = {
  created: "unfinished",
  orderConfirmed: "confirmed",
  leaseActive: "leaseActive",
} as const satisfies Record<DocumentedLifecycle, string>;

export type CheckoutFilterId = "all" | (typeof FILTER_IDS)[DocumentedLifecycle];

export type CheckoutFilter = {
  id: CheckoutFilterId;
  /** The situation whose headline names the filter; null for "All". */
  situation: Situation | null;
  /** The `lifecycles` query parameter; undefined sends none. */
  lifecycles: readonly DocumentedLifecycle[] | undefined;
};

const ALL_FILTER: CheckoutFilter = { id: "all", situation: null, lifecycles: undefined };

export const CHECKOUT_FILTERS: readonly CheckoutFilter[] = [
  ALL_FILTER,
  ...DOCUMENTED_LIFECYCLES.map(
    (lifecycle): CheckoutFilter => ({
      id: FILTER_IDS[lifecycle],
      situation: lifecycleSituation(lifecycle) ?? "unknown",
      lifecycles: [lifecycle],
    }),
  ),
];

/** "All" has no situation of its own; the other filters are named by their situation's headline. */
export function filterLabel(t: Translator, filter: CheckoutFilter): string {
  return filter.situation === null ? t("checkout.list.filterAll") : situationWords(t, filter.situation).label;
}

/**
 * The filter a query-string value names, else "all". Takes what Next.js gives for a search param
 * (string, repeated string[], or undefined); a repeated parameter counts by its first value.
 */
export function parseFilter(value: unknown): CheckoutFilter {
  const first = Array.isArray(value) ? value[0] : value;
  return CHECKOUT_FILTERS.find((filter) => filter.id === first) ?? ALL_FILTER;
}
