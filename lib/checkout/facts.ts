import { timeOf } from "@/lib/dates";
import {
  type CheckoutDetailRecord,
  type CheckoutRecord,
  type Fee,
  isKnown,
  KNOWN_LIFECYCLES,
  KNOWN_STATES,
  KNOWN_TRACKING_STATUSES,
  KNOWN_WAITLIST_REASONS,
} from "@/lib/sweetspot/schemas";
import { SITUATIONS, type Situation, type SituationRow } from "./situation";

/*
 * A checkout's records, read once into the facts every panel needs. This is the one place that reads
 * the API's open values about where an order stands (lifecycle, detail `state`, tracking status, return
 * fields, waitlist reason, payment errors, deposit hold) and turns them into the closed set of the
 * situation table (situation.ts), with its precedence. Values arrive normalised to the canonical
 * spelling of the KNOWN_* lists (lib/sweetspot/schemas.ts); anything else is unknown. The panels
 * (panels/) build from the facts and never compare a lifecycle themselves: the record they get has none.
 *
 * Adding a lifecycle: add it to KNOWN_LIFECYCLES, then the compiler asks for its row in LIFECYCLES.
 */

/** Where an order stands in its journey; decides fulfilment flow, deposits, returns and the timeline. */
type Stage =
  | "unfinished"
  | "waiting"
  | "confirmed"
  | "shipping"
  | "handedOver"
  | "lease"
  | "return"
  | "returned"
  | "cancelled";

/** The step of the portal's own timeline a lifecycle stands on. */
type LifecycleStep =
  | "checkoutStarted"
  | "waitlisted"
  | "orderConfirmed"
  | "shipped"
  | "delivered"
  | "readyForPickup"
  | "pickedUp"
  | "leaseActive"
  | "returnInitiated"
  | "returnCompleted"
  | "cancelled";

type ReturnState = "initiated" | "cancelled" | "completed";

type Hold = { expiresAt: string | null; expiresSoon: boolean };

export type CheckoutFacts = {
  /** The record, the detail's fields merged in, for the panels to copy from; its lifecycle is read here only. */
  record: Omit<CheckoutRecord, "lifecycle">;
  /** The fees the detail endpoint listed, when it was read. */
  fees: Fee[] | null;
  now: Date;
  situation: Situation;
  /** What the situation means on the page (tone, panels, over…). */
  row: SituationRow;
  /** Null when the lifecycle is missing or unknown. */
  stage: Stage | null;
  /** Null when the lifecycle is missing or unknown. */
  step: LifecycleStep | null;
  /** Delivered or collected, or gone past that (lease, return). */
  handedOver: boolean;
  /** "pickup" for the pickup flow, "shipment" when anything about a shipment is known, else null. */
  fulfilment: "shipment" | "pickup" | null;
  returnState: ReturnState | null;
  /**
   * A `depositTimestamp` past checkout, or a detail `state` that says so. A timestamp on an unfinished
   * checkout is a hold: telling a customer they paid before the order is confirmed would be wrong if the
   * hold lapses.
   */
  depositPaid: boolean;
  /** The deposit hold on the customer's card, when there is one (not paid, not released). */
  depositHold: Hold | null;
  paymentProblem: boolean;
  /** The waitlist situation the waitlist reason names, whatever the headline says. */
  waitlistSituation: Situation;
};

// ---------------------------------------------------------------------------------------------------------
// Per API value
// ---------------------------------------------------------------------------------------------------------

type KnownLifecycle = (typeof KNOWN_LIFECYCLES)[number];
type KnownState = (typeof KNOWN_STATES)[number];
type KnownTrackingStatus = (typeof KNOWN_TRACKING_STATUSES)[number];
type KnownWaitlistReason = (typeof KNOWN_WAITLIST_REASONS)[number];

type LifecycleRow = {
  situation: Situation;
  stage: Stage;
  /** The flow this lifecycle proves, or null when it says nothing about it. */
  fulfilment: "shipment" | "pickup" | null;
  step: LifecycleStep;
};

/** One row per lifecycle the portal knows (three documented, the rest our assumption). */
const LIFECYCLES: Readonly<Record<KnownLifecycle, LifecycleRow>> = {
  created: { situation: "continueCheckout", stage: "unfinished", fulfilment: null, step: "checkoutStarted" },
  waitlisted: { situation: "waitlisted", stage: "waiting", fulfilment: null, step: "waitlisted" },
  orderConfirmed: { situation: "preparing", stage: "confirmed", fulfilment: null, step: "orderConfirmed" },
  shipped: { situation: "shipped", stage: "shipping", fulfilment: "shipment", step: "shipped" },
  delivered: { situation: "delivered", stage: "handedOver", fulfilment: "shipment", step: "delivered" },
  readyForPickup: {
    situation: "readyForPickup",
    stage: "shipping",
    fulfilment: "pickup",
    step: "readyForPickup",
  },
  pickedUp: { situation: "pickedUp", stage: "handedOver", fulfilment: "pickup", step: "pickedUp" },
  leaseActive: { situation: "leaseActive", stage: "lease", fulfilment: null, step: "leaseActive" },
  returnInitiated: {
    situation: "returnStarted",
    stage: "return",
    fulfilment: null,
    step: "returnInitiated",
  },
  returned: { situation: "returned", stage: "returned", fulfilment: null, step: "returnCompleted" },
  cancelled: { situation: "cancelled", stage: "cancelled", fulfilment: null, step: "cancelled" },
};

const HANDED_OVER: readonly Stage[] = ["handedOver", "lease", "return", "returned"];
const CLOSED: readonly Stage[] = ["returned", "cancelled"];

type StateRow = { situation: Situation; deposit: "taken" | "held" | null };

/** The detail endpoint's `state`: read for deposits, and for the headline when the lifecycle is unknown. */
const STATES: Readonly<Record<KnownState, StateRow>> = {
  unpaid: { situation: "depositUnpaid", deposit: null },
  pendingDeposit: { situation: "depositPending", deposit: "held" },
  waitlisted: { situation: "waitlisted", deposit: null },
  deposited: { situation: "depositPaid", deposit: "taken" },
  fulfilled: { situation: "orderFulfilled", deposit: "taken" },
};

/** What the carrier says about a shipment on its way. */
const TRACKING: Readonly<Record<KnownTrackingStatus, Situation>> = {
  label_created: "shipped",
  in_transit: "shipped",
  out_for_delivery: "outForDelivery",
  delivered: "delivered",
  exception: "carrierException",
  returned_to_sender: "carrierException",
};

const WAITLIST_REASONS: Readonly<Record<KnownWaitlistReason, Situation>> = {
  inventory: "waitlistedForStock",
  location: "waitlistedForLocation",
};

function lifecycleRow(lifecycle: string | null | undefined): LifecycleRow | null {
  return isKnown(KNOWN_LIFECYCLES, lifecycle) ? LIFECYCLES[lifecycle] : null;
}

function stateRow(state: string | null | undefined): StateRow | null {
  return isKnown(KNOWN_STATES, state) ? STATES[state] : null;
}

/** The situation a lifecycle alone describes (the list's filters are named by it); null when unknown. */
export function lifecycleSituation(lifecycle: string | null | undefined): Situation | null {
  return lifecycleRow(lifecycle)?.situation ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// The facts
// ---------------------------------------------------------------------------------------------------------

/** A hold this close to expiry (or past it) is worth a warning: the customer may have to act. */
const PREAUTH_WARNING_MS = 72 * 60 * 60 * 1000;

/**
 * The facts of one checkout. `detail` (the detail endpoint's record, when it was read) only fills what
 * the list record left empty, and adds the `state` and the fees.
 */
export function checkoutFacts(
  listed: CheckoutRecord,
  detail: CheckoutDetailRecord | null,
  now: Date,
): CheckoutFacts {
  // A detail for another checkout would mix two orders on one page: ignore it.
  const sameDetail = detail !== null && detail.id === listed.id ? detail : null;
  const record = withDetail(listed, sameDetail);
  const lifecycle = lifecycleRow(record.lifecycle);
  const state = stateRow(sameDetail?.state);
  const stage = lifecycle?.stage ?? null;
  const depositPaid =
    state?.deposit === "taken" || (record.depositTimestamp !== null && stage !== "unfinished");
  const depositHold = depositPaid ? null : holdOf(record, stage, state, now);
  const returnState = returnStateOf(record, stage);
  const paymentProblem =
    Boolean(record.lastPaymentErrorCode?.trim()) ||
    Boolean(record.lastPaymentError?.trim()) ||
    (record.paymentFailureCount ?? 0) > 0;
  const situation = situationOf({ record, lifecycle, state, depositHold, returnState, paymentProblem });
  return {
    record,
    fees: sameDetail?.arbitraryFees ?? null,
    now,
    situation,
    row: SITUATIONS[situation],
    stage,
    step: lifecycle?.step ?? null,
    handedOver: stage !== null && HANDED_OVER.includes(stage),
    fulfilment: fulfilmentOf(record, lifecycle),
    returnState,
    depositPaid,
    depositHold,
    paymentProblem,
    waitlistSituation: waitlistSituation(record.waitlistReason),
  };
}

/** The list item is authoritative; the detail endpoint only fills what the list left empty. */
function withDetail(record: CheckoutRecord, detail: CheckoutDetailRecord | null): CheckoutRecord {
  if (detail === null) return record;
  return {
    ...record,
    createdAt: record.createdAt ?? detail.createdAt,
    updatedAt: record.updatedAt ?? detail.updatedAt,
    insuranceStatus: record.insuranceStatus ?? detail.insuranceStatus,
    recurringPaymentStatus: record.recurringPaymentStatus ?? detail.recurringPaymentStatus,
    paymentFailureCount: record.paymentFailureCount ?? detail.paymentFailureCount,
    externalOrderId: record.externalOrderId ?? detail.externalOrderId,
    checkoutUrl: record.checkoutUrl ?? detail.checkoutUrl,
    depositTimestamp: record.depositTimestamp ?? detail.depositTimestamp,
    lastPaymentError: record.lastPaymentError ?? detail.lastPaymentError,
    lastPaymentErrorAt: record.lastPaymentErrorAt ?? detail.lastPaymentErrorAt,
    lastPaymentErrorCode: record.lastPaymentErrorCode ?? detail.lastPaymentErrorCode,
    leaseStartDate: record.leaseStartDate ?? detail.leaseStartDate,
    leaseEndDate: record.leaseEndDate ?? detail.leaseEndDate,
    leaseTermId: record.leaseTermId ?? detail.leaseTermId,
    pickupLocationId: record.pickupLocationId ?? detail.pickupLocationId,
    shippingAddress: record.shippingAddress ?? detail.shippingAddress,
  };
}

function holdOf(record: CheckoutRecord, stage: Stage | null, state: StateRow | null, now: Date): Hold | null {
  // A cancelled or returned checkout's hold is released: nothing left to say about it.
  if (stage !== null && CLOSED.includes(stage)) return null;
  const held =
    record.depositPreauthExpiresAt !== null || record.depositTimestamp !== null || state?.deposit === "held";
  if (!held) return null;
  const expiresMs = timeOf(record.depositPreauthExpiresAt);
  // Past expiry still counts as "soon": the page keeps warning until someone acts.
  const expiresSoon = expiresMs !== null && expiresMs - now.getTime() <= PREAUTH_WARNING_MS;
  return { expiresAt: record.depositPreauthExpiresAt, expiresSoon };
}

/**
 * Completed beats everything; a return under way (lifecycle says so) beats an older cancelled one;
 * otherwise a cancellation timestamp means the return was called off.
 */
function returnStateOf(record: CheckoutRecord, stage: Stage | null): ReturnState | null {
  if (record.returnCompletedAt !== null || stage === "returned") return "completed";
  if (stage === "return") return "initiated";
  if (record.returnCancelledAt !== null) return "cancelled";
  if (record.returnInitiatedAt !== null) return "initiated";
  return null;
}

/** The pickup flow: a pickup lifecycle, or a pickup location and no sign of a shipment. */
function fulfilmentOf(record: CheckoutRecord, lifecycle: LifecycleRow | null): CheckoutFacts["fulfilment"] {
  const shipmentKnown = [
    record.trackingCarrier,
    record.trackingNumber,
    record.trackingStatus,
    record.shippedAt,
    record.deliveredAt,
    record.signedBy,
  ].some((value) => value !== null && value.trim() !== "");
  const proven = lifecycle?.fulfilment ?? null;
  const pickup = proven !== null ? proven === "pickup" : record.pickupLocationId !== null && !shipmentKnown;
  if (pickup) return "pickup";
  return shipmentKnown ? "shipment" : null;
}

type SituationParts = {
  record: CheckoutRecord;
  lifecycle: LifecycleRow | null;
  state: StateRow | null;
  depositHold: Hold | null;
  returnState: ReturnState | null;
  paymentProblem: boolean;
};

/**
 * The customer's situation. Precedence, first match wins:
 * 1. A closed order (cancelled, returned) is only that: old problems no longer matter.
 * 2. An unfinished checkout is finished by its checkout link, which also settles its payment; a hold
 *    about to lapse makes that urgent.
 * 3. Problems beat progress: a failed payment, then a deposit hold about to lapse.
 * 4. A return under way, or done, beats the lifecycle that preceded it.
 * 5. The lifecycle, refined by what only other fields tell: why a checkout waits, what the carrier says
 *    about a shipment on its way (an exception beats "shipped").
 * 6. No known lifecycle: the detail `state`, else "unknown".
 */
function situationOf(parts: SituationParts): Situation {
  const { record, lifecycle, state, depositHold, returnState, paymentProblem } = parts;
  const stage = lifecycle?.stage ?? null;
  if (lifecycle !== null && stage !== null && CLOSED.includes(stage)) return lifecycle.situation;
  const expiresSoon = depositHold?.expiresSoon === true;
  if (stage === "unfinished") return expiresSoon ? "depositHoldExpiring" : "continueCheckout";
  if (paymentProblem) return "paymentFailed";
  if (expiresSoon) return "depositHoldExpiring";
  if (returnState === "completed") return "returned";
  if (returnState === "initiated") return "returnStarted";
  const base = lifecycle?.situation ?? state?.situation ?? "unknown";
  if (base === "waitlisted") return waitlistSituation(record.waitlistReason);
  if (stage === "shipping" && lifecycle?.fulfilment === "shipment")
    return trackedSituation(record.trackingStatus);
  return base;
}

function waitlistSituation(reason: string | null): Situation {
  return isKnown(KNOWN_WAITLIST_REASONS, reason) ? WAITLIST_REASONS[reason] : "waitlisted";
}

function trackedSituation(trackingStatus: string | null): Situation {
  return isKnown(KNOWN_TRACKING_STATUSES, trackingStatus) ? TRACKING[trackingStatus] : "shipped";
}
