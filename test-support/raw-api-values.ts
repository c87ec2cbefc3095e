/**
 * What the API sends that must never reach the screen, shared by the browser journeys
 * (e2e/support/pages.ts) and the unit tests that render the demo checkouts: the portal always shows words.
 */

/**
 * Enumeration values the API sends (lifecycles, states, statuses, codes, term ids). Plain English values
 * ("approved", "shipped") are left out on purpose, because the words may legitimately contain them.
 */
export const RAW_API_VALUES = [
  "pendingDeposit",
  "orderConfirmed",
  "leaseActive",
  "readyForPickup",
  "pickedUp",
  "returnInitiated",
  "returnCompleted",
  "checkoutStarted",
  "depositPaid",
  "insuranceApproved",
  "quantumEntangled",
  "reconsidering",
  "in_transit",
  "out_for_delivery",
  "label_created",
  "returned_to_sender",
  "resting_on_a_windowsill",
  "card_declined",
  "service_area_expansion_pending",
  "outside_service_area",
  "lt_12m",
  "lt_24m",
  "collecting_details",
  "awaiting_capture",
] as const;

/** camelCase or snake_case words: how enum values look. Checkout ids (`chk_…`) are shown on purpose. */
export const ENUM_SHAPED = /\b(?!chk_)(?:[a-z]+[A-Z][A-Za-z]*|[a-z]+(?:_[a-z0-9]+)+)\b/g;

/** The raw API values and enum-shaped words in `text`: empty when the text speaks only in words. */
export function rawApiValuesIn(text: string): string[] {
  return [...RAW_API_VALUES.filter((value) => text.includes(value)), ...(text.match(ENUM_SHAPED) ?? [])];
}
