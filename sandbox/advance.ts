import { MS_PER_DAY } from "./clock";
import { nextLifecycle } from "./lifecycle";
import { completionTimesOf, milestoneOfLifecycle, milestonePlanFor, progressUpTo } from "./progress";
import type { CheckoutRecord } from "./types";

/**
 * The control endpoint's "advance": the next step of a checkout's life, with fresh timestamps, so a
 * tester can watch one checkout move through the portal.
 */

const MS_PER_YEAR = 365 * MS_PER_DAY;

/** The checkout one lifecycle further, or undefined when its lifecycle has no successor. */
export function advancedCheckout(record: CheckoutRecord, now: Date): CheckoutRecord | undefined {
  const next = nextLifecycle(record);
  if (next === undefined) return undefined;
  const at = now.toISOString();
  const slug = record.id.slice(4);
  const updated: CheckoutRecord = { ...record, lifecycle: next, updatedAt: at };

  switch (next) {
    case "orderConfirmed":
      // The deposit is captured and the pre-authorization no longer runs out; any waitlist is over.
      updated.insuranceStatus = "approved";
      updated.depositTimestamp ??= at;
      updated.stripeDepositPaymentIntentId ??= `pi_3Sbx${slug}`;
      updated.depositInvoiceId ??= `in_1Sbx${slug}`;
      delete updated.depositPreauthExpiresAt;
      delete updated.waitlistReason;
      delete updated.waitlistLocationAddress;
      delete updated.waitlistLocationReasonCode;
      delete updated.locationMessage;
      break;
    case "shipped":
      updated.shippedAt = at;
      updated.trackingCarrier ??= "ups";
      updated.trackingNumber ??= `1ZSBX${slug.toUpperCase()}`;
      updated.trackingStatus = "in_transit";
      break;
    case "delivered":
      updated.deliveredAt = at;
      updated.trackingStatus = "delivered";
      updated.signedBy ??= "Front door";
      break;
    case "leaseActive":
      updated.leaseStartDate = at.slice(0, 10);
      updated.leaseEndDate = new Date(now.getTime() + MS_PER_YEAR).toISOString().slice(0, 10);
      updated.leaseTermId ??= "lt_12m";
      updated.recurringPaymentStatus = "active";
      updated.stripeSubscriptionId ??= `sub_1Sbx${slug}`;
      updated.leaseDocumentId ??= `pd_${slug}Lease`;
      updated.recurringPaymentMethodId ??= `pm_1Sbx${slug}`;
      break;
    case "returned":
      updated.returnCompletedAt = at;
      updated.previousLifecycle = record.lifecycle;
      updated.recurringPaymentStatus = "cancelled";
      break;
  }

  const reached = milestoneOfLifecycle(next);
  if (reached !== undefined) {
    const known = completionTimesOf(record.progress);
    const fallback: Record<string, string | undefined> = {
      checkoutStarted: record.createdAt ?? undefined,
      depositPaid: updated.depositTimestamp,
    };
    updated.progress = progressUpTo(milestonePlanFor(updated), reached, (key) =>
      key === reached ? at : (known.get(key) ?? fallback[key] ?? at),
    );
  }
  return updated;
}
