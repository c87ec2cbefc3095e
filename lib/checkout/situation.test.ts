import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { KNOWN_LIFECYCLES } from "@/lib/sweetspot/schemas";
import { checkoutRecord, detailRecord } from "@/test-support/test-records";
import { type CheckoutFacts, checkoutFacts } from "./facts";
import { listGroupOf, SITUATIONS, type Situation } from "./situation";
import { situationStatus } from "./words";

const EN = translatorFor("en");

const NOW = new Date("2026-03-01T12:00:00.000Z");
const IN_A_DAY = "2026-03-02T12:00:00.000Z";
const IN_A_WEEK = "2026-03-08T12:00:00.000Z";

/** The facts of a record with `fields`, and the detail endpoint's `state` when there is one. */
const factsOf = (fields: Record<string, unknown>, state: string | null = null): CheckoutFacts =>
  checkoutFacts(checkoutRecord(fields), state === null ? null : detailRecord({ state }), NOW);

const situation = (fields: Record<string, unknown>, state: string | null = null): Situation =>
  factsOf(fields, state).situation;

const failedPayment = { lastPaymentErrorCode: "card_declined", paymentFailureCount: 1 };

// One example per row: the fields that put a customer in it. Every row of the table is covered.
const EXAMPLES: [Situation, Record<string, unknown>, string | null][] = [
  ["paymentFailed", { lifecycle: "leaseActive", ...failedPayment }, null],
  ["depositHoldExpiring", { lifecycle: "created", depositPreauthExpiresAt: IN_A_DAY }, null],
  ["continueCheckout", { lifecycle: "created" }, null],
  ["waitlistedForStock", { lifecycle: "waitlisted", waitlistReason: "inventory" }, null],
  ["waitlistedForLocation", { lifecycle: "waitlisted", waitlistReason: "location" }, null],
  ["waitlisted", { lifecycle: "waitlisted", waitlistReason: "moon phase" }, null],
  ["preparing", { lifecycle: "orderConfirmed" }, null],
  ["shipped", { lifecycle: "shipped", trackingStatus: "in_transit" }, null],
  ["outForDelivery", { lifecycle: "shipped", trackingStatus: "out_for_delivery" }, null],
  ["carrierException", { lifecycle: "shipped", trackingStatus: "exception" }, null],
  ["delivered", { lifecycle: "delivered" }, null],
  ["readyForPickup", { lifecycle: "readyForPickup" }, null],
  ["pickedUp", { lifecycle: "pickedUp" }, null],
  ["leaseActive", { lifecycle: "leaseActive" }, null],
  ["returnStarted", { lifecycle: "returnInitiated" }, null],
  ["returned", { lifecycle: "returned" }, null],
  ["cancelled", { lifecycle: "cancelled" }, null],
  ["depositUnpaid", { lifecycle: null }, "unpaid"],
  ["depositPending", { lifecycle: null }, "pendingDeposit"],
  ["depositPaid", { lifecycle: null }, "deposited"],
  ["orderFulfilled", { lifecycle: null }, "fulfilled"],
  ["unknown", { lifecycle: "teleported" }, "odd"],
];

describe("the situation table", () => {
  it("has an example for every row", () => {
    expect(EXAMPLES.map(([name]) => name).sort()).toEqual(Object.keys(SITUATIONS).sort());
  });

  it.each(EXAMPLES)("%s", (expected, fields, state) => {
    expect(situation(fields, state)).toBe(expected);
  });

  it("gives every row distinct, customer-facing headline words", () => {
    const labels = Object.keys(SITUATIONS).map((name) => situationStatus(EN, name as Situation).label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).not.toMatch(/[a-z][A-Z]|_/);
  });

  it("only problems and things to do need attention (the list's first group)", () => {
    const attention = Object.entries(SITUATIONS)
      .filter(([, row]) => row.needsAttention)
      .map(([name]) => name);
    expect(attention.sort()).toEqual(
      [
        "carrierException",
        "continueCheckout",
        "depositHoldExpiring",
        "depositUnpaid",
        "paymentFailed",
        "readyForPickup",
        "returnStarted",
        "waitlistedForLocation",
      ].sort(),
    );
  });

  it("groups the list: attention first, then what moves, then what is over", () => {
    expect(listGroupOf("paymentFailed")).toBe("attention");
    expect(listGroupOf("carrierException")).toBe("attention");
    expect(listGroupOf("depositHoldExpiring")).toBe("attention");
    expect(listGroupOf("continueCheckout")).toBe("attention");
    expect(listGroupOf("waitlistedForLocation")).toBe("attention");
    expect(listGroupOf("returnStarted")).toBe("attention");
    expect(listGroupOf("shipped")).toBe("active");
    expect(listGroupOf("waitlistedForStock")).toBe("active");
    expect(listGroupOf("unknown")).toBe("active");
    expect(listGroupOf("leaseActive")).toBe("done");
    expect(listGroupOf("returned")).toBe("done");
    expect(listGroupOf("cancelled")).toBe("done");
  });

  it("marks only ended orders as over, so their lease, insurance and tracking are not shown", () => {
    const over = Object.entries(SITUATIONS)
      .filter(([, row]) => row.over === true)
      .map(([name]) => name);
    expect(over.sort()).toEqual(["cancelled", "returned"]);
  });

  it("reads problems in a problem tone, finished orders in a done or neutral one", () => {
    expect(situationStatus(EN, "paymentFailed").tone).toBe("danger");
    expect(situationStatus(EN, "carrierException").tone).toBe("danger");
    expect(situationStatus(EN, "depositHoldExpiring").tone).toBe("warning");
    expect(situationStatus(EN, "leaseActive").tone).toBe("success");
    expect(situationStatus(EN, "cancelled").tone).toBe("neutral");
  });

  it("lists each panel at most once per row, and the problem's own panel first", () => {
    for (const row of Object.values(SITUATIONS)) expect(new Set(row.panels).size).toBe(row.panels.length);
    expect(SITUATIONS.paymentFailed.panels[0]).toBe("payments");
    expect(SITUATIONS.carrierException.panels[0]).toBe("shipping");
    expect(SITUATIONS.continueCheckout.panels[0]).toBe("continueCheckout");
    expect(SITUATIONS.returnStarted.panels[0]).toBe("returns");
  });
});

describe("precedence: a problem beats progress", () => {
  it("a failed payment on an active lease is a payment failure", () => {
    expect(situation({ lifecycle: "leaseActive", paymentFailureCount: 2 })).toBe("paymentFailed");
    expect(situation({ lifecycle: "leaseActive", lastPaymentError: "Your card was declined" })).toBe(
      "paymentFailed",
    );
  });

  it("a failed payment beats a return under way and a shipment", () => {
    expect(situation({ lifecycle: "returnInitiated", ...failedPayment })).toBe("paymentFailed");
    expect(situation({ lifecycle: "shipped", trackingStatus: "exception", ...failedPayment })).toBe(
      "paymentFailed",
    );
  });

  it("a carrier exception beats 'shipped', whatever the carrier calls it", () => {
    expect(situation({ lifecycle: "shipped", trackingStatus: "exception" })).toBe("carrierException");
    expect(situation({ lifecycle: "shipped", trackingStatus: "returned_to_sender" })).toBe(
      "carrierException",
    );
  });

  it("a hold about to lapse beats the checkout's progress, a later one does not", () => {
    expect(situation({ lifecycle: "created", depositPreauthExpiresAt: IN_A_DAY })).toBe(
      "depositHoldExpiring",
    );
    expect(situation({ lifecycle: "created", depositPreauthExpiresAt: IN_A_WEEK })).toBe("continueCheckout");
    expect(situation({ lifecycle: "orderConfirmed", depositPreauthExpiresAt: IN_A_DAY })).toBe(
      "depositHoldExpiring",
    );
  });

  it("a paid deposit has no hold to lapse", () => {
    const paid = { depositTimestamp: "2026-02-01T00:00:00Z", depositPreauthExpiresAt: IN_A_DAY };
    expect(situation({ lifecycle: "orderConfirmed", ...paid })).toBe("preparing");
  });

  it("an unfinished checkout is finished through its link, even after a failed payment", () => {
    expect(situation({ lifecycle: "created", ...failedPayment })).toBe("continueCheckout");
  });

  it("a closed order is only closed: old problems no longer matter", () => {
    expect(situation({ lifecycle: "cancelled", ...failedPayment, depositPreauthExpiresAt: IN_A_DAY })).toBe(
      "cancelled",
    );
    expect(situation({ lifecycle: "returned", ...failedPayment })).toBe("returned");
  });

  it("return fields beat the lifecycle that preceded them", () => {
    expect(situation({ lifecycle: "leaseActive", returnInitiatedAt: "2026-02-01T00:00:00Z" })).toBe(
      "returnStarted",
    );
    expect(situation({ lifecycle: "leaseActive", returnCompletedAt: "2026-02-05T00:00:00Z" })).toBe(
      "returned",
    );
    const calledOff = {
      returnInitiatedAt: "2026-02-01T00:00:00Z",
      returnCancelledAt: "2026-02-02T00:00:00Z",
    };
    expect(situation({ lifecycle: "leaseActive", ...calledOff })).toBe("leaseActive");
  });

  it("the lifecycle beats the detail state; the state speaks only when the lifecycle can't", () => {
    expect(situation({ lifecycle: "shipped" }, "unpaid")).toBe("shipped");
    expect(situation({ lifecycle: "teleported" }, "deposited")).toBe("depositPaid");
    expect(situation({ lifecycle: null }, "waitlisted")).toBe("waitlisted");
  });
});

describe("unknown values get neutral words, never another value's", () => {
  it.each([["teleported"], ["constructor"], ["__proto__"], [""], [null]])("lifecycle %j", (lifecycle) => {
    expect(situation({ lifecycle })).toBe("unknown");
  });

  it("reads 'Status unavailable', neutrally", () => {
    expect(situationStatus(EN, "unknown")).toMatchObject({ label: "Status unavailable", tone: "neutral" });
  });

  it("an unknown waitlist reason is a plain waitlist, not a location problem", () => {
    expect(situation({ lifecycle: "waitlisted", waitlistReason: "weather" })).toBe("waitlisted");
    expect(situationStatus(EN, "waitlisted").label).toBe("On the waitlist");
  });

  it("an unknown tracking status on a shipped order is still 'shipped'", () => {
    expect(situation({ lifecycle: "shipped", trackingStatus: "held_at_customs" })).toBe("shipped");
  });
});

// lifecycle → [unfinished, live]
const RULES: [string | null, boolean, boolean][] = [
  ["created", true, true],
  ["waitlisted", false, true],
  ["orderConfirmed", false, true],
  ["shipped", false, true],
  ["delivered", false, true],
  ["readyForPickup", false, true],
  ["pickedUp", false, true],
  ["leaseActive", false, false],
  ["returnInitiated", false, true],
  ["returned", false, false],
  ["cancelled", false, false],
  ["teleported", false, false],
  ["constructor", false, false],
  [null, false, false],
];

describe("lifecycle facts", () => {
  it("covers every known lifecycle", () => {
    const covered = RULES.map(([lifecycle]) => lifecycle);
    for (const lifecycle of KNOWN_LIFECYCLES) expect(covered).toContain(lifecycle);
  });

  it.each(RULES)("%s: unfinished %s, live %s", (lifecycle, unfinished, live) => {
    expect(factsOf({ lifecycle }).stage === "unfinished").toBe(unfinished);
    expect(SITUATIONS[situation({ lifecycle })].live).toBe(live);
  });
});

describe("a paid deposit", () => {
  it("is paid with a deposit timestamp once past 'created'", () => {
    const depositTimestamp = "2026-01-10T10:00:00.000Z";
    expect(factsOf({ lifecycle: "orderConfirmed", depositTimestamp }).depositPaid).toBe(true);
    expect(factsOf({ lifecycle: null, depositTimestamp }).depositPaid).toBe(true);
    expect(factsOf({ lifecycle: "created", depositTimestamp }).depositPaid).toBe(false);
    expect(factsOf({ lifecycle: "leaseActive", depositTimestamp: null }).depositPaid).toBe(false);
  });

  it("is paid when the detail state says the deposit was taken", () => {
    expect(factsOf({ lifecycle: null, depositTimestamp: null }, "deposited").depositPaid).toBe(true);
    expect(factsOf({ lifecycle: null, depositTimestamp: null }, "pendingDeposit").depositPaid).toBe(false);
  });
});

describe("the pickup flow", () => {
  it("follows the pickup flow with a pickup location and no shipment", () => {
    expect(factsOf({ lifecycle: "orderConfirmed", pickupLocationId: 7 }).fulfilment === "pickup").toBe(true);
    expect(factsOf({ lifecycle: "orderConfirmed" }).fulfilment === "pickup").toBe(false);
  });

  it("prefers a shipment when there is tracking", () => {
    const record = checkoutRecord({ lifecycle: "leaseActive", pickupLocationId: 7, trackingNumber: "1Z" });
    expect(checkoutFacts(record, null, NOW).fulfilment === "pickup").toBe(false);
  });

  it("trusts pickup lifecycles", () => {
    expect(factsOf({ lifecycle: "readyForPickup" }).fulfilment === "pickup").toBe(true);
    expect(factsOf({ lifecycle: "shipped", pickupLocationId: 7 }).fulfilment === "pickup").toBe(false);
  });
});
