import type { CheckoutRecord, JsonValue, Progress } from "./types";

/**
 * The `progress` object of post-confirmation checkouts (shape assumed in docs/api-assumptions.md): the full
 * ordered plan of milestones, completed ones with a time, the rest with `null`.
 */

export type MilestoneKey =
  | "checkoutStarted"
  | "depositPaid"
  | "insuranceApproved"
  | "orderConfirmed"
  | "shipped"
  | "delivered"
  | "readyForPickup"
  | "pickedUp"
  | "leaseActive"
  | "returnInitiated"
  | "returnCompleted";

const MILESTONE_LABELS: Record<MilestoneKey, string> = {
  checkoutStarted: "Checkout started",
  depositPaid: "Deposit paid",
  insuranceApproved: "Insurance approved",
  orderConfirmed: "Order confirmed",
  shipped: "Shipped",
  delivered: "Delivered",
  readyForPickup: "Ready for pickup",
  pickedUp: "Picked up",
  leaseActive: "Lease active",
  returnInitiated: "Return started",
  returnCompleted: "Return completed",
};

const CONFIRMATION_STEPS = ["checkoutStarted", "depositPaid", "insuranceApproved", "orderConfirmed"] as const;
const SHIPPING_STEPS = ["shipped", "delivered", "leaseActive"] as const;
const PICKUP_STEPS = ["readyForPickup", "pickedUp", "leaseActive"] as const;
const RETURN_STEPS = ["returnInitiated", "returnCompleted"] as const;

/** The milestone a checkout has reached in each post-confirmation lifecycle. */
const MILESTONE_OF_LIFECYCLE: Partial<Record<string, MilestoneKey>> = {
  orderConfirmed: "orderConfirmed",
  shipped: "shipped",
  delivered: "delivered",
  readyForPickup: "readyForPickup",
  pickedUp: "pickedUp",
  leaseActive: "leaseActive",
  returnInitiated: "returnInitiated",
  returned: "returnCompleted",
};

export function milestoneOfLifecycle(lifecycle: string | null): MilestoneKey | undefined {
  return lifecycle === null ? undefined : MILESTONE_OF_LIFECYCLE[lifecycle];
}

function milestonePlan(options: { pickup: boolean; withReturn: boolean }): MilestoneKey[] {
  return [
    ...CONFIRMATION_STEPS,
    ...(options.pickup ? PICKUP_STEPS : SHIPPING_STEPS),
    ...(options.withReturn ? RETURN_STEPS : []),
  ];
}

/** The plan a checkout follows: pickup or shipping, plus the return steps once a return is under way. */
export function milestonePlanFor(
  record: Pick<CheckoutRecord, "pickupLocationId" | "lifecycle">,
): MilestoneKey[] {
  return milestonePlan({
    pickup: record.pickupLocationId !== undefined,
    withReturn: record.lifecycle === "returnInitiated" || record.lifecycle === "returned",
  });
}

/** Every milestone of `plan` up to and including `reached` is completed at `completedAt(key)`. */
export function progressUpTo(
  plan: readonly MilestoneKey[],
  reached: MilestoneKey,
  completedAt: (key: MilestoneKey) => string,
): Progress {
  const reachedIndex = plan.indexOf(reached);
  if (reachedIndex < 0) throw new Error(`milestone ${reached} is not part of the plan ${plan.join(",")}`);
  return {
    currentMilestone: reached,
    milestones: plan.map((key, index) => ({
      key,
      label: MILESTONE_LABELS[key],
      completedAt: index <= reachedIndex ? completedAt(key) : null,
    })),
  };
}

/** Completion times already recorded in a well-formed progress value; odd shapes yield none. */
export function completionTimesOf(progress: Progress | JsonValue): Map<string, string> {
  const times = new Map<string, string>();
  if (!isProgress(progress)) return times;
  for (const milestone of progress.milestones) {
    if (milestone.completedAt !== null) times.set(milestone.key, milestone.completedAt);
  }
  return times;
}

function isProgress(value: Progress | JsonValue): value is Progress {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && Array.isArray(value.milestones)
  );
}
