import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import type { CheckoutRecord } from "@/lib/sweetspot/schemas";
import { checkoutRecord, detailRecord } from "@/test-support/test-records";
import { checkoutFacts } from "../facts";
import { depositViewFor, formattedAmount, paymentsViewFor } from "./payments";

const EN = translatorFor("en");

const NOW = new Date("2026-03-01T12:00:00.000Z");
/** The facts of `record`, with the detail endpoint's `state` and fees when there are any. */
function factsOf(record: CheckoutRecord, state: string | null, fees: unknown[] | null = null) {
  const detail = state === null && fees === null ? null : detailRecord({ state, arbitraryFees: fees });
  return checkoutFacts(record, detail, NOW);
}

const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

describe("deposit", () => {
  it("is paid with a deposit timestamp once past 'created'", () => {
    const record = checkoutRecord({ lifecycle: "orderConfirmed", depositTimestamp: "2026-02-01T09:00:00Z" });
    expect(depositViewFor(factsOf(record, null))).toEqual({
      kind: "paid",
      paidAt: "2026-02-01T09:00:00.000Z",
    });
  });

  it("is paid when the detail endpoint says deposited, even without a timestamp", () => {
    expect(depositViewFor(factsOf(checkoutRecord({ lifecycle: null }), "deposited"))).toEqual({
      kind: "paid",
      paidAt: null,
    });
  });

  it.each([
    [47, true],
    [72, true],
    [73, false],
    [24 * 7, false],
    [-1, true],
  ])("a hold expiring in %s h warns: %s", (hours, expiresSoon) => {
    const record = checkoutRecord({ lifecycle: "created", depositPreauthExpiresAt: hoursFromNow(hours) });
    expect(depositViewFor(factsOf(record, "pendingDeposit"))).toEqual({
      kind: "preauthorized",
      expiresAt: hoursFromNow(hours),
      expiresSoon,
    });
  });

  it("treats a timestamp on an unfinished checkout as a hold, not a payment", () => {
    const record = checkoutRecord({ lifecycle: "created", depositTimestamp: "2026-02-01T09:00:00Z" });
    expect(depositViewFor(factsOf(record, null))).toEqual({
      kind: "preauthorized",
      expiresAt: null,
      expiresSoon: false,
    });
  });

  it("says nothing about a hold on a cancelled checkout, or when there is no deposit at all", () => {
    expect(
      depositViewFor(
        factsOf(checkoutRecord({ lifecycle: "cancelled", depositPreauthExpiresAt: hoursFromNow(5) }), null),
      ),
    ).toBeNull();
    expect(depositViewFor(factsOf(checkoutRecord({ lifecycle: "created" }), "unpaid"))).toBeNull();
  });
});

describe("payments panel", () => {
  it("is null with nothing to say", () => {
    expect(
      paymentsViewFor(factsOf(checkoutRecord({ lifecycle: "created" }), null, null), { t: EN, locale: "en" }),
    ).toBeNull();
  });

  it("describes a payment problem from its code, never from the API's message", () => {
    const record = checkoutRecord({
      lifecycle: "leaseActive",
      lastPaymentErrorCode: "card_declined",
      lastPaymentError: "Your card was declined (pi_3Nsecret: do_not_honor)",
      lastPaymentErrorAt: "2026-02-20T08:00:00Z",
      paymentFailureCount: 2,
    });
    const problem = paymentsViewFor(factsOf(record, null, null), { t: EN, locale: "en" })?.problem;
    expect(problem).toEqual({
      message: "Your card was declined.",
      advice: expect.stringMatching(/bank/),
      at: "2026-02-20T08:00:00.000Z",
      failureCount: 2,
    });
    expect(JSON.stringify(problem)).not.toContain("pi_3N");
  });

  it.each([
    [{ lastPaymentError: "Something odd" }],
    [{ paymentFailureCount: 1 }],
    [{ lastPaymentErrorCode: "processing_error" }],
  ])("reports a problem with generic words for %j", (fields) => {
    const problem = paymentsViewFor(
      factsOf(checkoutRecord({ lifecycle: "leaseActive", ...fields }), null, null),
      { t: EN, locale: "en" },
    )?.problem;
    expect(problem?.message).toBe("A recent payment didn't go through.");
    expect(JSON.stringify(problem)).not.toMatch(/odd|processing_error/);
  });

  it("shows no problem for a zero failure count alone", () => {
    const payments = paymentsViewFor(
      factsOf(checkoutRecord({ lifecycle: "leaseActive", paymentFailureCount: 0 }), null, null),
      { t: EN, locale: "en" },
    );
    expect(payments).toBeNull();
  });

  it("formats fees, naming unnamed ones", () => {
    const payments = paymentsViewFor(
      factsOf(checkoutRecord({ lifecycle: "leaseActive" }), null, [
        { name: "Delivery", amountCents: 4999, currency: "usd" },
        { name: null, amountCents: 250, currency: null },
      ]),
      { t: EN, locale: "en" },
    );
    expect(payments?.fees).toEqual([
      { name: "Delivery", amount: "$49.99" },
      { name: "Fee", amount: "$2.50" },
    ]);
  });
});

describe("formattedAmount", () => {
  it("uses the currency's own minor units", () => {
    expect(formattedAmount(123456, "usd")).toBe("$1,234.56");
    expect(formattedAmount(500, "JPY")).toBe("¥500");
    expect(formattedAmount(-1000, "eur")).toBe("-€10.00");
  });

  it("falls back to USD for a missing or malformed currency", () => {
    expect(formattedAmount(100, null)).toBe("$1.00");
    expect(formattedAmount(100, "dollars")).toBe("$1.00");
    expect(formattedAmount(100, "")).toBe("$1.00");
  });
});
