import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortReference } from "../lib/checkout/support";
import { IMG_TAG, SCRIPT_TAG } from "./hostile-checkouts";
import {
  DEMO_CUSTOMERS,
  MANY_CHECKOUT_COUNT,
  manyCheckoutId,
  ORGANIZATIONS,
  SCENARIOS,
  type ScenarioName,
} from "./scenarios";
import { createSandbox } from "./server";
import { type JsonObject, type RunningSandbox, startSandbox } from "./testing";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let running: RunningSandbox;
let byId: Map<string, JsonObject>;

beforeAll(async () => {
  running = await startSandbox({ now: NOW });
  byId = new Map();
  for (const customer of Object.values(DEMO_CUSTOMERS)) {
    for (const item of await running.list(`userId=${customer.id}&limit=100`)) byId.set(String(item.id), item);
  }
});
afterAll(() => running.close());

function scenario(name: ScenarioName): JsonObject {
  const item = byId.get(SCENARIOS[name]);
  if (!item) throw new Error(`scenario ${name} (${SCENARIOS[name]}) is not served`);
  return item;
}

function msFromNow(value: unknown): number {
  return Date.parse(String(value)) - NOW.getTime();
}

type Progress = {
  currentMilestone: string | null;
  milestones: { key: string; label: string; completedAt: string | null }[];
};

describe("demo customers and scenario ids", () => {
  it("every scenario id is served, unique, and ends in a reference-like tail (what customers see as its reference)", () => {
    const ids = [...Object.values(SCENARIOS), manyCheckoutId(0), manyCheckoutId(MANY_CHECKOUT_COUNT - 1)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^chk_[a-z]+_[A-Z0-9]{6}$/);
      expect(byId.has(id), id).toBe(true);
    }
    const references = ids.map(shortReference);
    expect(new Set(references).size).toBe(references.length);
    expect(shortReference(SCENARIOS.unfinished)).toBe("…R7K2QD");
  });

  it("every checkout id is unique across customers", () => {
    const total = [...byId.keys()].length;
    expect(total).toBe(17 + MANY_CHECKOUT_COUNT + 0 + 9 + 3);
  });

  it("names five demo customers with usr_ ids", () => {
    expect(Object.values(DEMO_CUSTOMERS).map((customer) => [customer.id, customer.name])).toEqual([
      ["usr_demo_alex", "Alex Rivera"],
      ["usr_demo_many", "Morgan Lee"],
      ["usr_demo_empty", "Sam Park"],
      ["usr_demo_hostile", "Quinn Hostile"],
      ["usr_demo_blair", "Blair Chen"],
    ]);
  });
});

describe("Alex Rivera: one checkout per situation", () => {
  it("unfinished: created, with an https checkout URL and no progress", () => {
    const item = scenario("unfinished");
    expect(item).toMatchObject({ lifecycle: "created", progress: null });
    expect(String(item.checkoutUrl)).toMatch(/^https:\/\//);
    expect(item).not.toHaveProperty("depositPreauthExpiresAt");
  });

  it("deposit pending: created, pre-authorized, the hold expiring in under 2 days", () => {
    const item = scenario("depositPending");
    expect(item).toMatchObject({ lifecycle: "created", progress: null });
    expect(String(item.stripeDepositPaymentIntentId)).toMatch(/^pi_/);
    expect(msFromNow(item.depositPreauthExpiresAt)).toBeGreaterThan(0);
    expect(msFromNow(item.depositPreauthExpiresAt)).toBeLessThan(2 * DAY);
    // Authorized 7 days before the hold runs out.
    expect(Date.parse(String(item.depositPreauthExpiresAt)) - Date.parse(String(item.depositTimestamp))).toBe(
      7 * DAY,
    );
  });

  it("waitlisted for inventory", () => {
    expect(scenario("waitlistedInventory")).toMatchObject({
      lifecycle: "waitlisted",
      waitlistReason: "inventory",
    });
  });

  it("waitlisted for location, with a message, a reason code and the address", () => {
    const item = scenario("waitlistedLocation");
    expect(item).toMatchObject({
      lifecycle: "waitlisted",
      waitlistReason: "location",
      locationMessage: "service_area_expansion_pending",
      waitlistLocationReasonCode: "outside_service_area",
    });
    expect(item.waitlistLocationAddress).toMatchObject({ city: "Nome", region: "AK", country: "US" });
  });

  it("order confirmed, with milestones up to the confirmation", () => {
    const item = scenario("orderConfirmed");
    expect(item.lifecycle).toBe("orderConfirmed");
    const progress = item.progress as Progress;
    expect(progress.currentMilestone).toBe("orderConfirmed");
    expect(progress.milestones.map((milestone) => milestone.key)).toEqual([
      "checkoutStarted",
      "depositPaid",
      "insuranceApproved",
      "orderConfirmed",
      "shipped",
      "delivered",
      "leaseActive",
    ]);
    expect(progress.milestones.map((milestone) => milestone.completedAt !== null)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it.each<[ScenarioName, string, string, RegExp]>([
    ["shippedUps", "ups", "in_transit", /^1Z[0-9A-Z]{16}$/],
    ["shippedFedex", "fedex", "out_for_delivery", /^\d{12,15}$/],
    ["shippedUsps", "usps", "label_created", /^\d{20,22}$/],
    ["shippedDhl", "dhl", "exception", /^\d{10}$/],
  ])("%s: shipped with %s, %s, and a realistic tracking number", (name, carrier, status, trackingNumber) => {
    const item = scenario(name);
    expect(item).toMatchObject({ lifecycle: "shipped", trackingCarrier: carrier, trackingStatus: status });
    expect(String(item.trackingNumber)).toMatch(trackingNumber);
    expect(msFromNow(item.shippedAt)).toBeLessThan(0);
    expect((item.progress as Progress).currentMilestone).toBe("shipped");
  });

  it("delivered, signed for", () => {
    const item = scenario("delivered");
    expect(item).toMatchObject({
      lifecycle: "delivered",
      signedBy: "A. Rivera",
      trackingStatus: "delivered",
    });
    expect(msFromNow(item.deliveredAt)).toBeLessThan(0);
  });

  it("lease active, with start and end dates and a term", () => {
    const item = scenario("leaseActive");
    expect(item).toMatchObject({
      lifecycle: "leaseActive",
      leaseTermId: "lt_24m",
      recurringPaymentStatus: "active",
    });
    expect(String(item.leaseStartDate)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(item.leaseEndDate) > String(item.leaseStartDate)).toBe(true);
  });

  it("return initiated, with a reason and notes", () => {
    const item = scenario("returnInitiated");
    expect(item).toMatchObject({ lifecycle: "returnInitiated", returnReason: "Too large for the apartment" });
    expect(item.returnNotes).toEqual(expect.any(String));
    expect(item.returnInitiatedAt).toEqual(expect.any(String));
    expect((item.progress as Progress).currentMilestone).toBe("returnInitiated");
  });

  it("return cancelled: back to its lease, remembering where it came from", () => {
    const item = scenario("returnCancelled");
    expect(item).toMatchObject({ lifecycle: "leaseActive", previousLifecycle: "returnInitiated" });
    expect(msFromNow(item.returnCancelledAt)).toBeGreaterThan(msFromNow(item.returnInitiatedAt));
  });

  it("return completed", () => {
    const item = scenario("returnCompleted");
    expect(item).toMatchObject({ lifecycle: "returned", recurringPaymentStatus: "cancelled" });
    expect((item.progress as Progress).currentMilestone).toBe("returnCompleted");
    expect(msFromNow(item.returnCompletedAt)).toBeGreaterThan(msFromNow(item.returnInitiatedAt));
  });

  it("payment failed three times, with the error in words", () => {
    const item = scenario("paymentFailed");
    expect(item).toMatchObject({ lastPaymentErrorCode: "card_declined", paymentFailureCount: 3 });
    expect(String(item.lastPaymentError)).toMatch(/declined/);
    expect(["pending", "active"]).toContain(item.recurringPaymentStatus);
    expect(msFromNow(item.lastPaymentErrorAt)).toBeLessThan(0);
  });

  it("cancelled", () => {
    expect(scenario("cancelled")).toMatchObject({ lifecycle: "cancelled", progress: null });
  });

  it("pickup instead of shipping", () => {
    const item = scenario("readyForPickup");
    expect(item).toMatchObject({ lifecycle: "readyForPickup", pickupLocationId: 7 });
    expect(item).not.toHaveProperty("trackingNumber");
    expect((item.progress as Progress).milestones.map((milestone) => milestone.key)).toContain("pickedUp");
  });

  it("post-confirmation checkouts carry progress; earlier ones do not", () => {
    const preConfirmation = [
      "unfinished",
      "depositPending",
      "waitlistedInventory",
      "waitlistedLocation",
      "cancelled",
    ];
    for (const [name, id] of Object.entries(SCENARIOS)) {
      const item = byId.get(id);
      if (!item || item.customerId !== DEMO_CUSTOMERS.alex.id) continue;
      if (preConfirmation.includes(name)) expect(item.progress, name).toBeNull();
      else expect((item.progress as Progress).milestones.length, name).toBeGreaterThan(0);
    }
  });

  it("every checkout has purchase items, organization 101 and a distinct creation time", () => {
    const alex = [...byId.values()].filter((item) => item.customerId === DEMO_CUSTOMERS.alex.id);
    expect(alex).toHaveLength(17);
    for (const item of alex) {
      expect(item.organizationId).toBe(ORGANIZATIONS.alex);
      const items = item.purchaseItems as { name: string; quantity: number }[];
      expect(items.length).toBeGreaterThan(0);
      for (const purchase of items) expect(purchase.name.length).toBeGreaterThan(3);
    }
    expect(new Set(alex.map((item) => item.createdAt)).size).toBe(17);
    expect(alex.filter((item) => item.externalOrderId !== undefined).length).toBeGreaterThan(1);
  });

  it("carries every kind of internal id, so tests can check none of them leaks", () => {
    const text = JSON.stringify(
      [...byId.values()].filter((item) => item.customerId === DEMO_CUSTOMERS.alex.id),
    );
    for (const pattern of [/"pi_\w+"/, /"sub_\w+"/, /"in_\w+"/, /"pd_\w+"/, /"pm_\w+"/, /"otp_\w+"/]) {
      expect(text).toMatch(pattern);
    }
  });
});

describe("the other customers", () => {
  it("Morgan Lee has 65 checkouts in mixed lifecycles", () => {
    const many = [...byId.values()].filter((item) => item.customerId === DEMO_CUSTOMERS.many.id);
    expect(many).toHaveLength(MANY_CHECKOUT_COUNT);
    expect(new Set(many.map((item) => item.lifecycle)).size).toBeGreaterThanOrEqual(6);
  });

  it("Sam Park has none", async () => {
    expect(await running.list(`userId=${DEMO_CUSTOMERS.empty.id}`)).toEqual([]);
  });

  it("Blair Chen's checkouts live in organization 202, and there are several organizations", () => {
    const blair = [...byId.values()].filter((item) => item.customerId === DEMO_CUSTOMERS.blair.id);
    expect(blair.length).toBeGreaterThanOrEqual(3);
    expect(new Set(blair.map((item) => item.organizationId))).toEqual(new Set([ORGANIZATIONS.blair]));
    expect(new Set([...byId.values()].map((item) => item.organizationId)).size).toBeGreaterThanOrEqual(4);
  });
});

describe("Quinn Hostile: hostile and odd data", () => {
  const hostile = () => [...byId.values()].filter((item) => item.customerId === DEMO_CUSTOMERS.hostile.id);
  const valuesOf = (field: string) =>
    hostile().flatMap((item) => {
      const value = item[field];
      if (field === "purchaseItems")
        return ((value as { name: string }[] | undefined) ?? []).map((p) => p.name);
      return value === undefined ? [] : [String(value)];
    });

  it.each([
    "returnReason",
    "returnNotes",
    "signedBy",
    "lastPaymentError",
    "locationMessage",
    "purchaseItems",
    "externalOrderId",
    "trackingNumber",
  ])("puts a script tag and an img tag in %s", (field) => {
    expect(
      valuesOf(field).some((value) => value.includes(SCRIPT_TAG)),
      field,
    ).toBe(true);
    expect(
      valuesOf(field).some((value) => value.includes(IMG_TAG)),
      field,
    ).toBe(true);
  });

  it("has a javascript: checkout URL and a plain http one to a non-local host", () => {
    const urls = valuesOf("checkoutUrl");
    expect(urls).toContain("javascript:alert(1)");
    const http = urls.find((url) => url.startsWith("http://"));
    expect(http).toBeDefined();
    expect(new URL(String(http)).hostname).not.toMatch(/^(localhost|127\.0\.0\.1)$/);
  });

  it("has 2 KB strings, right-to-left text and emoji", () => {
    const text = hostile().flatMap((item) => [
      ...Object.values(item).filter((value): value is string => typeof value === "string"),
      ...((item.purchaseItems as { name: string }[] | undefined) ?? []).map((p) => p.name),
    ]);
    expect(text.some((value) => value.length >= 2048)).toBe(true);
    expect(text.some((value) => /[\u0590-\u05FF]/.test(value))).toBe(true);
    expect(text.some((value) => /[\u0600-\u06FF]/.test(value))).toBe(true);
    expect(text.some((value) => /\p{Extended_Pictographic}/u.test(value))).toBe(true);
  });

  it("has nulls in always-present fields", () => {
    expect(scenario("hostileHttpUrl").insuranceStatus).toBeNull();
    expect(scenario("hostileNullLifecycle").lifecycle).toBeNull();
    expect(scenario("hostileNullCreatedAt").createdAt).toBeNull();
  });

  it("has values outside every known enumeration and progress of unexpected shapes", () => {
    expect(scenario("hostileUnknownValues")).toMatchObject({
      lifecycle: "quantumEntangled",
      progress: { steps: 5 },
    });
    expect(["pending", "approved", "denied", null]).not.toContain(
      scenario("hostileUnknownValues").insuranceStatus,
    );
    const carrier = scenario("hostileUnknownCarrier");
    expect(carrier).toMatchObject({ trackingCarrier: "pigeonpost", progress: "halfway there" });
    expect(["label_created", "in_transit", "out_for_delivery", "delivered", "exception"]).not.toContain(
      carrier.trackingStatus,
    );
  });
});

describe("determinism", () => {
  it("seeds the same data for the same moment, with times relative to it", async () => {
    const again = await startSandbox({ now: NOW });
    try {
      for (const customer of Object.values(DEMO_CUSTOMERS)) {
        expect(await again.list(`userId=${customer.id}&limit=100`)).toEqual(
          await running.list(`userId=${customer.id}&limit=100`),
        );
      }
    } finally {
      await again.close();
    }
    expect(scenario("unfinished").createdAt).toBe(new Date(NOW.getTime() - 3 * HOUR).toISOString());
  });

  it("moves every timestamp with the seed moment", () => {
    const later = new Date(NOW.getTime() + 30 * DAY);
    const shifted = createSandbox({ now: later }).store.get(SCENARIOS.depositPending);
    expect(Date.parse(String(shifted?.depositPreauthExpiresAt)) - later.getTime()).toBe(
      msFromNow(scenario("depositPending").depositPreauthExpiresAt),
    );
  });
});
