import { isoTimestamp } from "@/lib/dates";
import type { CheckoutRecord } from "@/lib/sweetspot/schemas";
import { addressLines } from "./addresses";
import { carrierName, MAX_TRACKING_NUMBER_LENGTH, trackingUrlFor } from "./carriers";
import { hasShipmentData, isPickupCheckout } from "./lifecycle";
import { singleLineText } from "./text";
import type { ShippingView } from "./types";
import { hasLifecycleWords, type PickupStage, pickupStatusView, trackingStatusView } from "./words";

const MAX_SIGNED_BY_LENGTH = 120;

/** Lifecycles in which a pickup order has been collected. */
const COLLECTED_LIFECYCLES: ReadonlySet<string> = new Set([
  "pickedUp",
  "leaseActive",
  "returnInitiated",
  "returned",
]);

/**
 * The shipping panel: a shipment when anything about one is known, a pickup when the checkout follows
 * the pickup flow, else null. The pickup location's id is internal and never shown.
 */
export function shippingViewFor(record: CheckoutRecord): ShippingView | null {
  if (isPickupCheckout(record)) return pickupView(record);
  if (!hasShipmentData(record)) return null;
  return {
    kind: "shipment",
    carrierName: carrierName(record.trackingCarrier),
    trackingNumber: singleLineText(record.trackingNumber, MAX_TRACKING_NUMBER_LENGTH),
    trackingUrl: trackingUrlFor(record.trackingCarrier, record.trackingNumber),
    trackingStatus: record.trackingStatus === null ? null : trackingStatusView(record.trackingStatus),
    shippedAt: isoTimestamp(record.shippedAt),
    deliveredAt: isoTimestamp(record.deliveredAt),
    signedBy: singleLineText(record.signedBy, MAX_SIGNED_BY_LENGTH),
    address: addressLines(record.shippingAddress),
  };
}

/** True while a shipment is on its way (the moment "Track package" is the action that matters). */
export function isInTransit(record: CheckoutRecord): boolean {
  if (record.lifecycle === "shipped") return true;
  // A lifecycle we have no words for: trust the timestamps.
  return !hasLifecycleWords(record.lifecycle) && record.shippedAt !== null && record.deliveredAt === null;
}

function pickupView(record: CheckoutRecord): ShippingView | null {
  // An unfinished checkout has chosen pickup but has nothing to collect yet.
  if (record.lifecycle === "created") return null;
  const completedAt = (key: string) =>
    isoTimestamp(record.progress?.milestones.find((milestone) => milestone.key === key)?.completedAt);
  const readyAt = completedAt("readyForPickup");
  const pickedUpAt = completedAt("pickedUp");
  return {
    kind: "pickup",
    status: pickupStatusView(pickupStage(record, readyAt, pickedUpAt)),
    readyAt,
    pickedUpAt,
  };
}

function pickupStage(record: CheckoutRecord, readyAt: string | null, pickedUpAt: string | null): PickupStage {
  if (record.lifecycle === "cancelled") return "cancelled";
  if (pickedUpAt !== null || (record.lifecycle !== null && COLLECTED_LIFECYCLES.has(record.lifecycle))) {
    return "pickedUp";
  }
  if (readyAt !== null || record.lifecycle === "readyForPickup") return "ready";
  return "preparing";
}
