import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CUSTOMERS, SCENARIOS, type ScenarioName } from "./scenarios";
import { expectError, type RunningSandbox, startSandbox } from "./testing";

// Field names copied from the detail endpoint's document (seeds/001), not from the implementation.
const DOCUMENTED_DETAIL_FIELDS = [
  "arbitraryFees",
  "cancelUrl",
  "checkoutFlowState",
  "checkoutSessionId",
  "createdAt",
  "depositInvoiceId",
  "depositTimestamp",
  "externalOrderId",
  "failureUrl",
  "id",
  "insuranceStatus",
  "lastPaymentError",
  "lastPaymentErrorAt",
  "lastPaymentErrorCode",
  "leaseDocumentId",
  "leaseEndDate",
  "leaseStartDate",
  "leaseTermId",
  "offtakePartnerId",
  "paymentFailureCount",
  "pickupLocationId",
  "recurringPaymentStatus",
  "shippingAddress",
  "state",
  "stripeSubscriptionId",
  "successUrl",
  "updatedAt",
  "checkoutUrl",
  "customerId",
];
/** Documented as required, plus the fields the sandbox always sends (arbitraryFees, checkoutFlowState). */
const ALWAYS_SENT = [
  "checkoutSessionId",
  "createdAt",
  "id",
  "insuranceStatus",
  "offtakePartnerId",
  "paymentFailureCount",
  "recurringPaymentStatus",
  "state",
  "updatedAt",
  "checkoutUrl",
  "customerId",
  "arbitraryFees",
  "checkoutFlowState",
];
/** Only on the list endpoint. */
const LIST_ONLY = [
  "lifecycle",
  "progress",
  "trackingCarrier",
  "trackingNumber",
  "trackingStatus",
  "shippedAt",
  "deliveredAt",
  "signedBy",
  "returnInitiatedAt",
  "returnCancelledAt",
  "returnCompletedAt",
  "returnReason",
  "returnNotes",
  "waitlistReason",
  "waitlistLocationAddress",
  "waitlistLocationReasonCode",
  "locationMessage",
  "purchaseItems",
  "billingAddress",
];

let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

describe("GET /v1/checkouts/{id}", () => {
  it("sends exactly the documented detail fields for every scenario, without the list-only ones", async () => {
    for (const id of Object.values(SCENARIOS)) {
      const detail = await running.detail(id);
      const keys = Object.keys(detail);
      expect(keys, id).toEqual(expect.arrayContaining(ALWAYS_SENT));
      for (const key of keys) expect(DOCUMENTED_DETAIL_FIELDS, `${id}.${key}`).toContain(key);
      for (const key of LIST_ONLY) expect(detail, `${id} must not have ${key}`).not.toHaveProperty(key);
    }
  });

  it("answers the id asked for, with its customer and a Stripe checkout session", async () => {
    const detail = await running.detail(SCENARIOS.paymentFailed);
    expect(detail).toMatchObject({
      id: SCENARIOS.paymentFailed,
      customerId: DEMO_CUSTOMERS.alex.id,
      paymentFailureCount: 3,
      lastPaymentErrorCode: "card_declined",
    });
    expect(detail.checkoutSessionId).toMatch(/^cs_test_/);
  });

  it("defaults paymentFailureCount to 0 and arbitraryFees to [], and sends fees where there are some", async () => {
    expect(await running.detail(SCENARIOS.leaseActive)).toMatchObject({
      paymentFailureCount: 0,
      arbitraryFees: [],
    });
    const confirmed = await running.detail(SCENARIOS.orderConfirmed);
    expect(confirmed.arbitraryFees).toEqual([
      { name: "Delivery fee", amountCents: 4900, currency: "usd" },
      { name: "White-glove assembly", amountCents: 12000, currency: "usd" },
    ]);
  });

  it.each<[ScenarioName, string | null]>([
    ["unfinished", "unpaid"],
    ["depositPending", "pendingDeposit"],
    ["waitlistedInventory", "waitlisted"],
    ["waitlistedLocation", "waitlisted"],
    ["orderConfirmed", "deposited"],
    ["shippedUps", "deposited"],
    ["readyForPickup", "deposited"],
    ["delivered", "fulfilled"],
    ["leaseActive", "fulfilled"],
    ["paymentFailed", "fulfilled"],
    ["returnInitiated", "fulfilled"],
    ["returnCancelled", "fulfilled"],
    ["returnCompleted", "fulfilled"],
    ["cancelled", "unpaid"],
    ["hostileUnknownValues", null],
    ["hostileNullLifecycle", null],
  ])("derives state for %s as %s", async (scenario, state) => {
    expect((await running.detail(SCENARIOS[scenario])).state).toBe(state);
  });

  it("answers an unknown id with 404 not_found", async () => {
    await expectError(await running.api("/v1/checkouts/chk_doesnotexist"), 404, "not_found");
    // The documented example request.
    await expectError(await running.api("/v1/checkouts/id_123"), 404, "not_found");
  });

  it("URL-decodes the id", async () => {
    const encoded = SCENARIOS.unfinished.replace("u", "%75");
    const response = await running.api(`/v1/checkouts/${encoded}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(SCENARIOS.unfinished);
  });

  it.each([
    ["an encoded slash", `${SCENARIOS.unfinished}%2Fx`],
    ["markup", encodeURIComponent("<script>alert(1)</script>")],
    ["malformed percent-encoding", "%E0%A4%A"],
    ["a NUL byte", "chk_%00"],
    ["an emoji", encodeURIComponent("chk_🙂")],
    ["two segments", `${SCENARIOS.unfinished}/extra`],
  ])("answers an id with %s with a JSON 404", async (_label, path) => {
    await expectError(await running.api(`/v1/checkouts/${path}`), 404, "not_found");
  });
});

describe("routing", () => {
  it("answers unknown paths under /v1 and elsewhere with a JSON 404", async () => {
    for (const path of ["/v1", "/v1/", "/v1/customers", "/v1/checkouts/", "/v2/checkouts", "/"]) {
      await expectError(await running.api(path), 404, "not_found");
    }
  });

  it("answers a wrong method with a JSON 405 and an Allow header", async () => {
    for (const [method, path] of [
      ["POST", "/v1/checkouts"],
      ["DELETE", `/v1/checkouts/${SCENARIOS.unfinished}`],
      ["PUT", `/v1/checkouts/${SCENARIOS.unfinished}`],
    ] as const) {
      const response = await running.api(path, { method });
      expect(response.headers.get("allow")).toBe("GET");
      await expectError(response, 405, "method_not_allowed");
    }
  });

  it("requires the key on the detail endpoint too", async () => {
    await expectError(
      await fetch(`${running.baseUrl}/v1/checkouts/${SCENARIOS.unfinished}`),
      401,
      "unauthorized",
    );
  });
});
