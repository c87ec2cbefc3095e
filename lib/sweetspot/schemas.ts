import { z } from "zod";
import { findDuplicateKeys } from "./duplicate-keys";
import { UpstreamInvalidResponseError } from "./errors";
import { CHECKOUT_ID_PATTERN } from "./ids";
import { count, dateOrTimestamp, flag, integer, openEnum, text, timestamp, wholeNumber } from "./values";

/*
 * Response schemas for GET /v1/checkouts (list items) and GET /v1/checkouts/{id} (detail).
 *
 * Strict envelope, per-record judgement (sweetspot-api.md §2–3): a body that is not an array (list) or
 * object (detail) is an upstream error; each list record is judged alone. A record needs a usable `id`
 * and no repeated JSON key, else it is skipped (and reported by index and field, never content). Every
 * other field parses to `value | null` with strict readers (./values.ts): timestamps must be ISO 8601
 * with time and offset, numeric strings are read as numbers, enum values are normalised to the
 * canonical spelling of the KNOWN_* lists below (unknown ones stay as trimmed strings). Extra fields
 * are stripped.
 *
 * Internal ids (Stripe `checkoutSessionId`, `stripe…`, `depositInvoiceId`, `recurringPaymentMethodId`,
 * PandaDoc `leaseDocumentId`, `offtakePartnerId`) are deliberately NOT parsed: the portal never needs them,
 * and what is stripped here cannot reach a browser by accident.
 */

// ---------------------------------------------------------------------------------------------------------
// Documented values. Enumerations are open: records keep any string; these lists are for lookups and words.
// ---------------------------------------------------------------------------------------------------------

export const DOCUMENTED_LIFECYCLES = ["created", "orderConfirmed", "leaseActive"] as const;
export const KNOWN_STATES = ["unpaid", "pendingDeposit", "waitlisted", "deposited", "fulfilled"] as const;
export const KNOWN_INSURANCE_STATUSES = ["pending", "approved", "denied"] as const;
export const KNOWN_RECURRING_PAYMENT_STATUSES = ["pending", "active", "cancelled"] as const;
export const KNOWN_WAITLIST_REASONS = ["inventory", "location"] as const;

// ---------------------------------------------------------------------------------------------------------
// ASSUMPTIONS — everything below until the next rule is OUR guess at undocumented shapes and values
// (docs/api-assumptions.md; the sandbox emits exactly these). If the real API differs, change it here only:
//   - lifecycles beyond the documented three, milestone keys, carriers, tracking statuses, payment error codes
//   - `progress`: { currentMilestone: string | null, milestones: [{ key, label, completedAt }] }; any other
//     shape parses to null (no progress shown) rather than failing the record
//   - addresses: { line1, line2?, city, region, postalCode, country }
//   - purchaseItems: [{ id, name, quantity, sku? }]; arbitraryFees: [{ name, amountCents, currency }]
//   - recurringPaymentMethod: { type, … } of which only `type` is kept
//   - organizationId: integer per the query docs, "OrganizationPubId" per the response docs: both accepted
// ---------------------------------------------------------------------------------------------------------

export const KNOWN_LIFECYCLES = [
  ...DOCUMENTED_LIFECYCLES,
  "waitlisted",
  "shipped",
  "delivered",
  "readyForPickup",
  "pickedUp",
  "returnInitiated",
  "returned",
  "cancelled",
] as const;

export const KNOWN_MILESTONE_KEYS = [
  "checkoutStarted",
  "depositPaid",
  "insuranceApproved",
  "orderConfirmed",
  "shipped",
  "delivered",
  "readyForPickup",
  "pickedUp",
  "leaseActive",
  "returnInitiated",
  "returnCompleted",
] as const;

/** Canonical spellings; the API's case and separators may vary (normalised by ./values.ts). */
export const KNOWN_TRACKING_CARRIERS = ["ups", "fedex", "usps", "dhl"] as const;

export const KNOWN_TRACKING_STATUSES = [
  "label_created",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "exception",
  "returned_to_sender",
] as const;

export const KNOWN_PAYMENT_ERROR_CODES = [
  "card_declined",
  "insufficient_funds",
  "expired_card",
  "authentication_required",
] as const;

const organizationId = z.union([z.int(), z.string()]).nullable().catch(null);

/** A field that is `null` unless its value matches `schema` as a whole. */
function orNull<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .optional()
    .transform((value): z.output<T> | null => {
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : null;
    });
}

/** An array field: `null` unless an array; entries that do not match `entry` are dropped. */
function listOf<T extends z.ZodType>(entry: T) {
  return z
    .unknown()
    .optional()
    .transform((value): z.output<T>[] | null => (Array.isArray(value) ? keepValid(entry, value) : null));
}

function keepValid<T extends z.ZodType>(entry: T, values: unknown[]): z.output<T>[] {
  return values.flatMap((value) => {
    const parsed = entry.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

const addressSchema = z
  .object({
    line1: text,
    line2: text,
    city: text,
    region: text,
    postalCode: text,
    country: text,
  })
  // An object with nothing we recognise is no address.
  .refine((address) => Object.values(address).some((value) => value !== null));

const milestoneKey = openEnum(KNOWN_MILESTONE_KEYS);

const milestoneSchema = z.object({
  key: milestoneKey.pipe(z.string()),
  label: text,
  completedAt: timestamp,
});

const progressSchema = z
  .object({
    currentMilestone: milestoneKey,
    milestones: z.array(z.unknown()),
  })
  .transform(({ currentMilestone, milestones }) => ({
    currentMilestone,
    milestones: keepValid(milestoneSchema, milestones),
  }));

const purchaseItemSchema = z.object({
  id: text,
  name: z.string(),
  quantity: count,
  sku: text,
});

const feeSchema = z.object({
  name: text,
  amountCents: wholeNumber(z.int()),
  currency: text,
});

const paymentMethodSchema = z.object({ type: openEnum([]).pipe(z.string()) });

// ---------------------------------------------------------------------------------------------------------
// End of assumptions.
// ---------------------------------------------------------------------------------------------------------

const checkoutId = z.string().regex(CHECKOUT_ID_PATTERN);

const lifecycle = openEnum(KNOWN_LIFECYCLES);
const insuranceStatus = openEnum(KNOWN_INSURANCE_STATUSES);
const recurringPaymentStatus = openEnum(KNOWN_RECURRING_PAYMENT_STATUSES);
const paymentErrorCode = openEnum(KNOWN_PAYMENT_ERROR_CODES);

/** One item of GET /v1/checkouts. The only source of lifecycle, progress, tracking, returns, waitlist. */
export const checkoutRecordSchema = z.object({
  id: checkoutId,
  createdAt: timestamp,
  updatedAt: timestamp,
  customerId: text,
  lifecycle,
  previousLifecycle: lifecycle,
  insuranceStatus,
  recurringPaymentStatus,
  progress: orNull(progressSchema),
  organizationId,
  externalOrderId: text,
  checkoutUrl: text,
  cancelUrl: text,
  successUrl: text,
  failureUrl: text,
  billingAddress: orNull(addressSchema),
  billingAddressLocked: flag,
  shippingAddress: orNull(addressSchema),
  shippingAddressLocked: flag,
  pickupLocationId: integer,
  purchaseItems: listOf(purchaseItemSchema),
  shippedAt: timestamp,
  deliveredAt: timestamp,
  signedBy: text,
  trackingCarrier: openEnum(KNOWN_TRACKING_CARRIERS),
  trackingNumber: text,
  trackingStatus: openEnum(KNOWN_TRACKING_STATUSES),
  returnInitiatedAt: timestamp,
  returnCancelledAt: timestamp,
  returnCompletedAt: timestamp,
  returnReason: text,
  returnNotes: text,
  waitlistReason: openEnum(KNOWN_WAITLIST_REASONS),
  waitlistLocationAddress: orNull(addressSchema),
  waitlistLocationReasonCode: openEnum([]),
  locationMessage: openEnum([]),
  lastPaymentError: text,
  lastPaymentErrorAt: timestamp,
  lastPaymentErrorCode: paymentErrorCode,
  paymentFailureCount: count,
  depositTimestamp: timestamp,
  depositPreauthExpiresAt: timestamp,
  recurringPaymentMethod: orNull(paymentMethodSchema),
  leaseStartDate: dateOrTimestamp,
  leaseEndDate: dateOrTimestamp,
  leaseTermId: text,
});

/** GET /v1/checkouts/{id}: adds `state`, `checkoutFlowState` and fees; lacks lifecycle, progress, tracking. */
export const checkoutDetailRecordSchema = z.object({
  id: checkoutId,
  createdAt: timestamp,
  updatedAt: timestamp,
  customerId: text,
  state: openEnum(KNOWN_STATES),
  checkoutFlowState: openEnum([]),
  insuranceStatus,
  recurringPaymentStatus,
  paymentFailureCount: count,
  arbitraryFees: listOf(feeSchema),
  externalOrderId: text,
  checkoutUrl: text,
  cancelUrl: text,
  successUrl: text,
  failureUrl: text,
  depositTimestamp: timestamp,
  lastPaymentError: text,
  lastPaymentErrorAt: timestamp,
  lastPaymentErrorCode: paymentErrorCode,
  leaseStartDate: dateOrTimestamp,
  leaseEndDate: dateOrTimestamp,
  leaseTermId: text,
  pickupLocationId: integer,
  shippingAddress: orNull(addressSchema),
});

export type CheckoutRecord = z.output<typeof checkoutRecordSchema>;
export type CheckoutDetailRecord = z.output<typeof checkoutDetailRecordSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
export type Address = z.output<typeof addressSchema>;
export type PurchaseItem = z.output<typeof purchaseItemSchema>;
export type Fee = z.output<typeof feeSchema>;

/** Narrows an open value to one of a known list, e.g. `isKnown(KNOWN_LIFECYCLES, record.lifecycle)`. */
export function isKnown<T extends string>(known: readonly T[], value: string | null | undefined): value is T {
  return typeof value === "string" && (known as readonly string[]).includes(value);
}

/** A list record that was not shown: its position in the answer and the field that failed (never content). */
export type SkippedRecord = { index: number; field: string };

type ParsedList = { records: CheckoutRecord[]; skipped: SkippedRecord[] };

/**
 * Parses a list body. Not an array: the whole response is invalid. Otherwise each item stands alone: one
 * without a usable `id`, or with a repeated key (`text` is the raw body; `JSON.parse` hides repeats), is
 * skipped and reported.
 */
export function parseCheckoutList(body: unknown, text?: string, path = "/v1/checkouts"): ParsedList {
  if (!Array.isArray(body)) {
    throw new UpstreamInvalidResponseError(`Sweet Spot API sent a non-array list for GET ${path}`, { path });
  }
  const repeated = text === undefined ? new Set<number>() : findDuplicateKeys(text).items;
  const records: CheckoutRecord[] = [];
  const skipped: SkippedRecord[] = [];
  body.forEach((item, index) => {
    if (repeated.has(index)) {
      skipped.push({ index, field: "(repeated key)" });
      return;
    }
    const parsed = checkoutRecordSchema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
    else skipped.push({ index, field: failingField(parsed.error) });
  });
  return { records, skipped };
}

/** The top-level field a schema error is about, or "(record)" when the item is not an object at all. */
function failingField(error: z.ZodError): string {
  const field = error.issues[0]?.path[0];
  return typeof field === "string" ? field : "(record)";
}

/** Parses a detail body. Not an object, no usable `id`, or a repeated key: invalid. */
export function parseCheckoutDetail(
  body: unknown,
  text?: string,
  path = "/v1/checkouts/{id}",
): CheckoutDetailRecord {
  const parsed = checkoutDetailRecordSchema.safeParse(body);
  if (!parsed.success || (text !== undefined && findDuplicateKeys(text).root)) {
    throw new UpstreamInvalidResponseError(
      `Sweet Spot API sent a detail that is not an object with a usable id and unique keys for GET ${path}`,
      { path },
    );
  }
  return parsed.data;
}
