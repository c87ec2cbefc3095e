import { checkoutFlowStateFor, stateFor } from "./lifecycle";
import type { CheckoutRecord } from "./types";

/**
 * What each endpoint shows of a stored checkout, field for field as documented: the list endpoint
 * (doc 000) and the detail endpoint (doc 001) expose different sets.
 */

export type JsonObject = { [key: string]: unknown };

/** Doc 000 "Always Present": the key is always sent, with `null` when there is no value. */
const LIST_ALWAYS_PRESENT_FIELDS = [
  "id",
  "createdAt",
  "updatedAt",
  "lifecycle",
  "insuranceStatus",
  "recurringPaymentStatus",
  "offtakePartnerId",
  "checkoutUrl",
  "customerId",
  "progress",
] as const satisfies readonly (keyof CheckoutRecord)[];

/** Doc 000 "Optional": sent only when the checkout has a value. */
const LIST_OPTIONAL_FIELDS = [
  "billingAddress",
  "billingAddressLocked",
  "cancelUrl",
  "deliveredAt",
  "depositInvoiceId",
  "depositPreauthExpiresAt",
  "depositTimestamp",
  "externalOrderId",
  "failureUrl",
  "lastPaymentError",
  "lastPaymentErrorAt",
  "lastPaymentErrorCode",
  "leaseDocumentId",
  "leaseEndDate",
  "leaseStartDate",
  "leaseTermId",
  "paymentFailureCount",
  "pickupLocationId",
  "previousLifecycle",
  "purchaseItems",
  "recurringPaymentMethod",
  "recurringPaymentMethodId",
  "returnCancelledAt",
  "returnCompletedAt",
  "returnInitiatedAt",
  "returnNotes",
  "returnReason",
  "shippedAt",
  "shippingAddress",
  "shippingAddressLocked",
  "signedBy",
  "stripeDepositPaymentIntentId",
  "stripeSubscriptionId",
  "successUrl",
  "trackingCarrier",
  "trackingNumber",
  "trackingStatus",
  "waitlistLocationAddress",
  "waitlistLocationReasonCode",
  "waitlistReason",
  "locationMessage",
  "organizationId",
] as const satisfies readonly (keyof CheckoutRecord)[];

/** Doc 001 required fields copied straight from the record (state, flow state, fees and count are derived). */
const DETAIL_STORED_REQUIRED_FIELDS = [
  "id",
  "createdAt",
  "updatedAt",
  "customerId",
  "checkoutUrl",
  "checkoutSessionId",
  "insuranceStatus",
  "recurringPaymentStatus",
  "offtakePartnerId",
] as const satisfies readonly (keyof CheckoutRecord)[];

/** Doc 001 optional fields: sent only when the checkout has a value. */
const DETAIL_OPTIONAL_FIELDS = [
  "cancelUrl",
  "successUrl",
  "failureUrl",
  "depositInvoiceId",
  "depositTimestamp",
  "externalOrderId",
  "lastPaymentError",
  "lastPaymentErrorAt",
  "lastPaymentErrorCode",
  "leaseDocumentId",
  "leaseStartDate",
  "leaseEndDate",
  "leaseTermId",
  "pickupLocationId",
  "shippingAddress",
  "stripeSubscriptionId",
] as const satisfies readonly (keyof CheckoutRecord)[];

export function toListItem(record: CheckoutRecord): JsonObject {
  const item: JsonObject = {};
  for (const field of LIST_ALWAYS_PRESENT_FIELDS) item[field] = record[field] ?? null;
  copyPresentFields(record, item, LIST_OPTIONAL_FIELDS);
  return item;
}

export function toDetail(record: CheckoutRecord): JsonObject {
  const detail: JsonObject = {};
  for (const field of DETAIL_STORED_REQUIRED_FIELDS) detail[field] = record[field] ?? null;
  detail.state = stateFor(record);
  detail.checkoutFlowState = checkoutFlowStateFor(record);
  detail.paymentFailureCount = record.paymentFailureCount ?? 0;
  detail.arbitraryFees = record.arbitraryFees ?? [];
  copyPresentFields(record, detail, DETAIL_OPTIONAL_FIELDS);
  return detail;
}

function copyPresentFields(
  record: CheckoutRecord,
  target: JsonObject,
  fields: readonly (keyof CheckoutRecord)[],
): void {
  for (const field of fields) {
    const value = record[field];
    if (value !== undefined) target[field] = value;
  }
}
