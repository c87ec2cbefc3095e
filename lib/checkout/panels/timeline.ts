import { dayOrInstant, isoTimestamp, timeOf } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutRecord } from "@/lib/sweetspot/schemas";
import type { CheckoutFacts } from "../facts";
import { singleLineText } from "../text";
import type { MilestoneView, TimelineView } from "../types";
import { type MilestoneWordKey, milestoneLabel } from "../words";

/*
 * The checkout's steps, in order. The API's `progress` is used as sent when it has milestones; otherwise
 * (pre-confirmation checkouts, or a `progress` of a shape we do not know) the steps are worked out from the
 * step the checkout stands on (its facts) and the record's timestamps. Either way a cancelled checkout ends
 * on a "Cancelled" step.
 *
 * Honesty rules: a step is done only when its evidence is in the past (`now` is injected: a lease that
 * starts next week is not done). Steps keep their documented order, and the current step splits them:
 * everything before it is done, everything after it is upcoming, whatever a stray timestamp says.
 */

const MAX_KEY_LENGTH = 64;
const MAX_LABEL_LENGTH = 120;

/** `t` names the steps in the customer's language. */
export function timelineFor(facts: CheckoutFacts, t: Translator): TimelineView {
  const { progress } = facts.record;
  if (progress !== null && progress.milestones.length > 0) {
    const fromProgress = progressMilestones(progress.milestones, progress.currentMilestone, facts.now, t);
    return {
      source: "progress",
      milestones: facts.stage === "cancelled" ? endedByCancellation(fromProgress, t) : fromProgress,
    };
  }
  return { source: "derived", milestones: derivedMilestones(facts, t) };
}

/** The moment, when it is one and it has passed; else null (no evidence yet). */
function pastOrNull(value: string | null, now: Date): string | null {
  const time = timeOf(value);
  return time !== null && time <= now.getTime() ? value : null;
}

/** Before the current step: done; the current step; after it: upcoming. No current step: by evidence. */
function stateAt(index: number, currentIndex: number, at: string | null): MilestoneView["state"] {
  if (currentIndex < 0) return at !== null ? "done" : "upcoming";
  if (index < currentIndex) return "done";
  return index === currentIndex ? "current" : "upcoming";
}

/** The step the list row shows: the current one, else the last one done; null for an empty timeline. */
export function latestMilestone(timeline: TimelineView): { label: string; at: string | null } | null {
  const current = timeline.milestones.find((milestone) => milestone.state === "current");
  const latest = current ?? timeline.milestones.findLast((milestone) => milestone.state === "done");
  return latest === undefined ? null : { label: latest.label, at: latest.at };
}

// ---------------------------------------------------------------------------------------------------------
// From the API's progress
// ---------------------------------------------------------------------------------------------------------

type ProgressMilestones = NonNullable<CheckoutRecord["progress"]>["milestones"];

function progressMilestones(
  milestones: ProgressMilestones,
  currentMilestone: string | null,
  now: Date,
  t: Translator,
): MilestoneView[] {
  const steps = milestones.map((milestone, index) => ({
    key: singleLineText(milestone.key, MAX_KEY_LENGTH) ?? `step${index + 1}`,
    label: milestoneLabel(t, milestone.key, singleLineText(milestone.label, MAX_LABEL_LENGTH), index + 1),
    at: pastOrNull(isoTimestamp(milestone.completedAt), now),
  }));
  // The API names the current milestone (the sandbox: the latest reached). Without it, the first step
  // not yet done is where the checkout stands.
  const named = steps.findIndex((_, index) => milestones[index]?.key === currentMilestone);
  const currentIndex = named >= 0 ? named : steps.findIndex((step) => step.at === null);
  return steps.map((step, index) => {
    const state = stateAt(index, currentIndex, step.at);
    // A completion time after the current step contradicts the order: it is not shown as done.
    return { ...step, state, at: state === "upcoming" ? null : step.at };
  });
}

/** True for the cancellation step a cancelled checkout's progress may carry (not a documented key). */
function isCancellationMilestone(key: string): boolean {
  return key === "cancelled";
}

/** Steps that happened stay; steps that never will are dropped; "Cancelled" becomes the current step. */
function endedByCancellation(milestones: MilestoneView[], t: Translator): MilestoneView[] {
  const happened = milestones
    .filter((milestone) => milestone.at !== null && !isCancellationMilestone(milestone.key))
    .map((milestone): MilestoneView => ({ ...milestone, state: "done" }));
  const cancelledAt = milestones.find((milestone) => isCancellationMilestone(milestone.key))?.at ?? null;
  return [...happened, derivedStep(t, "cancelled", cancelledAt, "current", happened.length + 1)];
}

// ---------------------------------------------------------------------------------------------------------
// Derived from the step reached and the timestamps
// ---------------------------------------------------------------------------------------------------------

type PlannedStep = { key: MilestoneWordKey; at: string | null };

function derivedMilestones(facts: CheckoutFacts, t: Translator): MilestoneView[] {
  const plan = plannedSteps(facts).map((step) => ({ ...step, at: pastOrNull(step.at, facts.now) }));
  const reachedKey = facts.step;
  const reachedIndex = plan.findIndex((step) => step.key === reachedKey);

  if (reachedKey === "cancelled") {
    // Only what demonstrably happened (it certainly started), then the cancellation.
    const happened = plan.filter((step) => step.key === "checkoutStarted" || step.at !== null);
    return [
      ...happened.map((step, index) => derivedStep(t, step.key, step.at, "done", index + 1)),
      derivedStep(t, "cancelled", null, "current", happened.length + 1),
    ];
  }
  if (reachedIndex < 0) {
    // No step known (unknown or missing lifecycle): what the timestamps show, no guessed position.
    return plan
      .filter((step) => step.at !== null)
      .map((step, index) => derivedStep(t, step.key, step.at, "done", index + 1));
  }
  return plan.map((step, index) => {
    const state = stateAt(index, reachedIndex, step.at);
    return derivedStep(t, step.key, state === "upcoming" ? null : step.at, state, index + 1);
  });
}

function plannedSteps({ record, stage, step, fulfilment: flow }: CheckoutFacts): PlannedStep[] {
  const withReturn =
    stage === "return" ||
    stage === "returned" ||
    record.returnCompletedAt !== null ||
    (record.returnInitiatedAt !== null && record.returnCancelledAt === null);
  const fulfilment: PlannedStep[] =
    flow === "pickup"
      ? [
          { key: "readyForPickup", at: null },
          { key: "pickedUp", at: null },
        ]
      : [
          { key: "shipped", at: isoTimestamp(record.shippedAt) },
          { key: "delivered", at: isoTimestamp(record.deliveredAt) },
        ];
  // Dated by the deposit timestamp, which on an unfinished checkout is a hold, not a payment.
  const depositPaid: PlannedStep = {
    key: "depositPaid",
    at: stage === "unfinished" ? null : isoTimestamp(record.depositTimestamp),
  };
  // A checkout can be waitlisted before or after its deposit is taken: the step goes where it happened,
  // so a done step never follows the current one.
  const waitlisted: PlannedStep[] = step === "waitlisted" ? [{ key: "waitlisted", at: null }] : [];
  return [
    { key: "checkoutStarted", at: isoTimestamp(record.createdAt) },
    ...(depositPaid.at !== null ? [depositPaid, ...waitlisted] : [...waitlisted, depositPaid]),
    { key: "orderConfirmed", at: null },
    ...fulfilment,
    { key: "leaseActive", at: dayOrInstant(record.leaseStartDate) },
    ...(withReturn
      ? [
          { key: "returnInitiated" as const, at: isoTimestamp(record.returnInitiatedAt) },
          { key: "returnCompleted" as const, at: isoTimestamp(record.returnCompletedAt) },
        ]
      : []),
  ];
}

function derivedStep(
  t: Translator,
  key: MilestoneWordKey,
  at: string | null,
  state: MilestoneView["state"],
  position: number,
): MilestoneView {
  return { key, label: milestoneLabel(t, key, null, position), state, at };
}
