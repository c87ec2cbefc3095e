import { describe, expect, it } from "vitest";
import { KNOWN_LIFECYCLES } from "@/lib/sweetspot/schemas";
import { checkoutRecord } from "@/test-support/test-records";
import {
  hasPaidDeposit,
  isClosedCheckout,
  isLiveCheckout,
  isPickupCheckout,
  isUnfinishedCheckout,
} from "./lifecycle";

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
  ["Created", false, false],
  ["constructor", false, false],
  [null, false, false],
];

describe("lifecycle rules", () => {
  it("covers every known lifecycle", () => {
    const covered = RULES.map(([lifecycle]) => lifecycle);
    for (const lifecycle of KNOWN_LIFECYCLES) expect(covered).toContain(lifecycle);
  });

  it.each(RULES)("%s: unfinished %s, live %s", (lifecycle, unfinished, live) => {
    expect(isUnfinishedCheckout(lifecycle)).toBe(unfinished);
    expect(isLiveCheckout(lifecycle)).toBe(live);
  });

  it("counts only cancelled and returned as closed", () => {
    expect(KNOWN_LIFECYCLES.filter((lifecycle) => isClosedCheckout(lifecycle))).toEqual([
      "returned",
      "cancelled",
    ]);
  });
});

describe("hasPaidDeposit", () => {
  it("is paid with a deposit timestamp once past 'created'", () => {
    const depositTimestamp = "2026-01-10T10:00:00.000Z";
    expect(hasPaidDeposit({ lifecycle: "orderConfirmed", depositTimestamp })).toBe(true);
    expect(hasPaidDeposit({ lifecycle: null, depositTimestamp })).toBe(true);
    expect(hasPaidDeposit({ lifecycle: "created", depositTimestamp })).toBe(false);
    expect(hasPaidDeposit({ lifecycle: "leaseActive", depositTimestamp: null })).toBe(false);
  });
});

describe("isPickupCheckout", () => {
  it("follows the pickup flow with a pickup location and no shipment", () => {
    expect(isPickupCheckout(checkoutRecord({ lifecycle: "orderConfirmed", pickupLocationId: 7 }))).toBe(true);
    expect(isPickupCheckout(checkoutRecord({ lifecycle: "orderConfirmed" }))).toBe(false);
  });

  it("prefers a shipment when there is tracking", () => {
    const record = checkoutRecord({ lifecycle: "leaseActive", pickupLocationId: 7, trackingNumber: "1Z" });
    expect(isPickupCheckout(record)).toBe(false);
  });

  it("trusts pickup lifecycles", () => {
    expect(isPickupCheckout(checkoutRecord({ lifecycle: "readyForPickup" }))).toBe(true);
    expect(isPickupCheckout(checkoutRecord({ lifecycle: "shipped", pickupLocationId: 7 }))).toBe(false);
  });
});
