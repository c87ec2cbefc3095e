import { FILTER_LABELS } from "./words";

/*
 * The list page's filters, by situation. Each sends its lifecycles upstream (`lifecycles=…`) so
 * pagination stays the API's. "All" sends none, which is what keeps checkouts with an unknown or
 * missing lifecycle visible: no other filter can match them.
 */

export type CheckoutFilterId = keyof typeof FILTER_LABELS;

export type CheckoutFilter = {
  id: CheckoutFilterId;
  label: string;
  /** The `lifecycles` query parameter; undefined sends none. */
  lifecycles: readonly string[] | undefined;
};

const ALL_FILTER: CheckoutFilter = { id: "all", label: FILTER_LABELS.all, lifecycles: undefined };

export const CHECKOUT_FILTERS: readonly CheckoutFilter[] = [
  ALL_FILTER,
  {
    id: "inProgress",
    label: FILTER_LABELS.inProgress,
    lifecycles: ["created", "waitlisted", "orderConfirmed", "shipped", "readyForPickup"],
  },
  { id: "active", label: FILTER_LABELS.active, lifecycles: ["delivered", "pickedUp", "leaseActive"] },
  { id: "returns", label: FILTER_LABELS.returns, lifecycles: ["returnInitiated", "returned"] },
  { id: "cancelled", label: FILTER_LABELS.cancelled, lifecycles: ["cancelled"] },
];

/**
 * The filter a query-string value names, else "all". Takes what Next.js gives for a search param
 * (string, repeated string[], or undefined); a repeated parameter counts by its first value.
 */
export function parseFilter(value: unknown): CheckoutFilter {
  const first = Array.isArray(value) ? value[0] : value;
  return CHECKOUT_FILTERS.find((filter) => filter.id === first) ?? ALL_FILTER;
}
