import { z } from "zod";

/**
 * The view model: everything a customer may see about a checkout, in words and plain values.
 * Built from API records by lib/checkout/view-model.ts; rendered by components/ and returned as is
 * by the JSON route. Holds no internal ids (Stripe, PandaDoc, invoice, offtake partner, organization,
 * customer) and no raw enum names — every label is customer-facing text in the customer's language
 * (lib/checkout/words.ts picks the message, messages/<locale>.json holds it), so a view belongs to one
 * language: saved views are named per language (view-names.ts).
 * Dates are ISO 8601 strings; components format them for the customer's locale and time zone.
 *
 * Each shape is written once, as a zod schema, and its type is derived from it. The schemas read a
 * saved view back from last known good (lib/store): a view saved by an older build that no longer
 * matches reads as "nothing saved", never as a broken page.
 */

const text = z.string();
const nullableText = z.string().nullable();
/** ISO 8601, or null when not known. */
const nullableDate = z.string().nullable();

/** How a status reads at a glance. Never the only carrier of meaning: labels always say it too. */
const toneSchema = z.enum(["neutral", "info", "success", "warning", "danger"]);
export type Tone = z.infer<typeof toneSchema>;

const statusViewSchema = z.object({
  /** Short: "On its way". */
  label: text,
  /** One sentence on what it means for the customer, or null. */
  description: nullableText,
  tone: toneSchema,
});
export type StatusView = z.infer<typeof statusViewSchema>;

const milestoneStateSchema = z.enum(["done", "current", "upcoming"]);
export type MilestoneState = z.infer<typeof milestoneStateSchema>;

const milestoneViewSchema = z.object({
  key: text,
  label: text,
  state: milestoneStateSchema,
  /** When it happened (done steps), else null. */
  at: nullableDate,
});
export type MilestoneView = z.infer<typeof milestoneViewSchema>;

const timelineViewSchema = z.object({
  milestones: z.array(milestoneViewSchema),
  /** "progress" when the API sent milestones, "derived" when the portal worked them out. */
  source: z.enum(["progress", "derived"]),
});
export type TimelineView = z.infer<typeof timelineViewSchema>;

/** The one thing the customer should do now, if anything. */
const nextActionSchema = z.object({
  kind: z.enum(["continueCheckout", "trackPackage", "seeReturn", "fixPayment", "viewDetails"]),
  label: text,
  href: text,
});
export type NextAction = z.infer<typeof nextActionSchema>;

const continueCheckoutViewSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("link"), href: text, label: text }),
  /** The checkout is unfinished but its URL failed the safety rule: tell them to contact support. */
  z.object({ kind: z.literal("contactSupport"), message: text, supportEmail: text }),
]);
export type ContinueCheckoutView = z.infer<typeof continueCheckoutViewSchema>;

const shippingViewSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("shipment"),
    /** "UPS", or the API's own value when the carrier is unknown, or null. */
    carrierName: nullableText,
    trackingNumber: nullableText,
    /** The carrier's own tracking page, only for known carriers with a number. */
    trackingUrl: nullableText,
    trackingStatus: statusViewSchema.nullable(),
    shippedAt: nullableDate,
    deliveredAt: nullableDate,
    signedBy: nullableText,
    /** Formatted address lines, when the API sent an address. */
    address: z.array(text).nullable(),
  }),
  z.object({
    kind: z.literal("pickup"),
    status: statusViewSchema,
    readyAt: nullableDate,
    pickedUpAt: nullableDate,
  }),
]);
export type ShippingView = z.infer<typeof shippingViewSchema>;

const returnViewSchema = z.object({
  state: z.enum(["initiated", "cancelled", "completed"]),
  status: statusViewSchema,
  initiatedAt: nullableDate,
  cancelledAt: nullableDate,
  completedAt: nullableDate,
  reason: nullableText,
  notes: nullableText,
});
export type ReturnView = z.infer<typeof returnViewSchema>;

const waitlistViewSchema = z.object({
  reason: statusViewSchema,
  /** The location message, in words (never the machine-readable code). */
  locationMessage: nullableText,
  address: z.array(text).nullable(),
});
export type WaitlistView = z.infer<typeof waitlistViewSchema>;

const paymentProblemViewSchema = z.object({
  /** Plain words for the error code. */
  message: text,
  /** What to do about it. */
  advice: text,
  at: nullableDate,
  failureCount: z.number().nullable(),
});
export type PaymentProblemView = z.infer<typeof paymentProblemViewSchema>;

const depositViewSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paid"), paidAt: nullableDate }),
  z.object({
    kind: z.literal("preauthorized"),
    expiresAt: nullableDate,
    /** True when the hold expires within 72 hours: the page warns. */
    expiresSoon: z.boolean(),
  }),
]);
export type DepositView = z.infer<typeof depositViewSchema>;

const paymentsViewSchema = z.object({
  deposit: depositViewSchema.nullable(),
  recurring: statusViewSchema.nullable(),
  problem: paymentProblemViewSchema.nullable(),
  fees: z.array(z.object({ name: text, amount: text })),
});
export type PaymentsView = z.infer<typeof paymentsViewSchema>;

const leaseViewSchema = z.object({
  startDate: nullableDate,
  endDate: nullableDate,
  /** The term in words ("12 months"), or null when unknown. */
  term: nullableText,
});
export type LeaseView = z.infer<typeof leaseViewSchema>;

/** The detail page's panels, which the situation table orders. */
const panelIdSchema = z.enum([
  "continueCheckout",
  "waitlist",
  "progress",
  "shipping",
  "returns",
  "payments",
  "lease",
  "items",
]);
export type PanelId = z.infer<typeof panelIdSchema>;

/**
 * The one fact that matters now, beside the headline: "Hold on your card ends <date>", "UPS · 1Z…",
 * "Your card was declined. Failed 3 times." A date, when there is one, follows the words.
 */
const keyFactViewSchema = z.object({ label: text, at: nullableDate, withTime: z.boolean() });
export type KeyFactView = z.infer<typeof keyFactViewSchema>;

/** Where a checkout sits on the list page (lib/checkout/situation.ts decides). */
const listGroupSchema = z.enum(["attention", "active", "done"]);
export type ListGroup = z.infer<typeof listGroupSchema>;

/** One checkout as the detail page and the live JSON route show it. */
export const checkoutViewSchema = z.object({
  id: text,
  /** A short reference customers can quote ("…R7K2QD"): tells same-item orders apart. */
  reference: text,
  /** "Ordered on" for a finished checkout, "Started on" for an unfinished one. */
  createdLabel: text,
  keyFact: keyFactViewSchema.nullable(),
  /** What was ordered, in one line: purchase items, else the external order id, else the checkout id. */
  title: text,
  items: z.array(z.object({ name: text, quantity: z.number() })),
  externalOrderId: nullableText,
  createdAt: nullableDate,
  updatedAt: nullableDate,
  status: statusViewSchema,
  /** The customer should act or look now (a failed payment, a hold expiring, a delivery problem…). */
  needsAttention: z.boolean(),
  /** Still moving (not finished, not cancelled): the page refreshes itself. */
  live: z.boolean(),
  /** The panels to show, in order: those the situation finds relevant and that have something to say. */
  panels: z.array(panelIdSchema),
  timeline: timelineViewSchema,
  nextAction: nextActionSchema.nullable(),
  continueCheckout: continueCheckoutViewSchema.nullable(),
  shipping: shippingViewSchema.nullable(),
  returns: returnViewSchema.nullable(),
  waitlist: waitlistViewSchema.nullable(),
  payments: paymentsViewSchema.nullable(),
  lease: leaseViewSchema.nullable(),
  insurance: statusViewSchema.nullable(),
});
export type CheckoutView = z.infer<typeof checkoutViewSchema>;

/** One row of the list page. */
const checkoutSummaryViewSchema = z.object({
  id: text,
  title: text,
  reference: text,
  createdAt: nullableDate,
  createdLabel: text,
  status: statusViewSchema,
  group: listGroupSchema,
  /** When the deposit hold on the customer's card ends, when there is one. */
  holdExpiresAt: nullableDate,
  latestMilestone: z.object({ label: text, at: nullableDate }).nullable(),
  nextAction: nextActionSchema,
});
export type CheckoutSummaryView = z.infer<typeof checkoutSummaryViewSchema>;

/** One page of the list. */
export const checkoutSummaryPageSchema = z.object({
  summaries: z.array(checkoutSummaryViewSchema),
  hasMore: z.boolean(),
  /** Orders in this page's range that could not be shown safely; the page says so, with the support contact. */
  skipped: z.number().int().min(0),
});
export type CheckoutSummaryPage = z.infer<typeof checkoutSummaryPageSchema>;
