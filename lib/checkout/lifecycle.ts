/*
 * The two rules about where a checkout stands, decided on `lifecycle` alone so the list, the detail page
 * and the live JSON route agree. Lifecycles beyond the documented three are our assumption (docs/api-assumptions.md).
 */

/** Lifecycles in which the customer has not finished checking out and can still do so. */
const UNFINISHED_LIFECYCLES: ReadonlySet<string> = new Set(["created"]);

/**
 * Lifecycles that can still change without the customer doing anything, so the page refreshes itself.
 * Delivered and picked-up orders are included because the lease starts next. Finished ones (lease
 * running, returned, cancelled) and unknown ones are not: polling a page that will not move is waste.
 */
const LIVE_LIFECYCLES: ReadonlySet<string> = new Set([
  "created",
  "waitlisted",
  "orderConfirmed",
  "shipped",
  "delivered",
  "readyForPickup",
  "pickedUp",
  "returnInitiated",
]);

/** True before the customer completed checkout (waitlisted checkouts are complete: they wait on us). */
export function isUnfinishedCheckout(lifecycle: string | null | undefined): boolean {
  return typeof lifecycle === "string" && UNFINISHED_LIFECYCLES.has(lifecycle);
}

/** True while the checkout can still move on its own. */
export function isLiveCheckout(lifecycle: string | null | undefined): boolean {
  return typeof lifecycle === "string" && LIVE_LIFECYCLES.has(lifecycle);
}

/** True when nothing more will happen to the order (cancelled, or returned in full). */
export function isClosedCheckout(lifecycle: string | null | undefined): boolean {
  return lifecycle === "cancelled" || lifecycle === "returned";
}

type DepositFacts = { lifecycle: string | null; depositTimestamp: string | null };

/**
 * True when the deposit counts as paid. A `depositTimestamp` on a checkout that is still "created" is
 * treated as a hold, not a payment: telling a customer they paid before the order is confirmed would be
 * wrong if the hold lapses.
 */
export function hasPaidDeposit(facts: DepositFacts): boolean {
  return facts.depositTimestamp !== null && facts.lifecycle !== "created";
}

type FulfilmentFacts = {
  lifecycle: string | null;
  pickupLocationId: number | null;
  trackingCarrier: string | null;
  trackingNumber: string | null;
  trackingStatus: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  signedBy: string | null;
};

/** True when anything about a shipment is known (carrier, number, status, shipped/delivered, signature). */
export function hasShipmentData(facts: FulfilmentFacts): boolean {
  return [
    facts.trackingCarrier,
    facts.trackingNumber,
    facts.trackingStatus,
    facts.shippedAt,
    facts.deliveredAt,
    facts.signedBy,
  ].some((value) => value !== null && value.trim() !== "");
}

/** True for the pickup flow: a pickup lifecycle, or a pickup location and no sign of a shipment. */
export function isPickupCheckout(facts: FulfilmentFacts): boolean {
  if (facts.lifecycle === "readyForPickup" || facts.lifecycle === "pickedUp") return true;
  if (facts.lifecycle === "shipped" || facts.lifecycle === "delivered") return false;
  return facts.pickupLocationId !== null && !hasShipmentData(facts);
}
