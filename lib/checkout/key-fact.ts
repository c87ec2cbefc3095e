import type { Translator } from "@/lib/i18n/translator";
import { latestMilestone } from "./panels/timeline";
import type { Situation } from "./situation";
import type { CheckoutView, KeyFactView } from "./types";
import { failuresText, type KeyFactWord, keyFactLabel, trackingFact } from "./words";

type KeyFactParts = Pick<
  CheckoutView,
  "timeline" | "shipping" | "payments" | "lease" | "returns" | "waitlist" | "updatedAt"
>;

/**
 * The one fact that matters now, said beside the headline (each situation's panel holds the rest),
 * taken from the panels already built.
 */
export function keyFactFor(
  t: Translator,
  situation: Situation,
  headline: string,
  parts: KeyFactParts,
): KeyFactView | null {
  const dated = (word: KeyFactWord, at: string, withTime: boolean): KeyFactView => ({
    label: keyFactLabel(t, word),
    at,
    withTime,
  });
  const { shipping, payments, lease, returns, waitlist } = parts;
  const problem = payments?.problem ?? null;
  const deposit = payments?.deposit ?? null;
  switch (situation) {
    case "paymentFailed":
      if (problem) return text(failuresText(t, problem.message, problem.failureCount));
      break;
    case "depositHoldExpiring":
    case "continueCheckout":
      if (deposit?.kind === "preauthorized" && deposit.expiresAt)
        return dated("holdEnds", deposit.expiresAt, true);
      break;
    case "shipped":
    case "outForDelivery":
    case "carrierException":
      if (shipping?.kind === "shipment" && (shipping.carrierName || shipping.trackingNumber))
        return text(trackingFact(shipping.carrierName, shipping.trackingNumber));
      break;
    case "waitlistedForLocation":
      if (waitlist?.locationMessage) return text(waitlist.locationMessage);
      break;
    case "delivered":
      if (shipping?.kind === "shipment" && shipping.deliveredAt)
        return dated("delivered", shipping.deliveredAt, true);
      break;
    case "pickedUp":
      if (shipping?.kind === "pickup" && shipping.pickedUpAt)
        return dated("pickedUp", shipping.pickedUpAt, true);
      break;
    case "readyForPickup":
      if (shipping?.kind === "pickup" && shipping.readyAt) return dated("readySince", shipping.readyAt, true);
      break;
    case "leaseActive":
      if (lease?.endDate) return dated("leaseEnds", lease.endDate, false);
      if (lease?.startDate) return dated("leaseStarts", lease.startDate, false);
      break;
    case "returnStarted":
      if (returns?.initiatedAt) return dated("returnStarted", returns.initiatedAt, false);
      break;
    case "returned":
      if (returns?.completedAt) return dated("returnCompleted", returns.completedAt, false);
      break;
    default:
      break;
  }
  const latest = latestMilestone(parts.timeline);
  if (latest === null) return null;
  // "Order confirmed" under the headline "Order confirmed" says it twice: only the date is news.
  const repeats = latest.label === headline;
  if (repeats && latest.at === null) {
    if (parts.updatedAt === null) return null;
    return dated("updated", parts.updatedAt, false);
  }
  return { label: repeats ? keyFactLabel(t, "since") : latest.label, at: latest.at, withTime: false };
}

function text(label: string): KeyFactView {
  return { label, at: null, withTime: false };
}
