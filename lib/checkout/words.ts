import type { Translator } from "@/lib/i18n/translator";
import type {
  KNOWN_INSURANCE_STATUSES,
  KNOWN_MILESTONE_KEYS,
  KNOWN_PAYMENT_ERROR_CODES,
  KNOWN_RECURRING_PAYMENT_STATUSES,
  KNOWN_TRACKING_STATUSES,
} from "@/lib/sweetspot/schemas";
import { valueForKey } from "./own-key";
import { type Situation, situationTone } from "./situation";
import type { NextAction, ReturnView, StatusView, Tone } from "./types";

/*
 * Which message says what about each of the API's values: the one place that maps an API value to a
 * message key (the sentences themselves live in messages/<locale>.json under `checkout.*`, one file per
 * language). Lookups always end in a neutral fallback: the API's enumerations are open, and a raw value
 * such as `pendingDeposit` or `in_transit` must never reach a customer.
 *
 * Only the Translator's type is imported: client components import lib/checkout modules too, and the
 * messages must never ship to the browser.
 */

type KnownInsuranceStatus = (typeof KNOWN_INSURANCE_STATUSES)[number];
type KnownRecurringPaymentStatus = (typeof KNOWN_RECURRING_PAYMENT_STATUSES)[number];
type KnownTrackingStatus = (typeof KNOWN_TRACKING_STATUSES)[number];
type KnownPaymentErrorCode = (typeof KNOWN_PAYMENT_ERROR_CODES)[number];
/** API milestone keys, plus the two steps the portal adds when it derives a timeline itself. */
export type MilestoneWordKey = (typeof KNOWN_MILESTONE_KEYS)[number] | "waitlisted" | "cancelled";

/*
 * A message without placeholders is the same words on every card and every page: formatted once per
 * language for the life of the process, then looked up (the list builds a dozen per card). Only for
 * messages without placeholders: values are not part of what is remembered.
 */
const rememberedWords = new WeakMap<Translator, Map<string, string>>();

export function word(t: Translator, key: Parameters<Translator>[0]): string {
  let words = rememberedWords.get(t);
  if (!words) {
    words = new Map();
    rememberedWords.set(t, words);
  }
  let text = words.get(key);
  if (text === undefined) {
    text = (t as unknown as (key: string) => string)(key);
    words.set(key, text);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// The headline of each situation (lib/checkout/facts.ts decides which one a checkout is in)
// ---------------------------------------------------------------------------------------------------------

export type SituationWords = { label: string; description: string };

export function situationWords(t: Translator, situation: Situation): SituationWords {
  return {
    label: word(t, `checkout.situation.${situation}.label`),
    description: word(t, `checkout.situation.${situation}.description`),
  };
}

/** The headline: the situation's words, in the tone of its row. */
export function situationStatus(t: Translator, situation: Situation): StatusView {
  return { ...situationWords(t, situation), tone: situationTone(situation) };
}

// ---------------------------------------------------------------------------------------------------------
// Insurance and recurring payments
// ---------------------------------------------------------------------------------------------------------

const INSURANCE_TONES: Record<KnownInsuranceStatus, Tone> = {
  pending: "info",
  approved: "success",
  denied: "warning",
};

export function insuranceStatusView(t: Translator, status: string | null | undefined): StatusView {
  const known = typeof status === "string" && Object.hasOwn(INSURANCE_TONES, status);
  const key = known ? (status as KnownInsuranceStatus) : "unavailable";
  return {
    label: word(t, `checkout.insurance.${key}.label`),
    description: word(t, `checkout.insurance.${key}.description`),
    tone: known ? INSURANCE_TONES[key as KnownInsuranceStatus] : "neutral",
  };
}

const RECURRING_PAYMENT_TONES: Record<KnownRecurringPaymentStatus, Tone> = {
  pending: "neutral",
  active: "success",
  cancelled: "neutral",
};

export function recurringPaymentStatusView(t: Translator, status: string | null | undefined): StatusView {
  const tone = valueForKey(RECURRING_PAYMENT_TONES, status);
  const key = tone === undefined ? "unavailable" : (status as KnownRecurringPaymentStatus);
  return {
    label: word(t, `checkout.recurring.${key}.label`),
    description: word(t, `checkout.recurring.${key}.description`),
    tone: tone ?? "neutral",
  };
}

// ---------------------------------------------------------------------------------------------------------
// Waitlist
// ---------------------------------------------------------------------------------------------------------

/*
 * `locationMessage` and `waitlistLocationReasonCode` are both machine-readable codes about the customer's
 * location (docs/api-assumptions.md). The codes below are our assumption; any other code gets the generic sentence.
 */
const LOCATION_CODE_KEYS = {
  service_area_expansion_pending: "serviceAreaExpansionPending",
  outside_service_area: "outsideServiceArea",
  address_not_serviceable: "addressNotServiceable",
} as const;

/** A location code (`locationMessage` or `waitlistLocationReasonCode`) as a sentence; null when absent. */
export function locationMessageText(t: Translator, code: string | null | undefined): string | null {
  if (typeof code !== "string" || code.trim() === "") return null;
  const key = valueForKey(LOCATION_CODE_KEYS, code.trim().toLowerCase()) ?? "unknown";
  return word(t, `checkout.location.${key}`);
}

// ---------------------------------------------------------------------------------------------------------
// Shipping and pickup
// ---------------------------------------------------------------------------------------------------------

const TRACKING_STATUS_WORDS = {
  label_created: { key: "labelCreated", tone: "info" },
  in_transit: { key: "inTransit", tone: "info" },
  out_for_delivery: { key: "outForDelivery", tone: "info" },
  delivered: { key: "delivered", tone: "success" },
  exception: { key: "exception", tone: "warning" },
  returned_to_sender: { key: "returnedToSender", tone: "danger" },
} as const satisfies Record<KnownTrackingStatus, { key: string; tone: Tone }>;

/** Carriers' statuses vary in case; compared lower-case. */
export function trackingStatusView(t: Translator, status: string | null | undefined): StatusView {
  const known = valueForKey<{ key: string; tone: Tone }>(
    TRACKING_STATUS_WORDS,
    status?.trim().toLowerCase(),
  ) as (typeof TRACKING_STATUS_WORDS)[KnownTrackingStatus] | undefined;
  const key = known?.key ?? "update";
  return {
    label: word(t, `checkout.tracking.${key}.label`),
    description: word(t, `checkout.tracking.${key}.description`),
    tone: known?.tone ?? "neutral",
  };
}

export type PickupStage = "preparing" | "ready" | "pickedUp" | "cancelled";

const PICKUP_TONES: Record<PickupStage, Tone> = {
  preparing: "info",
  ready: "success",
  pickedUp: "success",
  cancelled: "neutral",
};

export function pickupStatusView(t: Translator, stage: PickupStage): StatusView {
  return {
    label: word(t, `checkout.pickup.${stage}.label`),
    description: word(t, `checkout.pickup.${stage}.description`),
    tone: PICKUP_TONES[stage],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Returns
// ---------------------------------------------------------------------------------------------------------

const RETURN_TONES: Record<ReturnView["state"], Tone> = {
  initiated: "info",
  cancelled: "neutral",
  completed: "success",
};

export function returnStatusView(t: Translator, state: ReturnView["state"]): StatusView {
  return {
    label: word(t, `checkout.return.${state}.label`),
    description: word(t, `checkout.return.${state}.description`),
    tone: RETURN_TONES[state],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------------------------------------

export type PaymentProblemWords = { message: string; advice: string };

const PAYMENT_PROBLEM_KEYS = {
  card_declined: "cardDeclined",
  insufficient_funds: "insufficientFunds",
  expired_card: "expiredCard",
  authentication_required: "authenticationRequired",
} as const satisfies Record<KnownPaymentErrorCode, string>;

/**
 * Words for a payment error code. The API's own `lastPaymentError` text is never shown: it is written for
 * operators and may carry processor details.
 */
export function paymentProblemWords(t: Translator, code: string | null | undefined): PaymentProblemWords {
  const key = valueForKey(PAYMENT_PROBLEM_KEYS, code?.trim().toLowerCase()) ?? "unknown";
  return {
    message: word(t, `checkout.paymentProblem.${key}.message`),
    advice: word(t, `checkout.paymentProblem.${key}.advice`),
  };
}

/** A fee without a name of its own. */
export function unnamedFee(t: Translator): string {
  return word(t, "checkout.unnamedFee");
}

// ---------------------------------------------------------------------------------------------------------
// Lease
// ---------------------------------------------------------------------------------------------------------

const LEASE_TERM_ID = /^lt_([1-9]\d{0,2})(d|w|m|y)$/;

/** "lt_12m" → "12 months" (our reading of the undocumented LeaseTermId); anything else → null. */
export function leaseTermText(t: Translator, leaseTermId: string | null | undefined): string | null {
  const match = typeof leaseTermId === "string" ? LEASE_TERM_ID.exec(leaseTermId.trim().toLowerCase()) : null;
  const count = match?.[1];
  const unit = match?.[2] as "d" | "w" | "m" | "y" | undefined;
  if (count === undefined || unit === undefined) return null;
  return t(`checkout.leaseTerm.${unit}`, { count: Number(count) });
}

// ---------------------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------------------

const MILESTONE_KEYS: Record<MilestoneWordKey, true> = {
  checkoutStarted: true,
  depositPaid: true,
  insuranceApproved: true,
  orderConfirmed: true,
  shipped: true,
  delivered: true,
  readyForPickup: true,
  pickedUp: true,
  leaseActive: true,
  returnInitiated: true,
  returnCompleted: true,
  waitlisted: true,
  cancelled: true,
};

/** Our words for a milestone key, else the API's own label (free text), else "Step N" (1-based). */
export function milestoneLabel(
  t: Translator,
  key: string,
  apiLabel: string | null,
  position: number,
): string {
  if (valueForKey(MILESTONE_KEYS, key)) return word(t, `checkout.milestone.${key as MilestoneWordKey}`);
  return apiLabel ?? t("checkout.milestone.step", { position });
}

// ---------------------------------------------------------------------------------------------------------
// Actions, titles, key facts
// ---------------------------------------------------------------------------------------------------------

export function actionLabel(t: Translator, kind: NextAction["kind"]): string {
  return word(t, `checkout.action.${kind}`);
}

export type KeyFactWord =
  | "holdEnds"
  | "leaseEnds"
  | "leaseStarts"
  | "delivered"
  | "pickedUp"
  | "readySince"
  | "since"
  | "updated"
  | "returnStarted"
  | "returnCompleted";

/*
 * The key fact beside a headline: the one fact that matters now. Most read "<label> <date>"; the rest
 * are one line of text.
 */
export function keyFactLabel(t: Translator, fact: KeyFactWord): string {
  return word(t, `checkout.keyFact.${fact}`);
}

/** "Your card was declined. Failed 3 times." (the count only when there were failures). */
export function failuresText(t: Translator, message: string, count: number | null): string {
  return count !== null && count > 0 ? t("checkout.keyFact.failures", { message, count }) : message;
}

/** "UPS · 1Z…": names and numbers only, the same in every language. */
export function trackingFact(carrier: string | null, number: string | null): string {
  return [carrier, number].filter((part): part is string => part !== null).join(" · ");
}

// ---------------------------------------------------------------------------------------------------------
// Support
// ---------------------------------------------------------------------------------------------------------

/** What SupportContact says, in the customer's language: the mail subject (with the order) and link names. */
export type SupportContactWords = { mailSubject: string; helpCentre: string };

export function supportContactWords(t: Translator, checkoutId: string | null): SupportContactWords {
  return {
    mailSubject:
      checkoutId === null
        ? word(t, "checkout.support.subject")
        : t("checkout.support.subjectFor", { checkoutId }),
    helpCentre: word(t, "checkout.support.helpCentre"),
  };
}
