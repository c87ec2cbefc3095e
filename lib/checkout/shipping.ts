import { isoTimestamp } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutRecord } from "@/lib/sweetspot/schemas";
import { addressLines } from "./addresses";
import { carrierName, MAX_TRACKING_NUMBER_LENGTH, trackingUrlFor } from "./carriers";
import {
  hasShipmentData,
  isHandedOver,
  isPickupCheckout,
  isUnfinishedCheckout,
  lifecycleSituation,
  milestoneCompletedAt,
  type Situation,
} from "./situation";
import { singleLineText } from "./text";
import type { ShippingView } from "./types";
import { type PickupStage, pickupStatusView, trackingStatusView } from "./words";

const MAX_SIGNED_BY_LENGTH = 120;

/**
 * The shipping panel: a shipment when anything about one is known, a pickup when the checkout follows
 * the pickup flow, else null. The pickup location's id is internal and never shown.
 */
export function shippingViewFor(record: CheckoutRecord, t: Translator): ShippingView | null {
  if (isPickupCheckout(record)) return pickupView(record, t);
  if (!hasShipmentData(record)) return null;
  return {
    kind: "shipment",
    carrierName: carrierName(record.trackingCarrier),
    trackingNumber: singleLineText(record.trackingNumber, MAX_TRACKING_NUMBER_LENGTH),
    trackingUrl: trackingUrlFor(record.trackingCarrier, record.trackingNumber),
    trackingStatus: record.trackingStatus === null ? null : trackingStatusView(t, record.trackingStatus),
    shippedAt: isoTimestamp(record.shippedAt),
    deliveredAt: isoTimestamp(record.deliveredAt),
    signedBy: singleLineText(record.signedBy, MAX_SIGNED_BY_LENGTH),
    address: addressLines(record.shippingAddress),
  };
}

function pickupView(record: CheckoutRecord, t: Translator): ShippingView | null {
  // An unfinished checkout has chosen pickup but has nothing to collect yet.
  if (isUnfinishedCheckout(record.lifecycle)) return null;
  const readyAt = isoTimestamp(milestoneCompletedAt(record.progress, "readyForPickup"));
  const pickedUpAt = isoTimestamp(milestoneCompletedAt(record.progress, "pickedUp"));
  return {
    kind: "pickup",
    status: pickupStatusView(t, pickupStage(record, readyAt, pickedUpAt)),
    readyAt,
    pickedUpAt,
  };
}

const PICKUP_STAGE_OF: Partial<Record<Situation, PickupStage>> = {
  cancelled: "cancelled",
  readyForPickup: "ready",
};

function pickupStage(record: CheckoutRecord, readyAt: string | null, pickedUpAt: string | null): PickupStage {
  // The pickup's own stage: what the lifecycle says, whatever payment problem the headline shows.
  const lifecycle = lifecycleSituation(record.lifecycle);
  const stage = lifecycle === null ? undefined : PICKUP_STAGE_OF[lifecycle];
  if (stage === "cancelled") return stage;
  if (pickedUpAt !== null || isHandedOver(record.lifecycle)) return "pickedUp";
  if (readyAt !== null || stage === "ready") return "ready";
  return "preparing";
}
