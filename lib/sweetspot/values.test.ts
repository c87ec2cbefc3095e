import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkoutDetailRecordSchema,
  checkoutRecordSchema,
  KNOWN_INSURANCE_STATUSES,
  KNOWN_LIFECYCLES,
  KNOWN_MILESTONE_KEYS,
  KNOWN_PAYMENT_ERROR_CODES,
  KNOWN_RECURRING_PAYMENT_STATUSES,
  KNOWN_STATES,
  KNOWN_TRACKING_CARRIERS,
  KNOWN_TRACKING_STATUSES,
  KNOWN_WAITLIST_REASONS,
} from "./schemas";
import { count, dateOrTimestamp, enumKey, isTimestamp, normaliseEnum, numeric, timestamp } from "./values";

/** Spellings an API might send for a canonical value: upper, kebab, snake, spaced, padded. */
function variantsOf(canonical: string): string[] {
  const words = canonical
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[_\s-]+/)
    .map((word) => word.toLowerCase());
  return [
    canonical.toUpperCase(),
    words.join("-"),
    words.join("_"),
    words.join("_").toUpperCase(),
    words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join(" "),
    `  ${canonical}  `,
  ];
}

describe("normaliseEnum", () => {
  it("reads IN_PROGRESS, in-progress, in_progress and In Progress as one value", () => {
    const known = ["inProgress"];
    for (const value of ["IN_PROGRESS", "in-progress", "in_progress", "In Progress", "inprogress"]) {
      expect(normaliseEnum(known, value), value).toBe("inProgress");
    }
    expect(enumKey("ORDER-CONFIRMED")).toBe(enumKey("orderConfirmed"));
  });

  it("keeps an unknown value as its trimmed raw string, and reads blank as null", () => {
    expect(normaliseEnum(KNOWN_LIFECYCLES, "  Teleported ")).toBe("Teleported");
    expect(normaliseEnum(KNOWN_LIFECYCLES, "   ")).toBeNull();
  });

  it("does not merge values that differ by more than case and separators", () => {
    expect(normaliseEnum(KNOWN_LIFECYCLES, "order confirmed!")).toBe("order confirmed!");
    expect(normaliseEnum(KNOWN_TRACKING_STATUSES, "in transit soon")).toBe("in transit soon");
  });
});

describe("enum fields are normalised to the canonical spelling", () => {
  const LIST_FIELDS: [string, readonly string[]][] = [
    ["lifecycle", KNOWN_LIFECYCLES],
    ["previousLifecycle", KNOWN_LIFECYCLES],
    ["insuranceStatus", KNOWN_INSURANCE_STATUSES],
    ["recurringPaymentStatus", KNOWN_RECURRING_PAYMENT_STATUSES],
    ["waitlistReason", KNOWN_WAITLIST_REASONS],
    ["trackingCarrier", KNOWN_TRACKING_CARRIERS],
    ["trackingStatus", KNOWN_TRACKING_STATUSES],
    ["lastPaymentErrorCode", KNOWN_PAYMENT_ERROR_CODES],
  ];

  it.each(LIST_FIELDS)("list field %s", (field, known) => {
    for (const canonical of known) {
      for (const variant of variantsOf(canonical)) {
        const record = checkoutRecordSchema.parse({ id: "chk_1", [field]: variant });
        expect(record[field as keyof typeof record], `${field}: ${variant}`).toBe(canonical);
      }
    }
    const unknown = checkoutRecordSchema.parse({ id: "chk_1", [field]: " Something New " });
    expect(unknown[field as keyof typeof unknown]).toBe("Something New");
  });

  it.each([
    ["state", KNOWN_STATES],
    ["insuranceStatus", KNOWN_INSURANCE_STATUSES],
    ["recurringPaymentStatus", KNOWN_RECURRING_PAYMENT_STATUSES],
    ["lastPaymentErrorCode", KNOWN_PAYMENT_ERROR_CODES],
  ] as const)("detail field %s", (field, known) => {
    for (const canonical of known) {
      for (const variant of variantsOf(canonical)) {
        const record = checkoutDetailRecordSchema.parse({ id: "chk_1", [field]: variant });
        expect(record[field], `${field}: ${variant}`).toBe(canonical);
      }
    }
  });

  it("the examples from the issue", () => {
    const record = checkoutRecordSchema.parse({
      id: "chk_1",
      lifecycle: "ORDER-CONFIRMED",
      trackingStatus: "In Transit",
      trackingCarrier: "FedEx",
      waitlistReason: "Inventory",
    });
    expect(record).toMatchObject({
      lifecycle: "orderConfirmed",
      trackingStatus: "in_transit",
      trackingCarrier: "fedex",
      waitlistReason: "inventory",
    });
  });

  it("milestone keys and the current milestone", () => {
    const record = checkoutRecordSchema.parse({
      id: "chk_1",
      progress: {
        currentMilestone: "DEPOSIT_PAID",
        milestones: KNOWN_MILESTONE_KEYS.map((key) => ({
          key: variantsOf(key)[1],
          label: key,
          completedAt: null,
        })),
      },
    });
    expect(record.progress?.currentMilestone).toBe("depositPaid");
    expect(record.progress?.milestones.map((milestone) => milestone.key)).toEqual([...KNOWN_MILESTONE_KEYS]);
  });

  it("a wrong-typed enum value is null, never another value", () => {
    const record = checkoutRecordSchema.parse({ id: "chk_1", lifecycle: 3, trackingStatus: ["delivered"] });
    expect(record).toMatchObject({ lifecycle: null, trackingStatus: null });
  });
});

describe("timestamps", () => {
  it.each([
    "2025-03-01T22:00:00-05:00",
    "2025-03-01T22:00:00Z",
    "2025-03-01T22:00:00.123Z",
    "2025-12-10T18:00:53.262Z",
    "2025-03-01T22:00+01:00",
    "2024-02-29T00:00:00Z",
  ])("accepts %s", (value) => {
    expect(isTimestamp(value)).toBe(true);
    expect(timestamp.parse(value)).toBe(value);
  });

  it.each([
    "0",
    "2025",
    "2025-03-01",
    "2025-03-01T22:00:00",
    "2025-02-30T00:00:00Z",
    "2025-13-01T00:00:00Z",
    "2025-03-01T24:00:00Z",
    "2025-03-01T22:61:00Z",
    "March 1, 2025",
    "1740866400000",
    "",
  ])("rejects %j", (value) => {
    expect(isTimestamp(value)).toBe(false);
    expect(timestamp.parse(value)).toBeNull();
  });

  it("rejects numbers", () => {
    expect(timestamp.parse(1_740_866_400_000)).toBeNull();
  });

  it("lease dates may be calendar dates, still not years", () => {
    expect(dateOrTimestamp.parse("2026-12-01")).toBe("2026-12-01");
    expect(dateOrTimestamp.parse("2026-12-01T00:00:00Z")).toBe("2026-12-01T00:00:00Z");
    expect(dateOrTimestamp.parse("2026")).toBeNull();
    expect(dateOrTimestamp.parse("2026-02-30")).toBeNull();
    const record = checkoutRecordSchema.parse({
      id: "chk_1",
      leaseStartDate: "2026-12-01",
      shippedAt: "2026-12-01",
    });
    expect(record).toMatchObject({ leaseStartDate: "2026-12-01", shippedAt: null });
  });
});

describe("numbers", () => {
  it("reads unambiguous numeric strings", () => {
    expect(count.parse("2")).toBe(2);
    expect(count.parse(" 3 ")).toBe(3);
    expect(numeric(z.number()).parse("19.99")).toBe(19.99);
  });

  it.each(["1e3", "0x10", "1,000", "", "two", "-1", "2.5"])("does not read %j as a count", (value) => {
    expect(count.parse(value)).toBeNull();
  });

  it("reads quantities, failure counts and fees sent as strings", () => {
    const record = checkoutRecordSchema.parse({
      id: "chk_1",
      paymentFailureCount: "2",
      pickupLocationId: "17",
      purchaseItems: [{ name: "Sofa", quantity: "2" }],
    });
    expect(record).toMatchObject({ paymentFailureCount: 2, pickupLocationId: 17 });
    expect(record.purchaseItems?.[0]?.quantity).toBe(2);
    const detail = checkoutDetailRecordSchema.parse({
      id: "chk_1",
      arbitraryFees: [{ name: "Delivery", amountCents: "4900", currency: "usd" }],
    });
    expect(detail.arbitraryFees?.[0]?.amountCents).toBe(4900);
  });
});
