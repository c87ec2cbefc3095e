import { isoTimestamp } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutRecord } from "@/lib/sweetspot/schemas";
import { addressLines } from "../addresses";
import { carrierName, MAX_TRACKING_NUMBER_LENGTH, trackingUrlFor } from "../carriers";
import type { CheckoutFacts } from "../facts";
import { singleLineText } from "../text";
import type { ShippingView } from "../types";
import { type PickupStage, pickupStatusView, trackingStatusView } from "../words";

const MAX_SIGNED_BY_LENGTH = 120;

/**
 * The shipping panel: a shipment when anything about one is known, a pickup when the checkout follows
 * the pickup flow, else null. The pickup location's id is internal and never shown.
 */
export function shippingViewFor(facts: CheckoutFacts, t: Translator): ShippingView | null {
  if (facts.fulfilment === "pickup") return pickupView(facts, t);
  if (facts.fulfilment !== "shipment") return null;
  const { record } = facts;
  return {
    kind: "shipment",
    carrierName: carrierName(record.trackingCarrier),
    trackingNumber: singleLineText(record.trackingNumber, MAX_TRACKING_NUMBER_LENGTH),
    trackingUrl: isTracked(facts) ? trackingUrlFor(record.trackingCarrier, record.trackingNumber) : null,
    trackingStatus: record.trackingStatus === null ? null : trackingStatusView(t, record.trackingStatus),
    shippedAt: isoTimestamp(record.shippedAt),
    deliveredAt: isoTimestamp(record.deliveredAt),
    signedBy: singleLineText(record.signedBy, MAX_SIGNED_BY_LENGTH),
    address: addressLines(record.shippingAddress),
  };
}

/**
 * A parcel handed over, then returned or cancelled, is not tracked any more: its carrier link would
 * show an old delivery as the news.
 */
function isTracked({ row, situation }: CheckoutFacts): boolean {
  return row.over !== true && situation !== "returnStarted";
}

function pickupView(facts: CheckoutFacts, t: Translator): ShippingView | null {
  // An unfinished checkout has chosen pickup but has nothing to collect yet.
  if (facts.stage === "unfinished") return null;
  const readyAt = isoTimestamp(milestoneCompletedAt(facts.record.progress, "readyForPickup"));
  const pickedUpAt = isoTimestamp(milestoneCompletedAt(facts.record.progress, "pickedUp"));
  return {
    kind: "pickup",
    status: pickupStatusView(t, pickupStage(facts, readyAt, pickedUpAt)),
    readyAt,
    pickedUpAt,
  };
}

/** The pickup's own stage: what the lifecycle says, whatever payment problem the headline shows. */
function pickupStage(facts: CheckoutFacts, readyAt: string | null, pickedUpAt: string | null): PickupStage {
  if (facts.stage === "cancelled") return "cancelled";
  if (pickedUpAt !== null || facts.handedOver) return "pickedUp";
  if (readyAt !== null || facts.step === "readyForPickup") return "ready";
  return "preparing";
}

/** When the API's progress says a milestone was completed, or null. */
function milestoneCompletedAt(
  progress: CheckoutRecord["progress"],
  key: "readyForPickup" | "pickedUp",
): string | null {
  return progress?.milestones.find((milestone) => milestone.key === key)?.completedAt ?? null;
}
