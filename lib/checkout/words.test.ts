import { describe, expect, it } from "vitest";
import {
  KNOWN_INSURANCE_STATUSES,
  KNOWN_LIFECYCLES,
  KNOWN_MILESTONE_KEYS,
  KNOWN_PAYMENT_ERROR_CODES,
  KNOWN_RECURRING_PAYMENT_STATUSES,
  KNOWN_STATES,
  KNOWN_TRACKING_STATUSES,
  KNOWN_WAITLIST_REASONS,
} from "@/lib/sweetspot/schemas";
import { checkoutRecord } from "@/test-support/test-records";
import { situationOf, situationStatus, waitlistReasonStatus } from "./situation";
import type { StatusView } from "./types";
import {
  ACTION_LABELS,
  ALL_FILTER_LABEL,
  insuranceStatusView,
  leaseTermText,
  locationMessageText,
  milestoneLabel,
  paymentProblemWords,
  recurringPaymentStatusView,
  trackingStatusView,
} from "./words";

const NOW = new Date("2026-03-01T00:00:00.000Z");

/** The headline for a lifecycle alone, through the situation table. */
const lifecycleStatusView = (lifecycle: string | null) =>
  situationStatus(situationOf({ record: checkoutRecord({ lifecycle }), state: null, now: NOW }));

/** The headline for a detail state when the lifecycle says nothing. */
const checkoutStateStatusView = (state: string | null) =>
  situationStatus(situationOf({ record: checkoutRecord({ lifecycle: null }), state, now: NOW }));

/** Strings the API might send that we have no words for, including ones that hit Object.prototype. */
const UNKNOWN_VALUES = [
  "pendingDeposit",
  "awaiting_capture",
  "SHIPPED_LATE",
  "in-transit",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "",
  " ",
  "<script>alert(1)</script>",
];

function randomIdentifier(seed: number): string {
  // Deterministic pseudo-random camelCase/snake_case identifiers: the shapes raw enum values take.
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const word = () =>
    Array.from({ length: 3 + (next() % 6) }, () => letters[next() % letters.length]).join("");
  return next() % 2 === 0
    ? `${word()}_${word()}`
    : `${word()}${word().replace(/^./, (c) => c.toUpperCase())}`;
}

const RANDOM_UNKNOWN_VALUES = Array.from({ length: 50 }, (_, index) => randomIdentifier(index + 1));

/** A label that is customer text: not empty, not the value itself, not identifier-shaped. */
function expectCustomerLabel(label: string, raw: string) {
  expect(label.trim()).not.toBe("");
  expect(label).not.toBe(raw);
  expect(label).not.toMatch(/[a-z][A-Z]/); // camelCase, e.g. pendingDeposit
  expect(label).not.toMatch(/_/); // snake_case, e.g. in_transit
}

function expectStatusView(view: StatusView, raw: string) {
  expectCustomerLabel(view.label, raw);
  expect(["neutral", "info", "success", "warning", "danger"]).toContain(view.tone);
  // Plain words ("shipped") may appear in a sentence; identifiers ("in_transit", "pendingDeposit") must not.
  if (view.description !== null && /[a-z][A-Z]|_/.test(raw)) expect(view.description).not.toContain(raw);
}

type StatusTable = [
  name: string,
  lookup: (value: string | null) => StatusView,
  known: readonly string[],
  /** Values mapped through the situation table may share a situation (and its words); the rows differ. */
  distinct: boolean,
];

const STATUS_TABLES: StatusTable[] = [
  ["lifecycle", lifecycleStatusView, KNOWN_LIFECYCLES, false],
  ["detail state", checkoutStateStatusView, KNOWN_STATES, false],
  ["insurance", insuranceStatusView, KNOWN_INSURANCE_STATUSES, true],
  ["recurring payment", recurringPaymentStatusView, KNOWN_RECURRING_PAYMENT_STATUSES, true],
  ["waitlist reason", waitlistReasonStatus, KNOWN_WAITLIST_REASONS, true],
  ["tracking status", trackingStatusView, KNOWN_TRACKING_STATUSES, true],
];

describe.each(STATUS_TABLES)("%s words", (_name, lookup, known, distinct) => {
  const fallback = lookup(null);

  it.each([...known])("has its own words for the known value %s", (value) => {
    const view = lookup(value);
    expectStatusView(view, value);
    expect(view).not.toEqual(fallback);
  });

  if (distinct) {
    it("gives every known value distinct words", () => {
      const labels = known.map((value) => lookup(value).label);
      expect(new Set(labels).size).toBe(labels.length);
    });
  }

  it.each([...UNKNOWN_VALUES, ...RANDOM_UNKNOWN_VALUES])("falls back to neutral words for %j", (value) => {
    const knownValues: readonly string[] = known;
    if (knownValues.includes(value) || knownValues.includes(value.trim().toLowerCase())) return;
    const view = lookup(value);
    expectStatusView(view, value);
    expect(view).toEqual(fallback);
  });

  it("falls back for null", () => {
    expectCustomerLabel(fallback.label, "null");
  });
});

describe("lifecycle words", () => {
  it("calls an unfinished checkout what it is", () => {
    expect(lifecycleStatusView("created").label).toBe("Checkout not finished");
  });

  it("says the status is unavailable, neutrally, for unknown or missing lifecycles", () => {
    // Case, separators and spaces are normalised at the schema, so these are the documented value.
    for (const variant of ["leaseActive ", "LEASEACTIVE", "lease_active", "Lease-Active"]) {
      expect(lifecycleStatusView(variant).label).toBe("Lease active");
    }
    expect(lifecycleStatusView("teleported")).toMatchObject({ label: "Status unavailable", tone: "neutral" });
    expect(lifecycleStatusView(null)).toMatchObject({ label: "Status unavailable", tone: "neutral" });
  });
});

describe("tracking status words", () => {
  it("reads carriers' statuses whatever their case", () => {
    expect(trackingStatusView("IN_TRANSIT").label).toBe("In transit");
    expect(trackingStatusView(" Out_For_Delivery ").label).toBe("Out for delivery");
  });

  it("says 'Tracking update' for statuses it does not know", () => {
    expect(trackingStatusView("held_at_customs").label).toBe("Tracking update");
  });
});

describe("payment problem words", () => {
  it.each([...KNOWN_PAYMENT_ERROR_CODES])("has a message and advice of its own for %s", (code) => {
    const words = paymentProblemWords(code);
    expect(words).not.toEqual(paymentProblemWords(null));
    expect(words.message).not.toContain(code);
    expect(words.advice).not.toContain(code);
    expect(words.message.length).toBeGreaterThan(10);
    expect(words.advice.length).toBeGreaterThan(10);
  });

  it.each([...UNKNOWN_VALUES, ...RANDOM_UNKNOWN_VALUES])("uses generic words for %j", (code) => {
    expect(paymentProblemWords(code)).toEqual(paymentProblemWords(null));
  });
});

describe("location messages", () => {
  it("turns known codes into sentences", () => {
    const sentence = locationMessageText("service_area_expansion_pending");
    expect(sentence).toMatch(/expanding/);
    expect(sentence).not.toContain("_");
  });

  it.each([...UNKNOWN_VALUES.filter((value) => value.trim() !== ""), ...RANDOM_UNKNOWN_VALUES])(
    "never shows the code %j itself",
    (code) => {
      const sentence = locationMessageText(code);
      expect(sentence).not.toBeNull();
      expect(sentence).not.toContain(code);
      expect(sentence).toBe(locationMessageText("some_code_we_do_not_know"));
    },
  );

  it("is null when there is no code", () => {
    expect(locationMessageText(null)).toBeNull();
    expect(locationMessageText("  ")).toBeNull();
  });
});

describe("milestone labels", () => {
  it.each([...KNOWN_MILESTONE_KEYS])("has words for %s, preferred over the API's label", (key) => {
    const label = milestoneLabel(key, "API LABEL", 3);
    expectCustomerLabel(label, key);
    expect(label).not.toBe("API LABEL");
  });

  it("uses the API's label for a key it does not know", () => {
    expect(milestoneLabel("insuranceReviewed", "Insurance reviewed", 4)).toBe("Insurance reviewed");
  });

  it.each([...RANDOM_UNKNOWN_VALUES, "constructor", "__proto__"])(
    "says 'Step N' for unknown key %s without a label",
    (key) => {
      expect(milestoneLabel(key, null, 4)).toBe("Step 4");
    },
  );
});

describe("lease terms", () => {
  it.each([
    ["lt_12m", "12 months"],
    ["lt_1m", "1 month"],
    ["LT_24M", "24 months"],
    ["lt_52w", "52 weeks"],
    ["lt_2y", "2 years"],
    ["lt_1y", "1 year"],
  ])("reads %s as %s", (id, text) => {
    expect(leaseTermText(id)).toBe(text);
  });

  it.each([null, "", "lt_", "lt_0m", "lt_12", "lt_12q", "12m", "lt_1234m", "term_12m", "constructor"])(
    "knows nothing of %j",
    (id) => {
      expect(leaseTermText(id)).toBeNull();
    },
  );
});

describe("fixed labels", () => {
  it("labels every action and filter in words", () => {
    const labels: [string, string][] = [...Object.entries(ACTION_LABELS), ["all", ALL_FILTER_LABEL]];
    for (const [kind, label] of labels) {
      expectCustomerLabel(label, kind);
    }
    expect(ACTION_LABELS.continueCheckout).toBe("Continue checkout");
  });
});
