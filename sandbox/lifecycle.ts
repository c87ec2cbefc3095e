import type { CheckoutRecord } from "./types";

/**
 * The lifecycle model the sandbox assumes (docs/api-assumptions.md): which lifecycle follows which, and how a
 * lifecycle maps to the detail endpoint's documented `state`.
 */

type LifecycleFacts = Pick<CheckoutRecord, "lifecycle" | "pickupLocationId" | "stripeDepositPaymentIntentId">;

const STATE_OF_LIFECYCLE: Partial<Record<string, string>> = {
  waitlisted: "waitlisted",
  orderConfirmed: "deposited",
  shipped: "deposited",
  readyForPickup: "deposited",
  delivered: "fulfilled",
  pickedUp: "fulfilled",
  leaseActive: "fulfilled",
  returnInitiated: "fulfilled",
  returned: "fulfilled",
  // Cancelled before any money moved: nothing was ever paid.
  cancelled: "unpaid",
};

/** The detail endpoint's `state`; `null` for a missing or unknown lifecycle, as the API's own example shows. */
export function stateFor(record: LifecycleFacts): string | null {
  if (record.lifecycle === "created") {
    // A pre-authorized deposit (a PaymentIntent exists) is waiting to be captured.
    return record.stripeDepositPaymentIntentId === undefined ? "unpaid" : "pendingDeposit";
  }
  return record.lifecycle === null ? null : (STATE_OF_LIFECYCLE[record.lifecycle] ?? null);
}

/** The detail endpoint's open-ended `checkoutFlowState`. */
export function checkoutFlowStateFor(record: LifecycleFacts): string {
  switch (record.lifecycle) {
    case "created":
      return record.stripeDepositPaymentIntentId === undefined ? "collecting_details" : "awaiting_capture";
    case "waitlisted":
      return "waitlisted";
    case "cancelled":
      return "abandoned";
    default:
      return "completed";
  }
}

/** The lifecycle `advance` moves to, or undefined when the lifecycle is final (or unknown). */
export function nextLifecycle(record: LifecycleFacts): string | undefined {
  switch (record.lifecycle) {
    case "created":
    case "waitlisted":
      return "orderConfirmed";
    case "orderConfirmed":
      return record.pickupLocationId === undefined ? "shipped" : "readyForPickup";
    case "shipped":
      return "delivered";
    case "readyForPickup":
      return "pickedUp";
    case "delivered":
    case "pickedUp":
      return "leaseActive";
    case "returnInitiated":
      return "returned";
    default:
      return undefined;
  }
}
