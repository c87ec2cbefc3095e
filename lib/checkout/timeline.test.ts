import { describe, expect, it } from "vitest";
import { checkoutRecord } from "@/test-support/test-records";
import { latestMilestone, timelineFor } from "./timeline";
import type { MilestoneView, TimelineView } from "./types";

const T = (day: number) => `2026-02-${String(day).padStart(2, "0")}T12:00:00.000Z`;

function progress(
  currentMilestone: string | null,
  milestones: [key: string, completedAt: string | null, label?: string][],
) {
  return {
    currentMilestone,
    milestones: milestones.map(([key, completedAt, label]) => ({
      key,
      label: label ?? `API ${key}`,
      completedAt,
    })),
  };
}

const shape = (timeline: TimelineView) => timeline.milestones.map(({ key, state }) => `${key}:${state}`);

describe("timeline from the API's progress", () => {
  const shipped = checkoutRecord({
    lifecycle: "shipped",
    progress: progress("shipped", [
      ["checkoutStarted", T(1)],
      ["depositPaid", T(2)],
      ["orderConfirmed", T(3)],
      ["shipped", T(4)],
      ["delivered", null],
      ["leaseActive", null],
    ]),
  });

  it("keeps the API's order and marks done, current and upcoming", () => {
    const timeline = timelineFor(shipped);
    expect(timeline.source).toBe("progress");
    expect(shape(timeline)).toEqual([
      "checkoutStarted:done",
      "depositPaid:done",
      "orderConfirmed:done",
      "shipped:current",
      "delivered:upcoming",
      "leaseActive:upcoming",
    ]);
  });

  it("uses our words for known keys and keeps completion times", () => {
    const [first, , , current] = timelineFor(shipped).milestones;
    expect(first).toEqual<MilestoneView>({
      key: "checkoutStarted",
      label: "Checkout started",
      state: "done",
      at: T(1),
    });
    expect(current?.label).toBe("Shipped");
    expect(current?.at).toBe(T(4));
  });

  it("marks the first step not done as current when the API names none", () => {
    const record = checkoutRecord({
      lifecycle: "orderConfirmed",
      progress: progress(null, [
        ["checkoutStarted", T(1)],
        ["orderConfirmed", T(3)],
        ["shipped", null],
        ["delivered", null],
      ]),
    });
    expect(shape(timelineFor(record))).toEqual([
      "checkoutStarted:done",
      "orderConfirmed:done",
      "shipped:current",
      "delivered:upcoming",
    ]);
  });

  it("falls back to the API's label, then to 'Step N', for keys it does not know", () => {
    const record = checkoutRecord({
      lifecycle: "orderConfirmed",
      progress: {
        currentMilestone: "assembly",
        milestones: [
          { key: "checkoutStarted", label: "whatever", completedAt: T(1) },
          { key: "assembly", label: "  Assembly\n booked ", completedAt: null },
          { key: "qualityCheck", label: null, completedAt: null },
        ],
      },
    });
    expect(timelineFor(record).milestones.map(({ label }) => label)).toEqual([
      "Checkout started",
      "Assembly booked",
      "Step 3",
    ]);
  });

  it("ends a cancelled checkout on a current 'Cancelled' step, dropping steps that will not happen", () => {
    const record = checkoutRecord({
      lifecycle: "cancelled",
      progress: progress("orderConfirmed", [
        ["checkoutStarted", T(1)],
        ["depositPaid", T(2)],
        ["orderConfirmed", T(3)],
        ["shipped", null],
      ]),
    });
    expect(shape(timelineFor(record))).toEqual([
      "checkoutStarted:done",
      "depositPaid:done",
      "orderConfirmed:done",
      "cancelled:current",
    ]);
    expect(timelineFor(record).milestones.at(-1)?.label).toBe("Cancelled");
  });

  it("derives the timeline instead when progress has no milestones", () => {
    const record = checkoutRecord({
      lifecycle: "created",
      progress: { currentMilestone: null, milestones: [] },
    });
    expect(timelineFor(record).source).toBe("derived");
  });

  it("derives the timeline when progress has a shape it does not know", () => {
    const record = checkoutRecord({ lifecycle: "shipped", progress: { steps: ["a", "b"] } });
    expect(record.progress).toBeNull();
    expect(timelineFor(record).source).toBe("derived");
  });
});

describe("derived timeline", () => {
  const base = { createdAt: T(1), progress: null };
  const paid = { depositTimestamp: T(2) };
  const shippedFacts = { ...paid, shippedAt: T(4), trackingCarrier: "ups", trackingNumber: "1Z" };
  const deliveredFacts = { ...shippedFacts, deliveredAt: T(6) };
  const leaseFacts = { ...deliveredFacts, leaseStartDate: "2026-02-07" };

  it.each<[string | null, Record<string, unknown>, string[]]>([
    [
      "created",
      {},
      [
        "checkoutStarted:current",
        "depositPaid:upcoming",
        "orderConfirmed:upcoming",
        "shipped:upcoming",
        "delivered:upcoming",
        "leaseActive:upcoming",
      ],
    ],
    [
      "waitlisted",
      { waitlistReason: "inventory" },
      [
        "checkoutStarted:done",
        "waitlisted:current",
        "depositPaid:upcoming",
        "orderConfirmed:upcoming",
        "shipped:upcoming",
        "delivered:upcoming",
        "leaseActive:upcoming",
      ],
    ],
    [
      "waitlisted",
      { waitlistReason: "location", ...paid },
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "waitlisted:current",
        "orderConfirmed:upcoming",
        "shipped:upcoming",
        "delivered:upcoming",
        "leaseActive:upcoming",
      ],
    ],
    [
      "orderConfirmed",
      paid,
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:current",
        "shipped:upcoming",
        "delivered:upcoming",
        "leaseActive:upcoming",
      ],
    ],
    [
      "shipped",
      shippedFacts,
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:done",
        "shipped:current",
        "delivered:upcoming",
        "leaseActive:upcoming",
      ],
    ],
    [
      "delivered",
      deliveredFacts,
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:done",
        "shipped:done",
        "delivered:current",
        "leaseActive:upcoming",
      ],
    ],
    [
      "readyForPickup",
      { ...paid, pickupLocationId: 3 },
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:done",
        "readyForPickup:current",
        "pickedUp:upcoming",
        "leaseActive:upcoming",
      ],
    ],
    [
      "pickedUp",
      { ...paid, pickupLocationId: 3 },
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:done",
        "readyForPickup:done",
        "pickedUp:current",
        "leaseActive:upcoming",
      ],
    ],
    [
      "leaseActive",
      leaseFacts,
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:done",
        "shipped:done",
        "delivered:done",
        "leaseActive:current",
      ],
    ],
    [
      "returnInitiated",
      { ...leaseFacts, returnInitiatedAt: T(20) },
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:done",
        "shipped:done",
        "delivered:done",
        "leaseActive:done",
        "returnInitiated:current",
        "returnCompleted:upcoming",
      ],
    ],
    [
      "returned",
      { ...leaseFacts, returnInitiatedAt: T(20), returnCompletedAt: T(25) },
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:done",
        "shipped:done",
        "delivered:done",
        "leaseActive:done",
        "returnInitiated:done",
        "returnCompleted:current",
      ],
    ],
    [
      "leaseActive",
      { ...leaseFacts, returnInitiatedAt: T(20), returnCancelledAt: T(21) },
      [
        "checkoutStarted:done",
        "depositPaid:done",
        "orderConfirmed:done",
        "shipped:done",
        "delivered:done",
        "leaseActive:current",
      ],
    ],
    ["cancelled", {}, ["checkoutStarted:done", "cancelled:current"]],
    ["cancelled", paid, ["checkoutStarted:done", "depositPaid:done", "cancelled:current"]],
    ["teleported", shippedFacts, ["checkoutStarted:done", "depositPaid:done", "shipped:done"]],
    [null, {}, ["checkoutStarted:done"]],
    [null, { createdAt: null }, []],
  ])("%s %j", (lifecycle, facts, expected) => {
    const timeline = timelineFor(checkoutRecord({ ...base, lifecycle, ...facts }));
    expect(timeline.source).toBe("derived");
    expect(shape(timeline)).toEqual(expected);
  });

  it("dates steps from the record's timestamps", () => {
    const timeline = timelineFor(checkoutRecord({ ...base, lifecycle: "leaseActive", ...leaseFacts }));
    const at = Object.fromEntries(timeline.milestones.map((milestone) => [milestone.key, milestone.at]));
    expect(at).toEqual({
      checkoutStarted: T(1),
      depositPaid: T(2),
      orderConfirmed: null,
      shipped: T(4),
      delivered: T(6),
      leaseActive: "2026-02-07",
    });
  });

  it("does not call a hold on an unfinished checkout a paid deposit", () => {
    const timeline = timelineFor(checkoutRecord({ ...base, lifecycle: "created", ...paid }));
    expect(timeline.milestones.find((milestone) => milestone.key === "depositPaid")).toMatchObject({
      state: "upcoming",
      at: null,
    });
  });

  it("labels every derived step in words", () => {
    const timeline = timelineFor(checkoutRecord({ ...base, lifecycle: "returned", ...leaseFacts }));
    for (const milestone of timeline.milestones) {
      expect(milestone.label).not.toBe(milestone.key);
      expect(milestone.label).not.toMatch(/[a-z][A-Z]|_/);
    }
  });
});

describe("latestMilestone", () => {
  it("is the current step", () => {
    const timeline = timelineFor(
      checkoutRecord({ lifecycle: "shipped", createdAt: T(1), depositTimestamp: T(2), shippedAt: T(4) }),
    );
    expect(latestMilestone(timeline)).toEqual({ label: "Shipped", at: T(4) });
  });

  it("is the last step done when none is current", () => {
    const timeline = timelineFor(
      checkoutRecord({ lifecycle: "teleported", createdAt: T(1), shippedAt: T(4) }),
    );
    expect(latestMilestone(timeline)).toEqual({ label: "Shipped", at: T(4) });
  });

  it("is null for an empty timeline", () => {
    expect(latestMilestone({ source: "derived", milestones: [] })).toBeNull();
  });
});
