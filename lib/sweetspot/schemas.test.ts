import { describe, expect, it } from "vitest";
import { UpstreamInvalidResponseError } from "./errors";
import {
  DOCUMENTED_LIFECYCLES,
  isKnown,
  KNOWN_LIFECYCLES,
  parseCheckoutDetail,
  parseCheckoutList,
} from "./schemas";

/** A post-confirmation checkout as the sandbox emits it (docs/api-assumptions.md). */
const shipped = {
  id: "chk_a1b2c3d4e5f6",
  createdAt: "2026-11-01T10:00:00.000Z",
  updatedAt: "2026-11-20T14:03:00.000Z",
  lifecycle: "shipped",
  previousLifecycle: "orderConfirmed",
  insuranceStatus: "approved",
  recurringPaymentStatus: "active",
  offtakePartnerId: "otp_1",
  checkoutUrl: "https://checkout.example.com/chk_a1b2c3d4e5f6",
  customerId: "usr_alice",
  organizationId: 42,
  progress: {
    currentMilestone: "shipped",
    milestones: [
      { key: "checkoutStarted", label: "Checkout started", completedAt: "2026-11-01T10:00:00.000Z" },
      { key: "shipped", label: "Shipped", completedAt: "2026-11-20T14:03:00.000Z" },
      { key: "delivered", label: "Delivered", completedAt: null },
    ],
  },
  shippingAddress: {
    line1: "1 Main St",
    line2: null,
    city: "Springfield",
    region: "IL",
    postalCode: "62701",
    country: "US",
  },
  shippingAddressLocked: true,
  trackingCarrier: "ups",
  trackingNumber: "1Z999",
  trackingStatus: "in_transit",
  shippedAt: "2026-11-20T14:03:00.000Z",
  purchaseItems: [{ id: "pi_1", name: "Sofa", quantity: 1, sku: "SOFA-1" }],
  paymentFailureCount: 0,
  recurringPaymentMethod: { type: "card", brand: "visa", last4: "4242" },
  recurringPaymentMethodId: "pm_123",
  stripeSubscriptionId: "sub_123",
  stripeDepositPaymentIntentId: "pi_123",
  depositInvoiceId: "in_123",
  leaseDocumentId: "pd_123",
  leaseStartDate: "2026-12-01",
  leaseTermId: "lt_12m",
};

const parseOne = (item: unknown) => {
  const [record] = parseCheckoutList([item]).records;
  if (!record) throw new Error("expected one record");
  return record;
};

describe("list item schema", () => {
  it("parses a full sandbox record", () => {
    const record = parseOne(shipped);
    expect(record).toMatchObject({
      id: "chk_a1b2c3d4e5f6",
      lifecycle: "shipped",
      customerId: "usr_alice",
      organizationId: 42,
      trackingCarrier: "ups",
      shippingAddress: { line1: "1 Main St", line2: null, country: "US" },
      purchaseItems: [{ id: "pi_1", name: "Sofa", quantity: 1, sku: "SOFA-1" }],
      recurringPaymentMethod: { type: "card" },
      leaseStartDate: "2026-12-01",
    });
    expect(record.progress?.currentMilestone).toBe("shipped");
    expect(record.progress?.milestones.map((m) => m.key)).toEqual([
      "checkoutStarted",
      "shipped",
      "delivered",
    ]);
  });

  it("strips internal ids and payment details it does not need", () => {
    const record = parseOne(shipped);
    for (const key of [
      "offtakePartnerId",
      "recurringPaymentMethodId",
      "stripeSubscriptionId",
      "stripeDepositPaymentIntentId",
      "depositInvoiceId",
      "leaseDocumentId",
    ]) {
      expect(record).not.toHaveProperty(key);
    }
    expect(record.recurringPaymentMethod).toEqual({ type: "card" });
  });

  it("accepts a record with only an id: every other field is null", () => {
    const record = parseOne({ id: "chk_1" });
    expect(record.id).toBe("chk_1");
    const { id: _, ...rest } = record;
    expect(Object.values(rest).every((value) => value === null)).toBe(true);
  });

  it("accepts nulls in always-present fields", () => {
    const record = parseOne({
      id: "chk_1",
      createdAt: null,
      updatedAt: null,
      lifecycle: null,
      insuranceStatus: null,
      recurringPaymentStatus: null,
      offtakePartnerId: null,
      checkoutUrl: null,
      customerId: null,
      progress: null,
    });
    expect(record).toMatchObject({ createdAt: null, lifecycle: null, customerId: null, progress: null });
  });

  it("keeps unknown enum values as strings", () => {
    const record = parseOne({
      id: "chk_1",
      lifecycle: "teleported",
      insuranceStatus: "underReview",
      recurringPaymentStatus: "paused",
      trackingCarrier: "OnTrac",
      trackingStatus: "lost_in_space",
      waitlistReason: "weather",
      lastPaymentErrorCode: "do_not_honor",
    });
    expect(record).toMatchObject({
      lifecycle: "teleported",
      insuranceStatus: "underReview",
      recurringPaymentStatus: "paused",
      trackingCarrier: "OnTrac",
      trackingStatus: "lost_in_space",
      waitlistReason: "weather",
      lastPaymentErrorCode: "do_not_honor",
    });
    expect(isKnown(KNOWN_LIFECYCLES, record.lifecycle)).toBe(false);
  });

  it("strips extra fields", () => {
    const record = parseOne({ id: "chk_1", somethingNew: { nested: true }, __proto__x: 1 });
    expect(record).not.toHaveProperty("somethingNew");
    expect(record).not.toHaveProperty("__proto__x");
  });

  it("turns fields of the wrong type into null without failing the record", () => {
    const record = parseOne({
      id: "chk_1",
      createdAt: 1_700_000_000,
      updatedAt: "not a date",
      lifecycle: 7,
      customerId: { id: "usr_x" },
      checkoutUrl: ["https://x"],
      organizationId: true,
      paymentFailureCount: "three",
      shippingAddressLocked: "yes",
      pickupLocationId: 1.5,
      shippingAddress: "1 Main St, Springfield",
      billingAddress: {},
      purchaseItems: "sofa",
      recurringPaymentMethod: "card",
      trackingNumber: 12345,
      leaseEndDate: "2026-13-45",
    });
    expect(record).toMatchObject({
      createdAt: null,
      updatedAt: null,
      lifecycle: null,
      customerId: null,
      checkoutUrl: null,
      organizationId: null,
      paymentFailureCount: null,
      shippingAddressLocked: null,
      pickupLocationId: null,
      shippingAddress: null,
      billingAddress: null,
      purchaseItems: null,
      recurringPaymentMethod: null,
      trackingNumber: null,
      leaseEndDate: null,
    });
  });

  it("accepts a string organization id (the response documents call it OrganizationPubId)", () => {
    expect(parseOne({ id: "chk_1", organizationId: "org_1" }).organizationId).toBe("org_1");
  });

  it("keeps valid entries and drops invalid ones inside arrays and addresses", () => {
    const record = parseOne({
      id: "chk_1",
      purchaseItems: [
        { id: "pi_1", name: "Sofa", quantity: 1 },
        null,
        "chair",
        { id: "pi_3", quantity: 2 },
        { name: "Lamp", quantity: "two", sku: 9, extra: true },
      ],
      waitlistLocationAddress: { city: "Nowhere", postalCode: 12345 },
    });
    expect(record.purchaseItems).toEqual([
      { id: "pi_1", name: "Sofa", quantity: 1, sku: null },
      { id: null, name: "Lamp", quantity: null, sku: null },
    ]);
    expect(record.waitlistLocationAddress).toEqual({
      line1: null,
      line2: null,
      city: "Nowhere",
      region: null,
      postalCode: null,
      country: null,
    });
  });

  describe("progress of unexpected shapes", () => {
    it.each([
      ["a string", "50%"],
      ["a number", 3],
      ["an array", [{ key: "shipped" }]],
      ["{steps: 5}", { steps: 5 }],
      ["milestones not an array", { currentMilestone: "shipped", milestones: { shipped: true } }],
      ["milestones missing", { currentMilestone: "shipped" }],
      ["true", true],
    ])("%s → null", (_, progress) => {
      expect(parseOne({ id: "chk_1", progress }).progress).toBeNull();
    });

    it("drops milestones without a key, keeps the rest", () => {
      const record = parseOne({
        id: "chk_1",
        progress: {
          currentMilestone: 5,
          milestones: [
            { label: "No key", completedAt: null },
            { key: "", label: "Empty key" },
            "shipped",
            { key: "teleported", label: 3, completedAt: "yesterday", extra: 1 },
            { key: "shipped", label: "Shipped", completedAt: "2026-11-20T14:03:00.000Z" },
          ],
        },
      });
      expect(record.progress).toEqual({
        currentMilestone: null,
        milestones: [
          { key: "teleported", label: null, completedAt: null },
          { key: "shipped", label: "Shipped", completedAt: "2026-11-20T14:03:00.000Z" },
        ],
      });
    });
  });

  it("keeps long, RTL, emoji and hostile strings verbatim (escaping is the renderer's job)", () => {
    const long = "x".repeat(2048);
    const rtl = "שלום עולם \u202Eevil\u202C مرحبا 🎉👩‍👩‍👧";
    const html = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const record = parseOne({ id: "chk_1", returnNotes: long, signedBy: rtl, lastPaymentError: html });
    expect(record.returnNotes).toHaveLength(2048);
    expect(record.signedBy).toBe(rtl);
    expect(record.lastPaymentError).toBe(html);
  });

  it("parses every documented lifecycle", () => {
    for (const lifecycle of DOCUMENTED_LIFECYCLES) {
      expect(parseOne({ id: "chk_1", lifecycle }).lifecycle).toBe(lifecycle);
      expect(isKnown(KNOWN_LIFECYCLES, lifecycle)).toBe(true);
    }
  });
});

describe("parseCheckoutList", () => {
  it("accepts an empty array", () => {
    expect(parseCheckoutList([])).toEqual({ records: [], skipped: [] });
  });

  it.each([
    ["an object", { checkouts: [] }],
    ["null", null],
    ["a string", "[]"],
    ["a number", 0],
  ])("rejects %s instead of an array", (_, body) => {
    expect(() => parseCheckoutList(body)).toThrow(UpstreamInvalidResponseError);
  });

  it.each([
    ["no id", { lifecycle: "created" }],
    ["a numeric id", { id: 12 }],
    ["a null id", { id: null }],
    ["an empty id", { id: "" }],
    ["null item", null],
    ["string item", "chk_1"],
    ["an id with spaces and slashes", { id: "chk 1/../x" }],
  ])("skips an item with %s and keeps the others", (_, item) => {
    const parsed = parseCheckoutList([{ id: "chk_ok" }, item, { id: "chk_ok2" }]);
    expect(parsed.records.map((record) => record.id)).toEqual(["chk_ok", "chk_ok2"]);
    expect(parsed.skipped).toEqual([
      { index: 1, field: typeof item === "object" && item ? "id" : "(record)" },
    ]);
  });

  it("skips the documented example response's item: it has no id", () => {
    const text = '[{"checkoutUrl":null,"customerId":null,"progress":null}]';
    expect(parseCheckoutList(JSON.parse(text), text)).toEqual({
      records: [],
      skipped: [{ index: 0, field: "id" }],
    });
  });

  it("skips an item that repeats a key, given the raw text", () => {
    const text = '[{"id":"chk_1","lifecycle":"created","lifecycle":"leaseActive"},{"id":"chk_2"}]';
    const parsed = parseCheckoutList(JSON.parse(text), text);
    expect(parsed.records.map((record) => record.id)).toEqual(["chk_2"]);
    expect(parsed.skipped).toEqual([{ index: 0, field: "(repeated key)" }]);
  });

  it("parses the documented example once it has an id", () => {
    const [record] = parseCheckoutList([
      { id: "chk_1", checkoutUrl: null, customerId: null, progress: null },
    ]).records;
    expect(record).toMatchObject({ id: "chk_1", checkoutUrl: null, customerId: null, progress: null });
  });

  it("reports a skipped record by position and field only", () => {
    const { skipped } = parseCheckoutList([{ customerId: "usr_secret_person", signedBy: "Jane Doe" }]);
    expect(JSON.stringify(skipped)).not.toContain("usr_secret_person");
    expect(JSON.stringify(skipped)).not.toContain("Jane");
  });
});

describe("parseCheckoutDetail", () => {
  const detail = {
    id: "chk_a1b2c3d4e5f6",
    createdAt: "2026-11-01T10:00:00.000Z",
    updatedAt: "2026-11-20T14:03:00.000Z",
    customerId: "usr_alice",
    checkoutUrl: "https://checkout.example.com/x",
    checkoutSessionId: "cs_test_123",
    state: "deposited",
    checkoutFlowState: "awaitingLease",
    insuranceStatus: "approved",
    recurringPaymentStatus: "active",
    offtakePartnerId: "otp_1",
    paymentFailureCount: 1,
    arbitraryFees: [
      { name: "Delivery", amountCents: 4900, currency: "usd" },
      { name: "Broken", amountCents: "49.00" },
      { name: "Half", amountCents: 10.5 },
      { amountCents: 100 },
    ],
    depositInvoiceId: "in_1",
    leaseDocumentId: "pd_1",
    stripeSubscriptionId: "sub_1",
  };

  it("parses a sandbox detail and strips internal ids", () => {
    const record = parseCheckoutDetail(detail);
    expect(record).toMatchObject({
      id: detail.id,
      state: "deposited",
      customerId: "usr_alice",
      paymentFailureCount: 1,
    });
    expect(record.arbitraryFees).toEqual([
      { name: "Delivery", amountCents: 4900, currency: "usd" },
      { name: null, amountCents: 100, currency: null },
    ]);
    for (const key of [
      "checkoutSessionId",
      "offtakePartnerId",
      "depositInvoiceId",
      "leaseDocumentId",
      "stripeSubscriptionId",
    ]) {
      expect(record).not.toHaveProperty(key);
    }
  });

  it("keeps an unknown state and nulls a wrong-typed one", () => {
    expect(parseCheckoutDetail({ id: "chk_1", state: "onHold" }).state).toBe("onHold");
    expect(parseCheckoutDetail({ id: "chk_1", state: 3 }).state).toBeNull();
  });

  it("rejects the documented example response: its id is null", () => {
    const documented = {
      checkoutSessionId: "string",
      createdAt: "2025-12-10T18:00:53.262Z",
      id: null,
      insuranceStatus: null,
      offtakePartnerId: null,
      paymentFailureCount: 0,
      recurringPaymentStatus: null,
      state: null,
      updatedAt: "2025-12-10T18:00:53.262Z",
      checkoutUrl: "string",
      customerId: "string",
    };
    expect(() => parseCheckoutDetail(documented)).toThrow(UpstreamInvalidResponseError);
    expect(parseCheckoutDetail({ ...documented, id: "chk_1" })).toMatchObject({
      id: "chk_1",
      state: null,
      insuranceStatus: null,
      paymentFailureCount: 0,
      checkoutUrl: "string",
    });
  });

  it.each([
    ["an array", [detail]],
    ["null", null],
    ["a string", "chk_1"],
    ["an object without id", { state: "unpaid" }],
  ])("rejects %s", (_, body) => {
    expect(() => parseCheckoutDetail(body)).toThrow(UpstreamInvalidResponseError);
  });
});
