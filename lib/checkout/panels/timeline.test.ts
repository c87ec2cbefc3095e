import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { checkoutRecord } from "@/test-support/test-records";
import { checkoutFacts } from "../facts";
import type { MilestoneView, TimelineView } from "../types";
import { latestMilestone, timelineFor } from "./timeline";

const EN = translatorFor("en");

/** After every date below: the tests say "now" explicitly, never read the wall clock. */
const NOW = new Date("2026-06-01T00:00:00.000Z");
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
    const timeline = timelineFor(checkoutFacts(shipped, null, NOW), EN);
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
    const [first, , , current] = timelineFor(checkoutFacts(shipped, null, NOW), EN).milestones;
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
    expect(shape(timelineFor(checkoutFacts(record, null, NOW), EN))).toEqual([
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
    expect(timelineFor(checkoutFacts(record, null, NOW), EN).milestones.map(({ label }) => label)).toEqual([
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
    expect(shape(timelineFor(checkoutFacts(record, null, NOW), EN))).toEqual([
      "checkoutStarted:done",
      "depositPaid:done",
      "orderConfirmed:done",
      "cancelled:current",
    ]);
    expect(timelineFor(checkoutFacts(record, null, NOW), EN).milestones.at(-1)?.label).toBe("Cancelled");
  });

  it("derives the timeline instead when progress has no milestones", () => {
    const record = checkoutRecord({
      lifecycle: "created",
      progress: { currentMilestone: null, milestones: [] },
    });
    expect(timelineFor(checkoutFacts(record, null, NOW), EN).source).toBe("derived");
  });

  it("derives the timeline when progress has a shape it does not know", () => {
    const record = checkoutRecord({ lifecycle: "shipped", progress: { steps: ["a", "b"] } });
    expect(record.progress).toBeNull();
    expect(timelineFor(checkoutFacts(record, null, NOW), EN).source).toBe("derived");
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
    const timeline = timelineFor(
      checkoutFacts(checkoutRecord({ ...base, lifecycle, ...facts }), null, NOW),
      EN,
    );
    expect(timeline.source).toBe("derived");
    expect(shape(timeline)).toEqual(expected);
  });

  it("dates steps from the record's timestamps", () => {
    const timeline = timelineFor(
      checkoutFacts(checkoutRecord({ ...base, lifecycle: "leaseActive", ...leaseFacts }), null, NOW),
      EN,
    );
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
    const timeline = timelineFor(
      checkoutFacts(checkoutRecord({ ...base, lifecycle: "created", ...paid }), null, NOW),
      EN,
    );
    expect(timeline.milestones.find((milestone) => milestone.key === "depositPaid")).toMatchObject({
      state: "upcoming",
      at: null,
    });
  });

  it("labels every derived step in words", () => {
    const timeline = timelineFor(
      checkoutFacts(checkoutRecord({ ...base, lifecycle: "returned", ...leaseFacts }), null, NOW),
      EN,
    );
    for (const milestone of timeline.milestones) {
      expect(milestone.label).not.toBe(milestone.key);
      expect(milestone.label).not.toMatch(/[a-z][A-Z]|_/);
    }
  });
});

describe("latestMilestone", () => {
  it("is the current step", () => {
    const timeline = timelineFor(
      checkoutFacts(
        checkoutRecord({ lifecycle: "shipped", createdAt: T(1), depositTimestamp: T(2), shippedAt: T(4) }),
        null,
        NOW,
      ),
      EN,
    );
    expect(latestMilestone(timeline)).toEqual({ label: "Shipped", at: T(4) });
  });

  it("is the last step done when none is current", () => {
    const timeline = timelineFor(
      checkoutFacts(checkoutRecord({ lifecycle: "teleported", createdAt: T(1), shippedAt: T(4) }), null, NOW),
      EN,
    );
    expect(latestMilestone(timeline)).toEqual({ label: "Shipped", at: T(4) });
  });

  it("is null for an empty timeline", () => {
    expect(latestMilestone({ source: "derived", milestones: [] })).toBeNull();
  });
});

describe("timeline honesty", () => {
  const LATER = "2026-07-01";
  const derived = (fields: Record<string, unknown>) =>
    timelineFor(checkoutFacts(checkoutRecord({ createdAt: T(1), ...fields }), null, NOW), EN);

  it("does not call a lease that starts in the future started", () => {
    const timeline = derived({
      lifecycle: "delivered",
      shippedAt: T(4),
      deliveredAt: T(6),
      leaseStartDate: LATER,
    });
    expect(timeline.milestones.find((milestone) => milestone.key === "leaseActive")).toMatchObject({
      state: "upcoming",
      at: null,
    });
  });

  it("counts a lease that started yesterday, by the injected clock", () => {
    const yesterday = new Date("2026-05-31T00:00:00.000Z");
    const timeline = timelineFor(
      checkoutFacts(
        checkoutRecord({ createdAt: T(1), lifecycle: "delivered", leaseStartDate: "2026-05-31" }),
        null,
        new Date(yesterday.getTime() + 60_000),
      ),
      EN,
    );
    // The lifecycle still stands on "delivered": a later step never shows done after the current one.
    expect(timeline.milestones.find((milestone) => milestone.key === "leaseActive")?.state).toBe("upcoming");
    const noPosition = timelineFor(
      checkoutFacts(
        checkoutRecord({ createdAt: T(1), lifecycle: null, leaseStartDate: "2026-05-31" }),
        null,
        new Date(yesterday.getTime() + 60_000),
      ),
      EN,
    );
    expect(shape(noPosition)).toEqual(["checkoutStarted:done", "leaseActive:done"]);
  });

  it("drops evidence from the future when there is no lifecycle to go by", () => {
    expect(shape(derived({ lifecycle: null, shippedAt: "2027-01-01T00:00:00Z" }))).toEqual([
      "checkoutStarted:done",
    ]);
  });

  it("resolves a later step done before an earlier one by the documented order", () => {
    // Shipped per the lifecycle, yet the record claims a delivery and a lease: the steps after the
    // current one stay upcoming, and the ones before it are done.
    const timeline = derived({
      lifecycle: "shipped",
      shippedAt: T(4),
      deliveredAt: T(6),
      leaseStartDate: T(7),
    });
    expect(shape(timeline)).toEqual([
      "checkoutStarted:done",
      "depositPaid:done",
      "orderConfirmed:done",
      "shipped:current",
      "delivered:upcoming",
      "leaseActive:upcoming",
    ]);
    expect(
      timeline.milestones.filter((milestone) => milestone.state === "upcoming").map((m) => m.at),
    ).toEqual([null, null]);
  });

  it("in the API's progress, a step after the current one is upcoming whatever its time says", () => {
    const record = checkoutRecord({
      lifecycle: "orderConfirmed",
      progress: progress("orderConfirmed", [
        ["checkoutStarted", T(1)],
        ["depositPaid", null],
        ["orderConfirmed", T(3)],
        ["shipped", T(4)],
      ]),
    });
    expect(shape(timelineFor(checkoutFacts(record, null, NOW), EN))).toEqual([
      "checkoutStarted:done",
      "depositPaid:done",
      "orderConfirmed:current",
      "shipped:upcoming",
    ]);
  });

  it("in the API's progress, a completion time in the future is not done", () => {
    const record = checkoutRecord({
      lifecycle: "leaseActive",
      progress: progress(null, [
        ["delivered", T(6)],
        ["leaseActive", "2026-07-01T00:00:00.000Z"],
      ]),
    });
    expect(shape(timelineFor(checkoutFacts(record, null, NOW), EN))).toEqual([
      "delivered:done",
      "leaseActive:current",
    ]);
  });
});
