import type { Clock } from "./clock";
import { milestoneOfLifecycle, milestonePlanFor, progressUpTo } from "./progress";
import { DEMO_CUSTOMERS, ORGANIZATIONS, SCENARIOS } from "./scenarios";
import type { CheckoutRecord, PurchaseItem } from "./types";

/**
 * Quinn Hostile: data the portal must render safely. Markup in every free-text field, unsafe URLs,
 * 2 KB strings, right-to-left text and emoji, nulls where keys are "always present", values outside
 * every documented or assumed enumeration, and `progress` of unexpected shapes.
 */

export const SCRIPT_TAG = "<script>alert(1)</script>";
export const IMG_TAG = "<img src=x onerror=alert(1)>";
const JAVASCRIPT_URL = "javascript:alert(1)";
const LONG_TEXT_LENGTH = 2048;

const RTL_AND_EMOJI = {
  arabicItem: "آلة إسبريسو لؤلؤية ☕️",
  hebrewItem: "שולחן עמידה מעץ אלון 🪵",
  signedBy: "دانا كوهين ✍🏽",
  // A right-to-left override (U+202E) and a ZWJ family emoji: both known to upset layouts.
  notes: "מישהו חתם 👨‍👩‍👧‍👦 \u202Etxt.exe\u202C — تم التسليم إلى الجار 🇯🇵🇧🇷",
};

/** `text` repeated to exactly `length` characters. */
function longText(text: string, length = LONG_TEXT_LENGTH): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

/** The same markup in every free-text field a checkout can carry. */
function markupEverywhere(markup: string, slug: string): Partial<CheckoutRecord> {
  const items: PurchaseItem[] = [
    { id: `itm_${slug}_1`, name: `${markup} Pearl espresso machine`, quantity: 1, sku: markup },
    { id: `itm_${slug}_2`, name: markup, quantity: 2 },
  ];
  return {
    returnReason: markup,
    returnNotes: `Notes: ${markup}`,
    signedBy: markup,
    lastPaymentError: `Declined ${markup}`,
    lastPaymentErrorCode: markup,
    locationMessage: markup,
    waitlistLocationReasonCode: markup,
    externalOrderId: markup,
    trackingNumber: markup,
    purchaseItems: items,
  };
}

export function hostileCheckouts(clock: Clock): CheckoutRecord[] {
  const quinn = (fields: Pick<CheckoutRecord, "id" | "createdAt" | "lifecycle"> & Partial<CheckoutRecord>) =>
    withProgress({
      customerId: DEMO_CUSTOMERS.hostile.id,
      organizationId: ORGANIZATIONS.hostile,
      updatedAt: fields.createdAt,
      insuranceStatus: "approved",
      recurringPaymentStatus: "active",
      offtakePartnerId: "otp_hostile_partner",
      checkoutUrl: `https://checkout.thesweetspot.example/c/${fields.id}`,
      checkoutSessionId: `cs_test_${fields.id.slice(4)}`,
      progress: null,
      ...fields,
    });

  return [
    quinn({
      id: SCENARIOS.hostileScript,
      createdAt: clock.ago(1),
      updatedAt: clock.ago(0, 20),
      lifecycle: "returnInitiated",
      ...markupEverywhere(SCRIPT_TAG, "script"),
      lastPaymentErrorAt: clock.ago(1),
      paymentFailureCount: 1,
      returnInitiatedAt: clock.ago(0, 20),
      shippedAt: clock.ago(0, 23),
      deliveredAt: clock.ago(0, 22),
      trackingCarrier: "ups",
      trackingStatus: "delivered",
      checkoutUrl: JAVASCRIPT_URL,
      cancelUrl: JAVASCRIPT_URL,
      successUrl: JAVASCRIPT_URL,
      failureUrl: JAVASCRIPT_URL,
      leaseTermId: SCRIPT_TAG,
      arbitraryFees: [{ name: SCRIPT_TAG, amountCents: 100, currency: "usd" }],
    }),
    quinn({
      id: SCENARIOS.hostileImgTag,
      createdAt: clock.ago(2),
      updatedAt: clock.ago(1, 2),
      lifecycle: "delivered",
      ...markupEverywhere(IMG_TAG, "img"),
      lastPaymentErrorAt: clock.ago(2),
      shippedAt: clock.ago(1, 20),
      deliveredAt: clock.ago(1, 2),
      // Carrier names may arrive in any case.
      trackingCarrier: "FedEx",
      trackingStatus: "delivered",
      checkoutUrl: `data:text/html,${SCRIPT_TAG}`,
    }),
    quinn({
      id: SCENARIOS.hostileHttpUrl,
      createdAt: clock.ago(3),
      lifecycle: "created",
      // Plain http to a non-local host: must not become a link.
      checkoutUrl: "http://checkout.attacker.example/pay?next=%2Fsteal",
      insuranceStatus: null,
      recurringPaymentStatus: null,
      offtakePartnerId: null,
    }),
    quinn({
      id: SCENARIOS.hostileLongText,
      createdAt: clock.ago(4),
      updatedAt: clock.ago(3),
      lifecycle: "returnInitiated",
      returnInitiatedAt: clock.ago(3),
      // One unbreakable run and one of ordinary words: both must wrap or truncate, not overflow.
      returnReason: longText("W"),
      returnNotes: longText("This return note goes on and on. "),
      signedBy: longText("Bartholomew "),
      externalOrderId: longText("ORDER-"),
      trackingCarrier: "usps",
      trackingNumber: longText("9400111899"),
      trackingStatus: "delivered",
      purchaseItems: [
        { id: "itm_long_1", name: longText("Extraordinarily long product name "), quantity: 1 },
      ],
    }),
    quinn({
      id: SCENARIOS.hostileRtlEmoji,
      createdAt: clock.ago(5),
      updatedAt: clock.ago(1),
      lifecycle: "shipped",
      shippedAt: clock.ago(1),
      trackingCarrier: "dhl",
      trackingNumber: "3318810099",
      trackingStatus: "in_transit",
      signedBy: RTL_AND_EMOJI.signedBy,
      returnNotes: RTL_AND_EMOJI.notes,
      purchaseItems: [
        { id: "itm_rtl_1", name: RTL_AND_EMOJI.arabicItem, quantity: 1 },
        { id: "itm_rtl_2", name: RTL_AND_EMOJI.hebrewItem, quantity: 3 },
        { id: "itm_rtl_3", name: "🛋️🛋️🛋️", quantity: 1 },
      ],
    }),
    quinn({
      id: SCENARIOS.hostileNullLifecycle,
      createdAt: clock.ago(6),
      lifecycle: null,
      insuranceStatus: null,
      recurringPaymentStatus: null,
      checkoutUrl: null,
    }),
    quinn({
      id: SCENARIOS.hostileNullCreatedAt,
      createdAt: null,
      updatedAt: clock.ago(7),
      lifecycle: "orderConfirmed",
    }),
    quinn({
      id: SCENARIOS.hostileUnknownValues,
      createdAt: clock.ago(8),
      lifecycle: "quantumEntangled",
      insuranceStatus: "reconsidering",
      recurringPaymentStatus: "paused_by_moon",
      progress: { steps: 5 },
    }),
    quinn({
      id: SCENARIOS.hostileUnknownCarrier,
      createdAt: clock.ago(9),
      updatedAt: clock.ago(2),
      lifecycle: "shipped",
      shippedAt: clock.ago(2),
      trackingCarrier: "pigeonpost",
      trackingNumber: "COO-4711",
      trackingStatus: "resting_on_a_windowsill",
      progress: "halfway there",
    }),
  ];
}

/** Gives a known post-confirmation lifecycle its ordinary progress unless the scenario set an odd one. */
function withProgress(record: CheckoutRecord): CheckoutRecord {
  const reached = milestoneOfLifecycle(record.lifecycle);
  if (record.progress !== null || reached === undefined) return record;
  const completedAt = record.updatedAt ?? record.createdAt ?? new Date(0).toISOString();
  record.progress = progressUpTo(milestonePlanFor(record), reached, () => completedAt);
  return record;
}
