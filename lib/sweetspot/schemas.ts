import { z } from "zod";
import { UpstreamInvalidResponseError } from "./errors";

/*
 * Response schemas for GET /v1/checkouts (list items) and GET /v1/checkouts/{id} (detail).
 *
 * Lenient by rule (see ../shared/sweetspot-api.md §2–3): only a string `id` is required. Every other
 * field parses to `value | null`: missing, null, or of the wrong type all become null, so one odd field
 * never sinks the record. Unknown enum values stay as strings; extra fields are stripped.
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

/** Lower-case; the API's case may vary, so compare with `.toLowerCase()`. */
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

const text = z.string().nullable().catch(null);

/** Any string `Date` can read (ISO timestamps, `YYYY-MM-DD` dates); anything else would crash formatting. */
const timestamp = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)))
  .nullable()
  .catch(null);

const integer = z.int().nullable().catch(null);
const count = z.int().min(0).nullable().catch(null);
const flag = z.boolean().nullable().catch(null);
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

const milestoneSchema = z.object({
  key: z.string().min(1),
  label: text,
  completedAt: timestamp,
});

const progressSchema = z
  .object({
    currentMilestone: text,
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
  amountCents: z.int(),
  currency: text,
});

const paymentMethodSchema = z.object({ type: z.string() });

// ---------------------------------------------------------------------------------------------------------
// End of assumptions.
// ---------------------------------------------------------------------------------------------------------

const checkoutId = z.string().min(1);

/** One item of GET /v1/checkouts. The only source of lifecycle, progress, tracking, returns, waitlist. */
export const checkoutRecordSchema = z.object({
  id: checkoutId,
  createdAt: timestamp,
  updatedAt: timestamp,
  customerId: text,
  lifecycle: text,
  previousLifecycle: text,
  insuranceStatus: text,
  recurringPaymentStatus: text,
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
  trackingCarrier: text,
  trackingNumber: text,
  trackingStatus: text,
  returnInitiatedAt: timestamp,
  returnCancelledAt: timestamp,
  returnCompletedAt: timestamp,
  returnReason: text,
  returnNotes: text,
  waitlistReason: text,
  waitlistLocationAddress: orNull(addressSchema),
  waitlistLocationReasonCode: text,
  locationMessage: text,
  lastPaymentError: text,
  lastPaymentErrorAt: timestamp,
  lastPaymentErrorCode: text,
  paymentFailureCount: count,
  depositTimestamp: timestamp,
  depositPreauthExpiresAt: timestamp,
  recurringPaymentMethod: orNull(paymentMethodSchema),
  leaseStartDate: timestamp,
  leaseEndDate: timestamp,
  leaseTermId: text,
});

/** GET /v1/checkouts/{id}: adds `state`, `checkoutFlowState` and fees; lacks lifecycle, progress, tracking. */
export const checkoutDetailRecordSchema = z.object({
  id: checkoutId,
  createdAt: timestamp,
  updatedAt: timestamp,
  customerId: text,
  state: text,
  checkoutFlowState: text,
  insuranceStatus: text,
  recurringPaymentStatus: text,
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
  lastPaymentErrorCode: text,
  leaseStartDate: timestamp,
  leaseEndDate: timestamp,
  leaseTermId: text,
  pickupLocationId: integer,
  shippingAddress: orNull(addressSchema),
});

export type CheckoutRecord = z.output<typeof checkoutRecordSchema>;
export type CheckoutDetailRecord = z.output<typeof checkoutDetailRecordSchema>;
export type CheckoutProgress = z.output<typeof progressSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
export type Address = z.output<typeof addressSchema>;
export type PurchaseItem = z.output<typeof purchaseItemSchema>;
export type Fee = z.output<typeof feeSchema>;

/** Narrows an open value to one of a known list, e.g. `isKnown(KNOWN_LIFECYCLES, record.lifecycle)`. */
export function isKnown<T extends string>(known: readonly T[], value: string | null | undefined): value is T {
  return typeof value === "string" && (known as readonly string[]).includes(value);
}

/** Parses a list body. Not an array, or an item without a string `id`: the whole response is invalid. */
export function parseCheckoutList(body: unknown, path = "/v1/checkouts"): CheckoutRecord[] {
  if (!Array.isArray(body)) {
    throw new UpstreamInvalidResponseError(`Sweet Spot API sent a non-array list for GET ${path}`, { path });
  }
  return body.map((item, index) => {
    const parsed = checkoutRecordSchema.safeParse(item);
    if (!parsed.success) {
      throw new UpstreamInvalidResponseError(
        `Sweet Spot API sent a list item without a string id (index ${index}) for GET ${path}`,
        { path },
      );
    }
    return parsed.data;
  });
}

/** Parses a detail body. Not an object, or no string `id`: invalid. */
export function parseCheckoutDetail(body: unknown, path = "/v1/checkouts/{id}"): CheckoutDetailRecord {
  const parsed = checkoutDetailRecordSchema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamInvalidResponseError(
      `Sweet Spot API sent a detail that is not an object with a string id for GET ${path}`,
      { path },
    );
  }
  return parsed.data;
}
