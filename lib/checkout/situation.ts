import { timeOf } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import {
  type CheckoutRecord,
  isKnown,
  KNOWN_LIFECYCLES,
  type KNOWN_MILESTONE_KEYS,
  KNOWN_STATES,
  KNOWN_TRACKING_STATUSES,
  KNOWN_WAITLIST_REASONS,
} from "@/lib/sweetspot/schemas";
import type { ListGroup, NextAction, PanelId, StatusView, Tone } from "./types";
import { situationWords } from "./words";

/*
 * The situation table: the one place that reads the API's open values (lifecycle, detail `state`,
 * tracking status, return fields, waitlist reason, payment errors, deposit hold) and turns them into the
 * closed set of situations a customer can be in. Values arrive normalised to the canonical spelling of
 * the KNOWN_* lists (lib/sweetspot/schemas.ts); anything else is unknown and gets neutral words. Every
 * other module asks this one; none compares an API value itself.
 *
 * Adding a lifecycle: add it to KNOWN_LIFECYCLES, then the compiler asks for its row in LIFECYCLES.
 */

export type Situation =
  | "paymentFailed"
  | "depositHoldExpiring"
  | "continueCheckout"
  | "waitlistedForStock"
  | "waitlistedForLocation"
  | "waitlisted"
  | "preparing"
  | "shipped"
  | "outForDelivery"
  | "carrierException"
  | "delivered"
  | "readyForPickup"
  | "pickedUp"
  | "leaseActive"
  | "returnStarted"
  | "returned"
  | "cancelled"
  | "depositUnpaid"
  | "depositPending"
  | "depositPaid"
  | "orderFulfilled"
  | "unknown";

/** How a situation reads at a glance; rendered through `Tone`. */
export type SituationTone = "ok" | "attention" | "problem" | "done" | "neutral";

export type SituationRow = {
  tone: SituationTone;
  /** The one thing to do now; it is offered only when the record makes it possible (a safe link…). */
  nextAction: NextAction["kind"] | null;
  /** The detail page's panels that matter here, in order; panels without data are left out. */
  panels: readonly PanelId[];
  /** The customer has to do something (or should look now). */
  needsAttention: boolean;
  /** It can still change without the customer doing anything, so the page refreshes itself. */
  live: boolean;
  /**
   * The order is over (returned, cancelled): facts about a running lease, insurance and a parcel on its
   * way no longer apply and are not shown.
   */
  over?: true;
};

// The panels' usual order; a row names the ones that lead.
const USUAL: readonly PanelId[] = ["progress", "shipping", "returns", "payments", "lease", "items"];
const first = (...lead: PanelId[]): readonly PanelId[] => [
  ...lead,
  ...USUAL.filter((panel) => !lead.includes(panel)),
];
// Why a waiting order is not moving is the news itself: the waitlist comes before the steps.
const WAITING = first("waitlist");

export const SITUATIONS: Readonly<Record<Situation, SituationRow>> = {
  paymentFailed: {
    tone: "problem",
    nextAction: "fixPayment",
    panels: first("payments", "waitlist"),
    needsAttention: true,
    live: true,
  },
  depositHoldExpiring: {
    tone: "attention",
    nextAction: "continueCheckout",
    panels: first("continueCheckout", "payments", "waitlist"),
    needsAttention: true,
    live: true,
  },
  continueCheckout: {
    tone: "attention",
    nextAction: "continueCheckout",
    panels: first("continueCheckout"),
    needsAttention: true,
    live: true,
  },
  waitlistedForStock: { tone: "ok", nextAction: null, panels: WAITING, needsAttention: false, live: true },
  // The customer may choose another address (or to wait): worth their attention.
  waitlistedForLocation: { tone: "ok", nextAction: null, panels: WAITING, needsAttention: true, live: true },
  waitlisted: { tone: "ok", nextAction: null, panels: WAITING, needsAttention: false, live: true },
  preparing: { tone: "ok", nextAction: null, panels: USUAL, needsAttention: false, live: true },
  shipped: { tone: "ok", nextAction: "trackPackage", panels: USUAL, needsAttention: false, live: true },
  outForDelivery: {
    tone: "ok",
    nextAction: "trackPackage",
    panels: first("shipping"),
    needsAttention: false,
    live: true,
  },
  carrierException: {
    tone: "problem",
    nextAction: "trackPackage",
    panels: first("shipping"),
    needsAttention: true,
    live: true,
  },
  // Delivered and picked-up orders stay live: the lease starts next.
  delivered: { tone: "done", nextAction: null, panels: USUAL, needsAttention: false, live: true },
  readyForPickup: {
    tone: "ok",
    nextAction: null,
    panels: first("shipping"),
    needsAttention: true,
    live: true,
  },
  pickedUp: { tone: "done", nextAction: null, panels: USUAL, needsAttention: false, live: true },
  leaseActive: { tone: "done", nextAction: null, panels: first("lease"), needsAttention: false, live: false },
  // A return waits on the customer (sending the item back, a collection to be home for).
  returnStarted: {
    tone: "ok",
    nextAction: "seeReturn",
    panels: first("returns"),
    needsAttention: true,
    live: true,
  },
  returned: {
    tone: "neutral",
    nextAction: null,
    panels: first("returns"),
    needsAttention: false,
    live: false,
    over: true,
  },
  cancelled: {
    tone: "neutral",
    nextAction: null,
    panels: USUAL,
    needsAttention: false,
    live: false,
    over: true,
  },
  // From the detail `state`, read only when the lifecycle is missing or unknown.
  depositUnpaid: { tone: "attention", nextAction: null, panels: WAITING, needsAttention: true, live: false },
  depositPending: { tone: "ok", nextAction: null, panels: WAITING, needsAttention: false, live: false },
  depositPaid: { tone: "done", nextAction: null, panels: WAITING, needsAttention: false, live: false },
  orderFulfilled: { tone: "done", nextAction: null, panels: WAITING, needsAttention: false, live: false },
  // Neutral and honest: we don't know, so we don't guess; a shipment on its way can still be tracked.
  unknown: {
    tone: "neutral",
    nextAction: "trackPackage",
    panels: WAITING,
    needsAttention: false,
    live: false,
  },
};

const TONES: Readonly<Record<SituationTone, Tone>> = {
  ok: "info",
  attention: "warning",
  problem: "danger",
  done: "success",
  neutral: "neutral",
};

/**
 * The list page's group: needing the customer first, then what still moves (and what we can't place:
 * an unknown status is not "done"), then finished orders.
 */
export function listGroupOf(situation: Situation): ListGroup {
  const row = SITUATIONS[situation];
  if (row.needsAttention) return "attention";
  if (row.live || situation === "unknown" || row.tone === "ok") return "active";
  return "done";
}

/** The headline: words from words.ts, tone from the row. */
export function situationStatus(t: Translator, situation: Situation): StatusView {
  return { ...situationWords(t, situation), tone: TONES[SITUATIONS[situation].tone] };
}

// ---------------------------------------------------------------------------------------------------------
// Per API value
// ---------------------------------------------------------------------------------------------------------

type KnownLifecycle = (typeof KNOWN_LIFECYCLES)[number];
type KnownMilestoneKey = (typeof KNOWN_MILESTONE_KEYS)[number];
type KnownState = (typeof KNOWN_STATES)[number];
type KnownTrackingStatus = (typeof KNOWN_TRACKING_STATUSES)[number];
type KnownWaitlistReason = (typeof KNOWN_WAITLIST_REASONS)[number];

/** Where an order stands in its journey; decides fulfilment flow, deposits, returns and the timeline. */
type Stage =
  | "unfinished"
  | "waiting"
  | "confirmed"
  | "shipping"
  | "handedOver"
  | "lease"
  | "return"
  | "closed";

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
  returned: { situation: "returned", stage: "closed", fulfilment: null, step: "returnCompleted" },
  cancelled: { situation: "cancelled", stage: "closed", fulfilment: null, step: "cancelled" },
};

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

// ---------------------------------------------------------------------------------------------------------
// Facts other modules ask about (so none of them compares a lifecycle itself)
// ---------------------------------------------------------------------------------------------------------

/** The lifecycle's stage, or null when the lifecycle is missing or unknown. */
function stageOf(lifecycle: string | null | undefined): Stage | null {
  return lifecycleRow(lifecycle)?.stage ?? null;
}

/** The situation the lifecycle alone describes (before problems and refinements), or null when unknown. */
export function lifecycleSituation(lifecycle: string | null | undefined): Situation | null {
  return lifecycleRow(lifecycle)?.situation ?? null;
}

/** When the API's progress says a milestone was completed, or null. */
export function milestoneCompletedAt(
  progress: CheckoutRecord["progress"],
  key: KnownMilestoneKey,
): string | null {
  return progress?.milestones.find((milestone) => milestone.key === key)?.completedAt ?? null;
}

/** True for the cancellation step a cancelled checkout's progress may carry (not a documented key). */
export function isCancellationMilestone(key: string): boolean {
  return key === "cancelled";
}

/** The timeline step the lifecycle stands on, or null when unknown. */
export function lifecycleStep(lifecycle: string | null | undefined): LifecycleStep | null {
  return lifecycleRow(lifecycle)?.step ?? null;
}

/** True before the customer completed checkout (waitlisted checkouts are complete: they wait on us). */
export function isUnfinishedCheckout(lifecycle: string | null | undefined): boolean {
  return stageOf(lifecycle) === "unfinished";
}

/** True while the order waits on us, or when its lifecycle is unknown (a waitlist reason may explain it). */
export function mayBeWaiting(lifecycle: string | null | undefined): boolean {
  const stage = stageOf(lifecycle);
  return stage === null || stage === "waiting";
}

/** True once the order has been handed over (delivered or collected) or gone past that. */
export function isHandedOver(lifecycle: string | null | undefined): boolean {
  const row = lifecycleRow(lifecycle);
  if (row === null) return false;
  return ["handedOver", "lease", "return"].includes(row.stage) || row.situation === "returned";
}

/** True for a lifecycle that puts the order in a return (started or done). */
export function isInReturn(lifecycle: string | null | undefined): boolean {
  return stageOf(lifecycle) === "return" || lifecycleRow(lifecycle)?.situation === "returned";
}

type DepositFacts = Pick<CheckoutRecord, "lifecycle" | "depositTimestamp">;

/**
 * True when the deposit counts as paid: a `depositTimestamp` past checkout, or a detail `state` that says
 * so. A timestamp on an unfinished checkout is a hold: telling a customer they paid before the order is
 * confirmed would be wrong if the hold lapses.
 */
export function hasPaidDeposit(facts: DepositFacts, state: string | null = null): boolean {
  if (stateRow(state)?.deposit === "taken") return true;
  return facts.depositTimestamp !== null && !isUnfinishedCheckout(facts.lifecycle);
}

/** True when the detail `state` says a deposit is on hold. */
function stateHoldsDeposit(state: string | null): boolean {
  return stateRow(state)?.deposit === "held";
}

type FulfilmentFacts = Pick<
  CheckoutRecord,
  | "lifecycle"
  | "pickupLocationId"
  | "trackingCarrier"
  | "trackingNumber"
  | "trackingStatus"
  | "shippedAt"
  | "deliveredAt"
  | "signedBy"
>;

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
  const fulfilment = lifecycleRow(facts.lifecycle)?.fulfilment ?? null;
  if (fulfilment !== null) return fulfilment === "pickup";
  return facts.pickupLocationId !== null && !hasShipmentData(facts);
}

type ReturnState = "initiated" | "cancelled" | "completed";

type ReturnFacts = Pick<
  CheckoutRecord,
  "lifecycle" | "returnInitiatedAt" | "returnCancelledAt" | "returnCompletedAt"
>;

/**
 * Completed beats everything; a return under way (lifecycle says so) beats an older cancelled one;
 * otherwise a cancellation timestamp means the return was called off.
 */
export function returnStateOf(record: ReturnFacts): ReturnState | null {
  const row = lifecycleRow(record.lifecycle);
  if (record.returnCompletedAt !== null || row?.situation === "returned") return "completed";
  if (row?.stage === "return") return "initiated";
  if (record.returnCancelledAt !== null) return "cancelled";
  if (record.returnInitiatedAt !== null) return "initiated";
  return null;
}

type PaymentProblemFacts = Pick<
  CheckoutRecord,
  "lastPaymentError" | "lastPaymentErrorCode" | "paymentFailureCount"
>;

export function hasPaymentProblem(record: PaymentProblemFacts): boolean {
  return (
    Boolean(record.lastPaymentErrorCode?.trim()) ||
    Boolean(record.lastPaymentError?.trim()) ||
    (record.paymentFailureCount ?? 0) > 0
  );
}

/** A hold this close to expiry (or past it) is worth a warning: the customer may have to act. */
const PREAUTH_WARNING_MS = 72 * 60 * 60 * 1000;

export type Hold = { expiresAt: string | null; expiresSoon: boolean };

type HoldFacts = DepositFacts & Pick<CheckoutRecord, "depositPreauthExpiresAt">;

/** The deposit hold on the customer's card, when there is one (not paid, not released). */
export function depositHoldOf(record: HoldFacts, state: string | null, now: Date): Hold | null {
  if (hasPaidDeposit(record, state)) return null;
  // A cancelled checkout's hold is released: nothing left to say about it.
  if (stageOf(record.lifecycle) === "closed") return null;
  const held =
    record.depositPreauthExpiresAt !== null || record.depositTimestamp !== null || stateHoldsDeposit(state);
  if (!held) return null;
  const expiresMs = timeOf(record.depositPreauthExpiresAt);
  // Past expiry still counts as "soon": the page keeps warning until someone acts.
  const expiresSoon = expiresMs !== null && expiresMs - now.getTime() <= PREAUTH_WARNING_MS;
  return { expiresAt: record.depositPreauthExpiresAt, expiresSoon };
}

// ---------------------------------------------------------------------------------------------------------
// The situation, with its precedence
// ---------------------------------------------------------------------------------------------------------

export type SituationFacts = {
  record: CheckoutRecord;
  /** The detail endpoint's `state`, when it was read for this checkout. */
  state: string | null;
  now: Date;
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
export function situationOf({ record, state, now }: SituationFacts): Situation {
  const row = lifecycleRow(record.lifecycle);
  if (row?.stage === "closed") return row.situation;
  const hold = depositHoldOf(record, state, now);
  if (row?.stage === "unfinished") return hold?.expiresSoon ? "depositHoldExpiring" : "continueCheckout";
  if (hasPaymentProblem(record)) return "paymentFailed";
  if (hold?.expiresSoon) return "depositHoldExpiring";
  const returnState = returnStateOf(record);
  if (returnState === "completed") return "returned";
  if (returnState === "initiated") return "returnStarted";
  const base = row?.situation ?? stateRow(state)?.situation ?? "unknown";
  if (base === "waitlisted") return waitlistSituation(record.waitlistReason);
  if (row?.stage === "shipping" && row.fulfilment === "shipment")
    return trackedSituation(record.trackingStatus);
  return base;
}

function waitlistSituation(reason: string | null): Situation {
  return isKnown(KNOWN_WAITLIST_REASONS, reason) ? WAITLIST_REASONS[reason] : "waitlisted";
}

function trackedSituation(trackingStatus: string | null): Situation {
  return isKnown(KNOWN_TRACKING_STATUSES, trackingStatus) ? TRACKING[trackingStatus] : "shipped";
}

/** The waitlist panel's reason: the same words as the headline of that waitlist situation. */
export function waitlistReasonStatus(t: Translator, reason: string | null): StatusView {
  return situationStatus(t, waitlistSituation(reason));
}
