import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { checkoutDetailRecordSchema, checkoutRecordSchema, KNOWN_LIFECYCLES } from "@/lib/sweetspot/schemas";
import { checkoutRecord, detailRecord, TEST_CHECKOUT_ID } from "@/test-support/test-records";
import type { NextAction } from "./types";
import { toCheckoutSummary, toCheckoutView } from "./view-model";

const NOW = new Date("2026-03-01T12:00:00.000Z");
const OPTIONS = {
  now: NOW,
  allowHttpCheckoutUrl: false,
  supportEmail: "help@thesweetspot.example",
  t: translatorFor("en"),
  locale: "en",
} as const;
const SAFE_CHECKOUT_URL = "https://checkout.thesweetspot.example/c/chk_test00000001";

describe("internal ids never reach the view model", () => {
  // Every value a customer must not see, and where it hides in the raw API objects.
  const SECRETS = {
    customerId: "usr_secret_customer_77",
    organizationId: 918273645,
    pickupLocationId: 564738291,
    leaseTermId: "lt_12m",
    offtakePartnerId: "otp_secret_partner",
    checkoutSessionId: "cs_test_secret_session",
    checkoutFlowState: "cfs_secret_flow_state",
    stripeSubscriptionId: "sub_secret_subscription",
    stripeDepositPaymentIntentId: "pi_secret_intent",
    depositInvoiceId: "in_secret_invoice",
    leaseDocumentId: "pd_secret_lease_document",
    recurringPaymentMethodId: "pm_secret_method",
    lastPaymentError: "Stripe says pi_secret_in_message was declined: do_not_honor",
    cardLast4: "4242",
    cardBrand: "secretbrand",
    itemId: "itm_secret_item",
    sku: "SKU-SECRET-9",
  };

  function rawListItem(lifecycle: string | null): Record<string, unknown> {
    return {
      id: TEST_CHECKOUT_ID,
      createdAt: "2026-01-10T10:00:00.000Z",
      updatedAt: "2026-01-11T10:00:00.000Z",
      lifecycle,
      previousLifecycle: "orderConfirmed",
      customerId: SECRETS.customerId,
      organizationId: SECRETS.organizationId,
      offtakePartnerId: SECRETS.offtakePartnerId,
      checkoutSessionId: SECRETS.checkoutSessionId,
      stripeSubscriptionId: SECRETS.stripeSubscriptionId,
      stripeDepositPaymentIntentId: SECRETS.stripeDepositPaymentIntentId,
      depositInvoiceId: SECRETS.depositInvoiceId,
      leaseDocumentId: SECRETS.leaseDocumentId,
      recurringPaymentMethodId: SECRETS.recurringPaymentMethodId,
      recurringPaymentMethod: {
        type: "card",
        brand: SECRETS.cardBrand,
        last4: SECRETS.cardLast4,
        id: SECRETS.recurringPaymentMethodId,
      },
      checkoutUrl: SAFE_CHECKOUT_URL,
      cancelUrl: "https://shop.example/cancel?session=cs_test_secret_session",
      successUrl: "https://shop.example/ok?session=cs_test_secret_session",
      failureUrl: "https://shop.example/fail?session=cs_test_secret_session",
      insuranceStatus: "approved",
      recurringPaymentStatus: "active",
      progress: null,
      externalOrderId: "ORDER-1001",
      purchaseItems: [{ id: SECRETS.itemId, name: "Pearl espresso machine", quantity: 1, sku: SECRETS.sku }],
      shippingAddress: {
        line1: "410 Elm St",
        city: "Austin",
        region: "TX",
        postalCode: "78701",
        country: "US",
      },
      pickupLocationId: SECRETS.pickupLocationId,
      shippedAt: "2026-01-12T10:00:00.000Z",
      trackingCarrier: "ups",
      trackingNumber: "1Z999AA10123456784",
      trackingStatus: "in_transit",
      lastPaymentError: SECRETS.lastPaymentError,
      lastPaymentErrorCode: "card_declined",
      paymentFailureCount: 1,
      depositTimestamp: "2026-01-10T11:00:00.000Z",
      depositPreauthExpiresAt: "2026-01-17T11:00:00.000Z",
      leaseStartDate: "2026-01-15",
      leaseEndDate: "2027-01-15",
      leaseTermId: SECRETS.leaseTermId,
      returnInitiatedAt: "2026-02-01T10:00:00.000Z",
      returnReason: "Changed my mind",
      waitlistReason: "location",
      locationMessage: "service_area_expansion_pending",
    };
  }

  const rawDetail = {
    id: TEST_CHECKOUT_ID,
    customerId: SECRETS.customerId,
    checkoutSessionId: SECRETS.checkoutSessionId,
    checkoutFlowState: SECRETS.checkoutFlowState,
    state: "deposited",
    offtakePartnerId: SECRETS.offtakePartnerId,
    depositInvoiceId: SECRETS.depositInvoiceId,
    leaseDocumentId: SECRETS.leaseDocumentId,
    stripeSubscriptionId: SECRETS.stripeSubscriptionId,
    pickupLocationId: SECRETS.pickupLocationId,
    leaseTermId: SECRETS.leaseTermId,
    lastPaymentError: SECRETS.lastPaymentError,
    arbitraryFees: [{ name: "Delivery", amountCents: 4999, currency: "usd", id: "fee_secret" }],
  };

  it.each([...KNOWN_LIFECYCLES, "teleported", null])("holds none for lifecycle %s", (lifecycle) => {
    const record = checkoutRecordSchema.parse(rawListItem(lifecycle));
    const detail = checkoutDetailRecordSchema.parse(rawDetail);
    const serialized = JSON.stringify([
      toCheckoutView(record, detail, OPTIONS),
      toCheckoutView(record, null, { ...OPTIONS, allowHttpCheckoutUrl: true }),
      toCheckoutSummary(record, OPTIONS),
    ]);
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(serialized, name).not.toContain(String(secret));
    }
    for (const fragment of [
      "cs_test",
      "sub_",
      "pi_",
      "in_secret",
      "pd_",
      "pm_",
      "otp_",
      "usr_",
      "fee_secret",
    ]) {
      expect(serialized).not.toContain(fragment);
    }
  });

  it("still shows what the customer may see from that record", () => {
    const view = toCheckoutView(
      checkoutRecordSchema.parse(rawListItem("created")),
      checkoutDetailRecordSchema.parse(rawDetail),
      OPTIONS,
    );
    expect(view.title).toBe("Pearl espresso machine");
    expect(view.lease?.term).toBe("12 months");
    expect(view.payments?.fees).toEqual([{ name: "Delivery", amount: "$49.99" }]);
    expect(view.continueCheckout).toEqual({
      kind: "link",
      href: SAFE_CHECKOUT_URL,
      label: "Continue checkout",
    });
  });
});

describe("title", () => {
  it.each<[Record<string, unknown>, string]>([
    [{ purchaseItems: [{ name: "Oak chair", quantity: 1 }] }, "Oak chair"],
    [{ purchaseItems: [{ name: "Oak chair", quantity: 2 }] }, "2 × Oak chair"],
    [
      {
        purchaseItems: [
          { name: "Pearl espresso machine", quantity: 1 },
          { name: "Milk jug", quantity: 1 },
        ],
      },
      "Pearl espresso machine + 1 more",
    ],
    [
      {
        purchaseItems: [
          { name: "Oak chair", quantity: 4 },
          { name: "Oak table", quantity: 1 },
          { name: "Rug", quantity: 1 },
        ],
      },
      "4 × Oak chair + 2 more",
    ],
    [{ purchaseItems: [{ name: "   ", quantity: 1 }], externalOrderId: "ORDER-1001" }, "Order ORDER-1001"],
    [{ purchaseItems: [], externalOrderId: "  ORDER-1001 " }, "Order ORDER-1001"],
    // No names and no order number: a friendly title, never the raw id.
    [{}, "Your order · ref …000001"],
  ])("%j → %s", (fields, title) => {
    const record = checkoutRecord(fields);
    expect(toCheckoutView(record, null, OPTIONS).title).toBe(title);
    expect(toCheckoutSummary(record, OPTIONS).title).toBe(title);
  });

  it("caps absurd names at 120 characters but keeps the count of other items", () => {
    const longName = "Deluxe ".repeat(300);
    const record = checkoutRecord({
      purchaseItems: [
        { name: longName, quantity: 1 },
        { name: "Rug", quantity: 1 },
      ],
    });
    const view = toCheckoutView(record, null, OPTIONS);
    expect(Array.from(view.title).length).toBeLessThanOrEqual(120);
    expect(view.title).toMatch(/… \+ 1 more$/);
    expect(view.items[0]?.name).toHaveLength(500);
    expect(view.items[1]).toEqual({ name: "Rug", quantity: 1 });
  });
});

describe("free text", () => {
  it("passes through trimmed and capped", () => {
    const view = toCheckoutView(
      checkoutRecord({
        lifecycle: "returnInitiated",
        externalOrderId: `  ${"E".repeat(400)}`,
        trackingCarrier: "ontrac",
        trackingNumber: `  ${"9".repeat(100)}  `,
        signedBy: `<script>alert(1)</script>${"S".repeat(300)}`,
        returnInitiatedAt: "2026-02-01T10:00:00Z",
        returnReason: ` ${"R".repeat(900)} `,
        returnNotes: "Line one\nLine two",
      }),
      null,
      OPTIONS,
    );
    expect(view.externalOrderId).toHaveLength(120);
    expect(view.shipping).toMatchObject({ kind: "shipment", carrierName: "ontrac", trackingUrl: null });
    if (view.shipping?.kind !== "shipment") throw new Error("expected a shipment");
    expect(view.shipping.trackingNumber).toHaveLength(64);
    expect(view.shipping.signedBy).toHaveLength(120);
    // Markup stays text: React escapes it when rendering.
    expect(view.shipping.signedBy?.startsWith("<script>")).toBe(true);
    expect(view.returns?.reason).toHaveLength(500);
    expect(view.returns?.notes).toBe("Line one\nLine two");
  });
});

describe("status", () => {
  it("reads the lifecycle", () => {
    expect(toCheckoutView(checkoutRecord({ lifecycle: "shipped" }), null, OPTIONS).status.label).toBe(
      "On its way",
    );
  });

  it("falls back to the detail state when the lifecycle is missing or unknown", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: null }),
      detailRecord({ state: "deposited" }),
      OPTIONS,
    );
    expect(view.status.label).toBe("Deposit paid");
  });

  it("says 'Status unavailable' when neither is known", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "teleported" }),
      detailRecord({ state: "odd" }),
      OPTIONS,
    );
    expect(view.status).toMatchObject({ label: "Status unavailable", tone: "neutral" });
  });

  it("ignores a detail record for another checkout", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: null }),
      detailRecord({
        id: "chk_someoneelse01",
        state: "deposited",
        arbitraryFees: [{ name: "X", amountCents: 1 }],
      }),
      OPTIONS,
    );
    expect(view.status.label).toBe("Status unavailable");
    expect(view.payments).toBeNull();
  });

  it("is live while the checkout can still move", () => {
    expect(toCheckoutView(checkoutRecord({ lifecycle: "shipped" }), null, OPTIONS).live).toBe(true);
    expect(toCheckoutView(checkoutRecord({ lifecycle: "leaseActive" }), null, OPTIONS).live).toBe(false);
  });
});

describe("panels", () => {
  it("are all null for a bare unfinished checkout with nothing else to say", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "created", checkoutUrl: SAFE_CHECKOUT_URL }),
      null,
      OPTIONS,
    );
    expect(view).toMatchObject({
      shipping: null,
      returns: null,
      waitlist: null,
      payments: null,
      lease: null,
      insurance: null,
    });
  });

  it("shows a shipment with the carrier's tracking link", () => {
    const view = toCheckoutView(
      checkoutRecord({
        lifecycle: "shipped",
        shippedAt: "2026-02-10T10:00:00Z",
        trackingCarrier: "FedEx",
        trackingNumber: "7489 1234",
        trackingStatus: "out_for_delivery",
        shippingAddress: {
          line1: "410 Elm St",
          line2: "Unit 3",
          city: "Austin",
          region: "TX",
          postalCode: "78701",
          country: "US",
        },
      }),
      null,
      OPTIONS,
    );
    expect(view.shipping).toEqual({
      kind: "shipment",
      carrierName: "FedEx",
      trackingNumber: "7489 1234",
      trackingUrl: "https://www.fedex.com/fedextrack/?trknbr=7489%201234",
      trackingStatus: expect.objectContaining({ label: "Out for delivery" }),
      shippedAt: "2026-02-10T10:00:00.000Z",
      deliveredAt: null,
      signedBy: null,
      address: ["410 Elm St", "Unit 3", "Austin, TX 78701", "US"],
    });
  });

  it("shows a pickup in words, without the location's id", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "readyForPickup", pickupLocationId: 31337 }),
      null,
      OPTIONS,
    );
    expect(view.shipping).toMatchObject({ kind: "pickup", status: { label: "Ready for pickup" } });
    expect(JSON.stringify(view)).not.toContain("31337");
  });

  it("says nothing about pickup before checkout is finished", () => {
    expect(
      toCheckoutView(checkoutRecord({ lifecycle: "created", pickupLocationId: 5 }), null, OPTIONS).shipping,
    ).toBeNull();
  });

  it.each<[Record<string, unknown>, string]>([
    [{ lifecycle: "returnInitiated", returnInitiatedAt: "2026-02-01T00:00:00Z" }, "initiated"],
    [
      {
        lifecycle: "leaseActive",
        returnInitiatedAt: "2026-02-01T00:00:00Z",
        returnCancelledAt: "2026-02-02T00:00:00Z",
      },
      "cancelled",
    ],
    [
      {
        lifecycle: "returned",
        returnInitiatedAt: "2026-02-01T00:00:00Z",
        returnCompletedAt: "2026-02-09T00:00:00Z",
      },
      "completed",
    ],
    [
      {
        lifecycle: "teleported",
        returnCancelledAt: "2026-02-02T00:00:00Z",
        returnCompletedAt: "2026-02-09T00:00:00Z",
      },
      "completed",
    ],
    [
      {
        lifecycle: "returnInitiated",
        returnInitiatedAt: "2026-03-01T00:00:00Z",
        returnCancelledAt: "2026-02-02T00:00:00Z",
      },
      "initiated",
    ],
    [{ lifecycle: "returned" }, "completed"],
  ])("return %j is %s", (fields, state) => {
    expect(toCheckoutView(checkoutRecord(fields), null, OPTIONS).returns?.state).toBe(state);
  });

  it("has no returns panel without a return", () => {
    expect(toCheckoutView(checkoutRecord({ lifecycle: "leaseActive" }), null, OPTIONS).returns).toBeNull();
  });

  it("explains a location waitlist in words, never the code", () => {
    const view = toCheckoutView(
      checkoutRecord({
        lifecycle: "waitlisted",
        waitlistReason: "location",
        locationMessage: "service_area_expansion_pending",
        waitlistLocationReasonCode: "outside_service_area",
      }),
      null,
      OPTIONS,
    );
    expect(view.waitlist?.reason.label).toBe("Not available in your area yet");
    expect(view.waitlist?.locationMessage).toMatch(/expanding/);
    expect(JSON.stringify(view)).not.toMatch(/service_area|outside_service/);
  });

  it("drops a stale waitlist reason once the order has moved on", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "delivered", waitlistReason: "inventory" }),
      null,
      OPTIONS,
    );
    expect(view.waitlist).toBeNull();
  });

  it("shows lease dates and term, and insurance in words", () => {
    const view = toCheckoutView(
      checkoutRecord({
        lifecycle: "leaseActive",
        leaseStartDate: "2026-01-15",
        leaseTermId: "lt_24m",
        insuranceStatus: "denied",
      }),
      null,
      OPTIONS,
    );
    expect(view.lease).toEqual({ startDate: "2026-01-15", endDate: null, term: "24 months" });
    expect(view.insurance?.label).toBe("Insurance not approved");
  });

  it("has no lease panel for an unreadable term alone", () => {
    expect(
      toCheckoutView(checkoutRecord({ lifecycle: "leaseActive", leaseTermId: "lt_x" }), null, OPTIONS).lease,
    ).toBeNull();
  });
});

describe("continue checkout", () => {
  it("links to a safe checkout URL while unfinished", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "created", checkoutUrl: SAFE_CHECKOUT_URL }),
      null,
      OPTIONS,
    );
    expect(view.continueCheckout).toEqual({
      kind: "link",
      href: SAFE_CHECKOUT_URL,
      label: "Continue checkout",
    });
  });

  it.each([null, "javascript:alert(1)", "http://localhost:4010/c/1", "//evil.example"])(
    "offers support instead of the unsafe URL %j",
    (checkoutUrl) => {
      const view = toCheckoutView(checkoutRecord({ lifecycle: "created", checkoutUrl }), null, OPTIONS);
      expect(view.continueCheckout).toEqual({
        kind: "contactSupport",
        message: expect.any(String),
        supportEmail: OPTIONS.supportEmail,
      });
      expect(view.nextAction).toBeNull();
    },
  );

  it("accepts a loopback http URL against the sandbox", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "created", checkoutUrl: "http://localhost:4010/c/1" }),
      null,
      { ...OPTIONS, allowHttpCheckoutUrl: true },
    );
    expect(view.continueCheckout).toMatchObject({ kind: "link", href: "http://localhost:4010/c/1" });
  });

  it.each(["waitlisted", "orderConfirmed", "cancelled", "teleported", null])(
    "is not offered when %s",
    (lifecycle) => {
      const view = toCheckoutView(
        checkoutRecord({ lifecycle, checkoutUrl: SAFE_CHECKOUT_URL }),
        null,
        OPTIONS,
      );
      expect(view.continueCheckout).toBeNull();
    },
  );
});

describe("next action", () => {
  const problem = { lastPaymentErrorCode: "expired_card", paymentFailureCount: 1 };
  const returnStarted = { returnInitiatedAt: "2026-02-01T00:00:00Z" };
  const shipment = { shippedAt: "2026-01-20T00:00:00Z", trackingCarrier: "usps", trackingNumber: "9400 1" };

  it.each<[string, Record<string, unknown>, NextAction | null]>([
    [
      "unfinished with a safe URL, even with a payment problem",
      { lifecycle: "created", checkoutUrl: SAFE_CHECKOUT_URL, ...problem },
      { kind: "continueCheckout", label: "Continue checkout", href: SAFE_CHECKOUT_URL },
    ],
    // Finishing the checkout is how an unfinished one gets paid; when its link can't be offered, the
    // continue panel says to contact support instead: one way forward, not two.
    [
      "unfinished with an unsafe URL and a payment problem",
      { lifecycle: "created", checkoutUrl: "javascript:x", ...problem },
      null,
    ],
    [
      "payment problem beats a return in progress",
      { lifecycle: "returnInitiated", ...returnStarted, ...problem },
      { kind: "fixPayment", label: "Fix payment", href: "#payments" },
    ],
    [
      "return in progress beats tracking",
      { lifecycle: "returnInitiated", ...returnStarted, ...shipment },
      { kind: "seeReturn", label: "See return", href: "#returns" },
    ],
    [
      "shipped with a known carrier",
      { lifecycle: "shipped", ...shipment },
      {
        kind: "trackPackage",
        label: "Track package",
        href: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400%201",
      },
    ],
    [
      "shipped with an unknown carrier",
      { lifecycle: "shipped", ...shipment, trackingCarrier: "ontrac" },
      { kind: "trackPackage", label: "Track package", href: "#shipping" },
    ],
    ["delivered", { lifecycle: "delivered", ...shipment, deliveredAt: "2026-01-22T00:00:00Z" }, null],
    ["lease running", { lifecycle: "leaseActive", ...shipment }, null],
    ["cancelled with an old payment problem", { lifecycle: "cancelled", ...problem }, null],
    ["returned with an old payment problem", { lifecycle: "returned", ...problem }, null],
    [
      "return cancelled",
      { lifecycle: "leaseActive", ...returnStarted, returnCancelledAt: "2026-02-02T00:00:00Z" },
      null,
    ],
  ])("%s", (_name, fields, expected) => {
    expect(toCheckoutView(checkoutRecord(fields), null, OPTIONS).nextAction).toEqual(expected);
  });

  it("in the list, always offers one, pointing in-page anchors at the details page", () => {
    const summary = (fields: Record<string, unknown>) =>
      toCheckoutSummary(checkoutRecord(fields), OPTIONS).nextAction;
    const details = `/checkouts/${TEST_CHECKOUT_ID}`;
    expect(summary({ lifecycle: "leaseActive" })).toEqual({
      kind: "viewDetails",
      label: "View details",
      href: details,
    });
    expect(summary({ lifecycle: "created", checkoutUrl: null })).toEqual({
      kind: "viewDetails",
      label: "View details",
      href: details,
    });
    expect(summary({ lifecycle: "leaseActive", ...problem })).toMatchObject({
      kind: "fixPayment",
      href: `${details}#payments`,
    });
    expect(summary({ lifecycle: "returnInitiated", ...returnStarted })).toMatchObject({
      href: `${details}#returns`,
    });
    expect(summary({ lifecycle: "shipped", ...shipment, trackingCarrier: "ontrac" })).toMatchObject({
      href: `${details}#shipping`,
    });
  });

  it("encodes the id in the details link", () => {
    // The schema no longer lets such an id through; the view model still encodes whatever it gets.
    const record = { ...checkoutRecord({ lifecycle: "leaseActive" }), id: "chk_a/b?c" };
    const summary = toCheckoutSummary(record, OPTIONS);
    expect(summary.nextAction.href).toBe("/checkouts/chk_a%2Fb%3Fc");
  });
});

describe("summary", () => {
  it("carries the status and the latest milestone", () => {
    const summary = toCheckoutSummary(
      checkoutRecord({
        lifecycle: "shipped",
        createdAt: "2026-01-10T10:00:00Z",
        shippedAt: "2026-01-12T10:00:00Z",
      }),
      OPTIONS,
    );
    expect(summary).toEqual({
      id: TEST_CHECKOUT_ID,
      title: "Your order · ref …000001",
      reference: "…000001",
      createdAt: "2026-01-10T10:00:00.000Z",
      createdLabel: "Ordered on",
      status: expect.objectContaining({ label: "On its way" }),
      group: "active",
      holdExpiresAt: null,
      latestMilestone: { label: "Shipped", at: "2026-01-12T10:00:00.000Z" },
      nextAction: {
        kind: "trackPackage",
        label: "Track package",
        href: `/checkouts/${TEST_CHECKOUT_ID}#shipping`,
      },
    });
  });
});

describe("the situation decides the headline and the panels", () => {
  it("a failed payment on an active lease reads as such, asks for attention and leads with payments", () => {
    const view = toCheckoutView(
      checkoutRecord({
        lifecycle: "leaseActive",
        lastPaymentErrorCode: "card_declined",
        leaseStartDate: "2026-01-01",
      }),
      null,
      OPTIONS,
    );
    expect(view.status).toMatchObject({ label: "Payment failed", tone: "danger" });
    expect(view.needsAttention).toBe(true);
    expect(view.panels[0]).toBe("payments");
    expect(view.nextAction).toMatchObject({ kind: "fixPayment" });
  });

  it("lists only panels with something to say", () => {
    const view = toCheckoutView(checkoutRecord({ lifecycle: "orderConfirmed" }), null, OPTIONS);
    expect(view.needsAttention).toBe(false);
    // Neither lease nor insurance is known: no empty panel.
    expect(view.panels).toEqual(["progress", "items"]);
  });

  it("puts the continue panel first for an unfinished checkout", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "created", checkoutUrl: SAFE_CHECKOUT_URL }),
      null,
      OPTIONS,
    );
    expect(view.panels[0]).toBe("continueCheckout");
  });

  it("a carrier exception leads with the shipment", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "shipped", trackingStatus: "exception", trackingNumber: "1Z" }),
      null,
      OPTIONS,
    );
    expect(view.status.label).toBe("Delivery problem");
    expect(view.panels[0]).toBe("shipping");
  });
});

describe("contradictions the page must never show (issue 13)", () => {
  const delivered = {
    insuranceStatus: "approved",
    leaseStartDate: "2026-01-01",
    leaseEndDate: "2027-01-01",
    leaseTermId: "lt_12m",
    trackingCarrier: "ups",
    trackingNumber: "1Z999AA10123456784",
    trackingStatus: "delivered",
    shippedAt: "2025-12-20T10:00:00Z",
    deliveredAt: "2025-12-22T10:00:00Z",
  } as const;

  it("a returned item shows no insurance, no lease end and no tracking link", () => {
    const view = toCheckoutView(
      checkoutRecord({ ...delivered, lifecycle: "returned", returnCompletedAt: "2026-02-01T10:00:00Z" }),
      null,
      OPTIONS,
    );
    expect(view.status.label).toBe("Returned");
    expect(view.insurance).toBeNull();
    expect(view.lease).toBeNull();
    expect(view.panels).not.toContain("lease");
    expect(view.shipping?.kind === "shipment" && view.shipping.trackingUrl).toBe(null);
    expect(view.nextAction).toBeNull();
    expect(view.keyFact).toMatchObject({ label: "Return completed", at: "2026-02-01T10:00:00.000Z" });
  });

  it("a return under way offers the return, not the old parcel's tracking", () => {
    const view = toCheckoutView(
      checkoutRecord({
        ...delivered,
        lifecycle: "returnInitiated",
        returnInitiatedAt: "2026-02-01T10:00:00Z",
      }),
      null,
      OPTIONS,
    );
    expect(view.nextAction).toMatchObject({ kind: "seeReturn" });
    expect(view.shipping?.kind === "shipment" && view.shipping.trackingUrl).toBe(null);
  });

  it("a cancelled order shows no insurance or lease, and says why it can't say why", () => {
    const view = toCheckoutView(checkoutRecord({ ...delivered, lifecycle: "cancelled" }), null, OPTIONS);
    expect(view.status.label).toBe("Cancelled");
    expect(view.status.description).toMatch(/Ask us if you want to know why/);
    expect(view.insurance).toBeNull();
    expect(view.lease).toBeNull();
  });

  it("never says 'deposit pending' beside an active hold", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: null, depositPreauthExpiresAt: "2026-03-20T12:00:00Z" }),
      detailRecord({ state: "pendingDeposit" }),
      OPTIONS,
    );
    expect(view.payments?.deposit).toMatchObject({ kind: "preauthorized" });
    expect(JSON.stringify(view)).not.toMatch(/deposit pending/i);
    expect(view.status.label).toBe("Deposit on hold");
  });

  it("shows no 'automatic payments on' under a failed payment", () => {
    const view = toCheckoutView(
      checkoutRecord({
        lifecycle: "leaseActive",
        recurringPaymentStatus: "active",
        lastPaymentErrorCode: "card_declined",
        paymentFailureCount: 3,
      }),
      null,
      OPTIONS,
    );
    expect(view.status.label).toBe("Payment failed");
    expect(view.payments?.recurring).toBeNull();
    expect(view.keyFact?.label).toBe("Your card was declined. Failed 3 times.");
    // Without a problem the routine status is shown.
    const fine = toCheckoutView(
      checkoutRecord({ lifecycle: "leaseActive", recurringPaymentStatus: "active" }),
      null,
      OPTIONS,
    );
    expect(fine.payments?.recurring?.label).toBe("Automatic payments on");
  });

  it("an unfinished checkout was started, not ordered", () => {
    const unfinished = toCheckoutView(checkoutRecord({ lifecycle: "created" }), null, OPTIONS);
    expect(unfinished.createdLabel).toBe("Started on");
    expect(toCheckoutSummary(checkoutRecord({ lifecycle: "created" }), OPTIONS).createdLabel).toBe(
      "Started on",
    );
    expect(toCheckoutView(checkoutRecord({ lifecycle: "shipped" }), null, OPTIONS).createdLabel).toBe(
      "Ordered on",
    );
  });

  it("a hold ending within 72 hours is the unfinished checkout's key fact, and the list card's", () => {
    const record = checkoutRecord({ lifecycle: "created", depositPreauthExpiresAt: "2026-03-03T12:00:00Z" });
    const view = toCheckoutView(record, null, OPTIONS);
    expect(view.status.label).toBe("Deposit hold expiring");
    expect(view.keyFact).toEqual({
      label: "Hold on your card ends",
      at: "2026-03-03T12:00:00.000Z",
      withTime: true,
    });
    const summary = toCheckoutSummary(record, OPTIONS);
    expect(summary.group).toBe("attention");
    expect(summary.holdExpiresAt).toBe("2026-03-03T12:00:00.000Z");
  });

  it("a carrier exception's key fact is the carrier and number to quote", () => {
    const view = toCheckoutView(
      checkoutRecord({
        lifecycle: "shipped",
        trackingCarrier: "dhl",
        trackingNumber: "3318810025",
        trackingStatus: "exception",
      }),
      null,
      OPTIONS,
    );
    expect(view.status).toMatchObject({ label: "Delivery problem", tone: "danger" });
    expect(view.keyFact?.label).toBe("DHL · 3318810025");
  });

  it.each(KNOWN_LIFECYCLES)("the key fact of a %s checkout never repeats its headline", (lifecycle) => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle, createdAt: "2026-01-10T10:00:00Z", updatedAt: "2026-01-12T10:00:00Z" }),
      null,
      OPTIONS,
    );
    expect(view.keyFact?.label).not.toBe(view.status.label);
  });
});
