import { z } from "zod";
import type { CheckoutSummaryPage } from "./load";
import type { CheckoutSummaryView, CheckoutView, PanelId } from "./types";

/**
 * The view models as zod schemas, for reading them back from last known good (lib/store): a view
 * saved by an older build that no longer matches reads as "nothing saved", never as a broken page.
 * Typed against lib/checkout/types.ts, so the two cannot drift apart silently.
 */

const text = z.string();
const nullableText = z.string().nullable();

const statusView = z.object({
  label: text,
  description: nullableText,
  tone: z.enum(["neutral", "info", "success", "warning", "danger"]),
});

const nextAction = z.object({
  kind: z.enum(["continueCheckout", "trackPackage", "seeReturn", "fixPayment", "viewDetails"]),
  label: text,
  href: text,
});

const panelIds = [
  "continueCheckout",
  "waitlist",
  "progress",
  "shipping",
  "returns",
  "payments",
  "lease",
  "items",
] as const satisfies readonly PanelId[];

const shipping = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("shipment"),
    carrierName: nullableText,
    trackingNumber: nullableText,
    trackingUrl: nullableText,
    trackingStatus: statusView.nullable(),
    shippedAt: nullableText,
    deliveredAt: nullableText,
    signedBy: nullableText,
    address: z.array(text).nullable(),
  }),
  z.object({
    kind: z.literal("pickup"),
    status: statusView,
    readyAt: nullableText,
    pickedUpAt: nullableText,
  }),
]);

const keyFact = z.object({ label: text, at: nullableText, withTime: z.boolean() });

export const checkoutViewSchema: z.ZodType<CheckoutView> = z.object({
  id: text,
  reference: text,
  createdLabel: text,
  keyFact: keyFact.nullable(),
  title: text,
  items: z.array(z.object({ name: text, quantity: z.number() })),
  externalOrderId: nullableText,
  createdAt: nullableText,
  updatedAt: nullableText,
  status: statusView,
  needsAttention: z.boolean(),
  live: z.boolean(),
  panels: z.array(z.enum(panelIds)),
  timeline: z.object({
    milestones: z.array(
      z.object({ key: text, label: text, state: z.enum(["done", "current", "upcoming"]), at: nullableText }),
    ),
    source: z.enum(["progress", "derived"]),
  }),
  nextAction: nextAction.nullable(),
  continueCheckout: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("link"), href: text, label: text }),
      z.object({ kind: z.literal("contactSupport"), message: text, supportEmail: text }),
    ])
    .nullable(),
  shipping: shipping.nullable(),
  returns: z
    .object({
      state: z.enum(["initiated", "cancelled", "completed"]),
      status: statusView,
      initiatedAt: nullableText,
      cancelledAt: nullableText,
      completedAt: nullableText,
      reason: nullableText,
      notes: nullableText,
    })
    .nullable(),
  waitlist: z
    .object({ reason: statusView, locationMessage: nullableText, address: z.array(text).nullable() })
    .nullable(),
  payments: z
    .object({
      deposit: z
        .discriminatedUnion("kind", [
          z.object({ kind: z.literal("paid"), paidAt: nullableText }),
          z.object({ kind: z.literal("preauthorized"), expiresAt: nullableText, expiresSoon: z.boolean() }),
        ])
        .nullable(),
      recurring: statusView.nullable(),
      problem: z
        .object({ message: text, advice: text, at: nullableText, failureCount: z.number().nullable() })
        .nullable(),
      fees: z.array(z.object({ name: text, amount: text })),
    })
    .nullable(),
  lease: z.object({ startDate: nullableText, endDate: nullableText, term: nullableText }).nullable(),
  insurance: statusView.nullable(),
});

const checkoutSummaryViewSchema: z.ZodType<CheckoutSummaryView> = z.object({
  id: text,
  title: text,
  reference: text,
  createdAt: nullableText,
  createdLabel: text,
  status: statusView,
  group: z.enum(["attention", "active", "done"]),
  holdExpiresAt: nullableText,
  latestMilestone: z.object({ label: text, at: nullableText }).nullable(),
  nextAction,
});

export const checkoutSummaryPageSchema: z.ZodType<CheckoutSummaryPage> = z.object({
  summaries: z.array(checkoutSummaryViewSchema),
  hasMore: z.boolean(),
  skipped: z.number().int().min(0),
});
