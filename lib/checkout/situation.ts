import type { ListGroup, NextAction, PanelId, Tone } from "./types";

/*
 * The situation table: the closed set of situations a customer can be in, and what each one means on
 * the page (tone, the one next action, the panels that matter and their order, whether it needs the
 * customer, whether it still moves). facts.ts decides which situation a record is in, with the
 * precedence; words.ts holds each situation's words. This module reads no record and no words.
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

/** The tone a situation's headline is shown in. */
export function situationTone(situation: Situation): Tone {
  return TONES[SITUATIONS[situation].tone];
}
