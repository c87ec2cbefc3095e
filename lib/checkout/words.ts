import type {
  KNOWN_INSURANCE_STATUSES,
  KNOWN_MILESTONE_KEYS,
  KNOWN_PAYMENT_ERROR_CODES,
  KNOWN_RECURRING_PAYMENT_STATUSES,
  KNOWN_TRACKING_STATUSES,
} from "@/lib/sweetspot/schemas";
import { valueForKey } from "./own-key";
import type { Situation } from "./situation";
import type { NextAction, ReturnView, StatusView } from "./types";

/*
 * Every customer-facing sentence about a checkout, keyed by the API's own values, so the words can be
 * reviewed and translated in one place. Lookups always end in a neutral fallback: the API's enumerations
 * are open, and a raw value such as `pendingDeposit` or `in_transit` must never reach a customer.
 */

type KnownInsuranceStatus = (typeof KNOWN_INSURANCE_STATUSES)[number];
type KnownRecurringPaymentStatus = (typeof KNOWN_RECURRING_PAYMENT_STATUSES)[number];
type KnownTrackingStatus = (typeof KNOWN_TRACKING_STATUSES)[number];
type KnownPaymentErrorCode = (typeof KNOWN_PAYMENT_ERROR_CODES)[number];
/** API milestone keys, plus the two steps the portal adds when it derives a timeline itself. */
export type MilestoneWordKey = (typeof KNOWN_MILESTONE_KEYS)[number] | "waitlisted" | "cancelled";

// ---------------------------------------------------------------------------------------------------------
// The headline of each situation (lib/checkout/situation.ts decides which one a checkout is in)
// ---------------------------------------------------------------------------------------------------------

export type SituationWords = { label: string; description: string };

export const SITUATION_WORDS: Readonly<Record<Situation, SituationWords>> = {
  paymentFailed: {
    label: "Payment failed",
    description: "A recent payment didn't go through. Fix it soon to keep your lease in good standing.",
  },
  depositHoldExpiring: {
    label: "Deposit hold expiring",
    description:
      "The hold on your card expires soon. Finish your checkout or contact support so your order isn't delayed.",
  },
  continueCheckout: {
    label: "Checkout not finished",
    description: "You started this checkout but haven't finished it yet.",
  },
  waitlistedForStock: {
    label: "Waiting for stock",
    description: "This item is out of stock right now. We'll confirm your order as soon as it's back.",
  },
  waitlistedForLocation: {
    label: "Not available in your area yet",
    description: "We don't serve your address yet. We'll confirm your order as soon as we do.",
  },
  waitlisted: {
    label: "On the waitlist",
    description: "We'll confirm your order as soon as we can fulfil it.",
  },
  preparing: { label: "Order confirmed", description: "We're preparing your order." },
  shipped: { label: "On its way", description: "Your order has shipped." },
  outForDelivery: { label: "Out for delivery", description: "Your order should arrive today." },
  carrierException: {
    label: "Delivery problem",
    description: "The carrier reported a problem with this delivery. Check the carrier's page for details.",
  },
  delivered: { label: "Delivered", description: "Your order has arrived. Your lease starts soon." },
  readyForPickup: { label: "Ready for pickup", description: "Your order is ready to collect." },
  pickedUp: { label: "Picked up", description: "You've collected your order. Your lease starts soon." },
  leaseActive: { label: "Lease active", description: "Your lease is running." },
  returnStarted: {
    label: "Return in progress",
    description: "We've started your return and will update this page as it moves.",
  },
  returned: { label: "Returned", description: "Your return is complete." },
  // The API gives no reason for a cancellation: say so honestly rather than guess one.
  cancelled: {
    label: "Cancelled",
    description: "This order was cancelled and nothing more will be charged. Ask us if you want to know why.",
  },
  depositUnpaid: {
    label: "Deposit not paid",
    description: "The deposit for this checkout hasn't been paid yet.",
  },
  // "On hold", as the payments panel says: "pending" beside an active hold read like two things.
  depositPending: {
    label: "Deposit on hold",
    description: "Your deposit is on hold and will be charged when your order is confirmed.",
  },
  depositPaid: { label: "Deposit paid", description: "We've received your deposit." },
  orderFulfilled: { label: "Order fulfilled", description: "Your order has been handed over." },
  unknown: {
    label: "Status unavailable",
    description:
      "We can't show the status of this checkout right now. Contact support if you have questions.",
  },
};

// ---------------------------------------------------------------------------------------------------------
// Insurance and recurring payments
// ---------------------------------------------------------------------------------------------------------

const INSURANCE_WORDS: Record<KnownInsuranceStatus, StatusView> = {
  pending: {
    label: "Insurance under review",
    description: "We'll let you know when your insurance is approved.",
    tone: "info",
  },
  approved: { label: "Insurance approved", description: "Your order is covered.", tone: "success" },
  denied: {
    label: "Insurance not approved",
    description: "Contact support to talk about your options.",
    tone: "warning",
  },
};

const INSURANCE_UNAVAILABLE: StatusView = {
  label: "Insurance status unavailable",
  description: "Contact support if you have questions about your insurance.",
  tone: "neutral",
};

export function insuranceStatusView(status: string | null | undefined): StatusView {
  return valueForKey(INSURANCE_WORDS, status) ?? INSURANCE_UNAVAILABLE;
}

const RECURRING_PAYMENT_WORDS: Record<KnownRecurringPaymentStatus, StatusView> = {
  pending: {
    label: "Automatic payments not started",
    description: "Your lease payments start automatically when your lease begins.",
    tone: "neutral",
  },
  active: {
    label: "Automatic payments on",
    description: "Your lease payments are collected automatically.",
    tone: "success",
  },
  cancelled: {
    label: "Automatic payments stopped",
    description: "No further payments will be collected automatically.",
    tone: "neutral",
  },
};

const RECURRING_PAYMENT_UNAVAILABLE: StatusView = {
  label: "Payment schedule unavailable",
  description: "Contact support if you have questions about your payments.",
  tone: "neutral",
};

export function recurringPaymentStatusView(status: string | null | undefined): StatusView {
  return valueForKey(RECURRING_PAYMENT_WORDS, status) ?? RECURRING_PAYMENT_UNAVAILABLE;
}

// ---------------------------------------------------------------------------------------------------------
// Waitlist
// ---------------------------------------------------------------------------------------------------------

/*
 * `locationMessage` and `waitlistLocationReasonCode` are both machine-readable codes about the customer's
 * location (docs/api-assumptions.md). The codes below are our assumption; any other code gets the generic sentence.
 */
const LOCATION_CODE_WORDS: Record<string, string> = {
  service_area_expansion_pending:
    "We're expanding into your area and will confirm your order as soon as service starts there.",
  outside_service_area: "Your address is outside the area we serve today.",
  address_not_serviceable: "We can't deliver to this address yet.",
};

const LOCATION_CODE_UNKNOWN = "We can't serve this address yet. We'll let you know as soon as that changes.";

/** A location code (`locationMessage` or `waitlistLocationReasonCode`) as a sentence; null when absent. */
export function locationMessageText(code: string | null | undefined): string | null {
  if (typeof code !== "string" || code.trim() === "") return null;
  return valueForKey(LOCATION_CODE_WORDS, code.trim().toLowerCase()) ?? LOCATION_CODE_UNKNOWN;
}

// ---------------------------------------------------------------------------------------------------------
// Shipping and pickup
// ---------------------------------------------------------------------------------------------------------

const TRACKING_STATUS_WORDS: Record<KnownTrackingStatus, StatusView> = {
  label_created: {
    label: "Label created",
    description: "The shipping label is ready; the carrier hasn't picked up the package yet.",
    tone: "info",
  },
  in_transit: { label: "In transit", description: "The package is on its way to you.", tone: "info" },
  out_for_delivery: {
    label: "Out for delivery",
    description: "The package should arrive today.",
    tone: "info",
  },
  delivered: { label: "Delivered", description: "The carrier delivered the package.", tone: "success" },
  exception: {
    label: "Delivery problem",
    description: "The carrier reported a problem with this delivery. Check the carrier's page for details.",
    tone: "warning",
  },
  returned_to_sender: {
    label: "Returned to sender",
    description: "The package is on its way back to us. Contact support so we can help.",
    tone: "danger",
  },
};

const TRACKING_UPDATE: StatusView = {
  label: "Tracking update",
  description: "Check the carrier's page for the latest on your package.",
  tone: "neutral",
};

/** Carriers' statuses vary in case; compared lower-case. */
export function trackingStatusView(status: string | null | undefined): StatusView {
  return valueForKey(TRACKING_STATUS_WORDS, status?.trim().toLowerCase()) ?? TRACKING_UPDATE;
}

export type PickupStage = "preparing" | "ready" | "pickedUp" | "cancelled";

const PICKUP_WORDS: Record<PickupStage, StatusView> = {
  preparing: {
    label: "Preparing for pickup",
    description: "We'll let you know when your order is ready to collect.",
    tone: "info",
  },
  ready: { label: "Ready for pickup", description: "Your order is ready to collect.", tone: "success" },
  pickedUp: { label: "Picked up", description: "You've collected your order.", tone: "success" },
  cancelled: {
    label: "Pickup cancelled",
    description: "This order won't be ready for pickup.",
    tone: "neutral",
  },
};

export function pickupStatusView(stage: PickupStage): StatusView {
  return PICKUP_WORDS[stage];
}

// ---------------------------------------------------------------------------------------------------------
// Returns
// ---------------------------------------------------------------------------------------------------------

const RETURN_WORDS: Record<ReturnView["state"], StatusView> = {
  initiated: {
    label: "Return in progress",
    description: "We've started your return and will update this page as it moves.",
    tone: "info",
  },
  cancelled: {
    label: "Return cancelled",
    description: "This return was cancelled; your lease continues as before.",
    tone: "neutral",
  },
  completed: { label: "Return completed", description: "We've received your return.", tone: "success" },
};

export function returnStatusView(state: ReturnView["state"]): StatusView {
  return RETURN_WORDS[state];
}

// ---------------------------------------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------------------------------------

export type PaymentProblemWords = { message: string; advice: string };

const PAYMENT_PROBLEM_WORDS: Record<KnownPaymentErrorCode, PaymentProblemWords> = {
  card_declined: {
    message: "Your card was declined.",
    advice: "Contact your bank to find out why, or contact support to pay with a different card.",
  },
  insufficient_funds: {
    message: "Your last payment didn't go through because of insufficient funds.",
    advice: "Make sure the funds are available, or contact support to pay with a different card.",
  },
  expired_card: {
    message: "The card we have on file has expired.",
    advice: "Contact support to update your card.",
  },
  authentication_required: {
    message: "Your bank needs you to approve this payment.",
    advice: "Contact your bank to approve the payment, then contact support so we can try again.",
  },
};

const PAYMENT_PROBLEM_UNKNOWN: PaymentProblemWords = {
  message: "A recent payment didn't go through.",
  advice: "Contact support and we'll help you sort it out.",
};

/**
 * Words for a payment error code. The API's own `lastPaymentError` text is never shown: it is written for
 * operators and may carry processor details.
 */
export function paymentProblemWords(code: string | null | undefined): PaymentProblemWords {
  return valueForKey(PAYMENT_PROBLEM_WORDS, code?.trim().toLowerCase()) ?? PAYMENT_PROBLEM_UNKNOWN;
}

export const DEPOSIT_WORDS = {
  /** Payments panel: what a pre-authorized deposit means. */
  held: "Pre-authorized: the amount is held on your card but not charged yet.",
  /** Payments panel: the warning when the hold ends within 72 hours. */
  holdExpiresSoon: "The hold on your deposit expires soon",
  /** Beside Continue checkout: what to do about a hold that ends soon. */
  finishBeforeHoldExpires:
    "The hold on your card expires soon. Finish your checkout or contact support so your order isn't delayed.",
} as const;

/** A fee without a name of its own. */
export const UNNAMED_FEE = "Fee";

// ---------------------------------------------------------------------------------------------------------
// Lease
// ---------------------------------------------------------------------------------------------------------

const LEASE_TERM_ID = /^lt_([1-9]\d{0,2})(d|w|m|y)$/;
const LEASE_TERM_UNITS: Record<string, [singular: string, plural: string]> = {
  d: ["day", "days"],
  w: ["week", "weeks"],
  m: ["month", "months"],
  y: ["year", "years"],
};

/** "lt_12m" → "12 months" (our reading of the undocumented LeaseTermId); anything else → null. */
export function leaseTermText(leaseTermId: string | null | undefined): string | null {
  const match = typeof leaseTermId === "string" ? LEASE_TERM_ID.exec(leaseTermId.trim().toLowerCase()) : null;
  const count = match?.[1];
  const unit = valueForKey(LEASE_TERM_UNITS, match?.[2]);
  if (count === undefined || unit === undefined) return null;
  return `${count} ${count === "1" ? unit[0] : unit[1]}`;
}

// ---------------------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------------------

const MILESTONE_WORDS: Record<MilestoneWordKey, string> = {
  checkoutStarted: "Checkout started",
  depositPaid: "Deposit paid",
  insuranceApproved: "Insurance approved",
  orderConfirmed: "Order confirmed",
  shipped: "Shipped",
  delivered: "Delivered",
  readyForPickup: "Ready for pickup",
  pickedUp: "Picked up",
  leaseActive: "Lease started",
  returnInitiated: "Return started",
  returnCompleted: "Return completed",
  waitlisted: "On the waitlist",
  cancelled: "Cancelled",
};

/** The collapsed timeline: what comes next, and the way to every step. */
export const TIMELINE_WORDS = {
  next: "Next step:",
  showAll: (count: number) => `Show all steps (${count})`,
} as const;

/** Our words for a milestone key, else the API's own label (free text), else "Step N" (1-based). */
export function milestoneLabel(key: string, apiLabel: string | null, position: number): string {
  return valueForKey(MILESTONE_WORDS, key) ?? apiLabel ?? `Step ${position}`;
}

// ---------------------------------------------------------------------------------------------------------
// Actions, titles, list filters, support
// ---------------------------------------------------------------------------------------------------------

export const ACTION_LABELS: Record<NextAction["kind"], string> = {
  continueCheckout: "Continue checkout",
  trackPackage: "Track package",
  seeReturn: "See return",
  fixPayment: "Fix payment",
  viewDetails: "View details",
};

export const TITLE_WORDS = {
  quantityOf: (quantity: number, name: string) => `${quantity} × ${name}`,
  andMore: (first: string, others: number) => `${first} + ${others} more`,
  order: (externalOrderId: string) => `Order ${externalOrderId}`,
  /** No item names and no order number: a friendly title, never the raw id. */
  checkout: (reference: string) => `Your order · ref ${reference}`,
  /** The line under a title that tells same-item orders apart. */
  reference: (reference: string) => `ref ${reference}`,
  /** "Ordered on" only for a finished checkout: an unfinished one was never ordered. */
  ordered: "Ordered on",
  started: "Started on",
} as const;

/*
 * The key fact beside a headline: the one fact that matters now. Most read "<label> <date>"; the rest
 * are one line of text.
 */
export const KEY_FACT_WORDS = {
  holdEnds: "Hold on your card ends",
  leaseEnds: "Lease ends",
  leaseStarts: "Lease starts",
  delivered: "Arrived",
  pickedUp: "Collected",
  readySince: "Ready since",
  /** A step that is the headline itself: only its date is news. */
  since: "Since",
  /** …and when the step has no date either: when we last heard of the order. */
  updated: "Last updated",
  returnStarted: "Return started",
  returnCompleted: "Return completed",
  failures: (message: string, count: number | null) =>
    count !== null && count > 0 ? `${message} Failed ${count === 1 ? "once" : `${count} times`}.` : message,
  tracking: (carrier: string | null, number: string | null) =>
    [carrier, number].filter((part): part is string => part !== null).join(" · "),
} as const;

/** Pickup: the API names no place or hours (only an id we don't show), so say what we can. */
export const PICKUP_HELP_WORDS = {
  whatToBring: "Bring a photo ID and your order reference",
  whereToLook:
    "Your pickup confirmation email says where and when to collect. Can't find it? Contact us and we'll tell you.",
} as const;

/** The list page's groups (lib/checkout/situation.ts listGroupOf decides which). */
export const LIST_GROUP_WORDS = {
  attention: "Needs your attention",
  active: "In progress",
  done: "Done",
  olderDone: (count: number) => `Show ${count} older ${count === 1 ? "order" : "orders"}`,
  /** With more than one page: the groups sort this page only (the API pages newest first). */
  thisPageOnly: "Grouped within this page; other pages have older orders.",
} as const;

/** "All" has no situation of its own; the other filters are named by their situation's headline. */
export const ALL_FILTER_LABEL = "All";

export const SUPPORT_WORDS = {
  /** The checkout is unfinished but its link can't be offered safely. */
  unsafeCheckoutLink: "We can't open this checkout from here. Contact support and we'll help you finish it.",
  questions: "Questions about this order?",
  needHelp: "Need help?",
  subject: "Question about my order",
  subjectFor: (checkoutId: string) => `Question about my order ${checkoutId}`,
} as const;
