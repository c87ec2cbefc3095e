import { MS_PER_DAY } from "./clock";
import { type MilestoneKey, milestoneOfLifecycle, milestonePlanFor, progressUpTo } from "./progress";
import { pick, type Random } from "./random";
import type { Address, CheckoutRecord, PurchaseItem } from "./types";

/**
 * Plausible checkouts in a given lifecycle, for bulk data (Morgan Lee's 65 and SANDBOX_CHECKOUTS).
 * Records are plain objects built once; addresses and item lists are shared between records
 * (records are never mutated, see store.ts) so 100,000 of them stay small.
 */

export const GENERATED_LIFECYCLES = [
  "created",
  "waitlisted",
  "orderConfirmed",
  "shipped",
  "delivered",
  "leaseActive",
  "returned",
  "cancelled",
] as const;

export type GeneratedLifecycle = (typeof GENERATED_LIFECYCLES)[number];

const ITEM_LISTS: readonly [PurchaseItem[], ...PurchaseItem[][]] = [
  [{ id: "itm_gen_espresso", name: "Pearl espresso machine", quantity: 1, sku: "KIT-ESP-PEARL" }],
  [{ id: "itm_gen_desk", name: "Oak standing desk", quantity: 1, sku: "OFF-DSK-OAK" }],
  [
    { id: "itm_gen_sofa", name: "Linen sofa, 3-seat", quantity: 1, sku: "LIV-SOF-LIN3" },
    { id: "itm_gen_pillow", name: "Wool throw pillow", quantity: 2, sku: "LIV-PIL-WOL" },
  ],
  [{ id: "itm_gen_rower", name: "Water rowing machine", quantity: 1, sku: "FIT-ROW-H2O" }],
  [{ id: "itm_gen_bike", name: "Electric cargo bike", quantity: 1, sku: "MOB-BIK-CARGO" }],
];

const ADDRESSES: readonly [Address, ...Address[]] = [
  {
    line1: "88 Harbor View Rd",
    line2: null,
    city: "Portland",
    region: "OR",
    postalCode: "97205",
    country: "US",
  },
  { line1: "410 Elm St", line2: "Unit 3", city: "Austin", region: "TX", postalCode: "78701", country: "US" },
  { line1: "27 Beacon St", line2: null, city: "Boston", region: "MA", postalCode: "02108", country: "US" },
];

const CARRIERS = ["ups", "fedex", "usps", "dhl"] as const;
const OFFTAKE_PARTNERS = ["otp_gen_north", "otp_gen_south"] as const;

type GeneratedCheckoutSpec = {
  id: string;
  customerId: string;
  organizationId: number;
  lifecycle: GeneratedLifecycle;
  createdMs: number;
  nowMs: number;
  random: Random;
};

export function generatedCheckout(spec: GeneratedCheckoutSpec): CheckoutRecord {
  const { id, lifecycle, random } = spec;
  const time = timelineOf(spec.createdMs, spec.nowMs);
  const reachedOrder = lifecycle !== "created" && lifecycle !== "waitlisted" && lifecycle !== "cancelled";

  const record: CheckoutRecord = {
    id,
    customerId: spec.customerId,
    organizationId: spec.organizationId,
    createdAt: time("checkoutStarted"),
    updatedAt: time("depositPaid"),
    lifecycle,
    insuranceStatus: lifecycle === "created" ? "pending" : "approved",
    recurringPaymentStatus: lifecycle === "cancelled" ? "cancelled" : "pending",
    offtakePartnerId: pick(random, OFFTAKE_PARTNERS),
    checkoutUrl: `https://checkout.thesweetspot.example/c/${id}`,
    checkoutSessionId: `cs_test_${id.slice(4)}`,
    progress: null,
    purchaseItems: pick(random, ITEM_LISTS),
    shippingAddress: pick(random, ADDRESSES),
  };
  if (lifecycle === "waitlisted") record.waitlistReason = "inventory";
  if (!reachedOrder) return record;

  record.depositTimestamp = time("depositPaid");
  record.updatedAt = time("orderConfirmed");
  if (lifecycle !== "orderConfirmed") {
    record.shippedAt = time("shipped");
    record.trackingCarrier = pick(random, CARRIERS);
    record.trackingNumber = `SBX${id.slice(4).toUpperCase()}`;
    record.trackingStatus = lifecycle === "shipped" ? "in_transit" : "delivered";
    record.updatedAt = time("shipped");
  }
  if (lifecycle === "delivered" || lifecycle === "leaseActive" || lifecycle === "returned") {
    record.deliveredAt = time("delivered");
    record.updatedAt = time("delivered");
  }
  if (lifecycle === "leaseActive" || lifecycle === "returned") {
    record.leaseStartDate = time("leaseActive").slice(0, 10);
    record.leaseEndDate = new Date(Date.parse(time("leaseActive")) + 365 * MS_PER_DAY)
      .toISOString()
      .slice(0, 10);
    record.leaseTermId = "lt_12m";
    record.recurringPaymentStatus = "active";
    record.updatedAt = time("leaseActive");
  }
  if (lifecycle === "returned") {
    record.returnInitiatedAt = time("returnInitiated");
    record.returnCompletedAt = time("returnCompleted");
    record.recurringPaymentStatus = "cancelled";
    record.updatedAt = time("returnCompleted");
  }
  const reached = milestoneOfLifecycle(lifecycle);
  if (reached !== undefined) {
    record.progress = progressUpTo(milestonePlanFor(record), reached, time);
  }
  return record;
}

/** Where each milestone falls within a generated checkout's age (0 = created, 1 = now). */
const MILESTONE_FRACTIONS: Record<MilestoneKey, number> = {
  checkoutStarted: 0,
  depositPaid: 0.05,
  insuranceApproved: 0.08,
  orderConfirmed: 0.1,
  shipped: 0.3,
  // Generated checkouts always ship; the pickup steps only complete the table.
  readyForPickup: 0.3,
  pickedUp: 0.5,
  delivered: 0.5,
  leaseActive: 0.55,
  returnInitiated: 0.8,
  returnCompleted: 0.9,
};

/**
 * When each milestone happened, spread over the checkout's age so their order is always plausible.
 * Formatted on first use and memoised: formatting dominates generation time, and sharing one string
 * between a record's fields and its progress keeps memory down.
 */
function timelineOf(createdMs: number, nowMs: number): (key: MilestoneKey) => string {
  const ageMs = Math.max(nowMs - createdMs, 60_000);
  const formatted: Partial<Record<MilestoneKey, string>> = {};
  return (key) => {
    formatted[key] ??= new Date(createdMs + Math.round(ageMs * MILESTONE_FRACTIONS[key])).toISOString();
    return formatted[key];
  };
}
