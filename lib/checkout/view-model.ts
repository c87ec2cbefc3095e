import { dayOrInstant, isoTimestamp } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutDetailRecord, CheckoutRecord } from "@/lib/sweetspot/schemas";
import { checkoutPath } from "@/lib/urls/portal-urls";
import { addressLines } from "./addresses";
import { paymentsViewFor } from "./payments";
import { isSafeExternalUrl } from "./safe-url";
import { shippingViewFor } from "./shipping";
import {
  depositHoldOf,
  isUnfinishedCheckout,
  listGroupOf,
  mayBeWaiting,
  returnStateOf,
  SITUATIONS,
  type Situation,
  situationOf,
  situationStatus,
  waitlistReasonStatus,
} from "./situation";
import { shortReference } from "./support";
import { plainText, singleLineText, truncatedText } from "./text";
import { latestMilestone, timelineFor } from "./timeline";
import type {
  CheckoutSummaryView,
  CheckoutView,
  ContinueCheckoutView,
  KeyFactView,
  LeaseView,
  NextAction,
  PanelId,
  PaymentsView,
  ReturnView,
  ShippingView,
  WaitlistView,
} from "./types";
import {
  actionLabel,
  failuresText,
  insuranceStatusView,
  type KeyFactWord,
  keyFactLabel,
  leaseTermText,
  locationMessageText,
  returnStatusView,
  trackingFact,
  word,
} from "./words";

/*
 * API records → the view model (types.ts). Fields are copied one by one, never spread, so an id the
 * schema might someday let through (customer, organization, pickup location, offtake partner, Stripe,
 * PandaDoc) cannot reach a browser by accident. Free text is trimmed and capped; enumerations become words.
 */

export type CheckoutViewOptions = {
  now: Date;
  /** Only against a local sandbox: lets `http://localhost…` checkout links through. */
  allowHttpCheckoutUrl: boolean;
  supportEmail: string;
  /** The customer's language: every word through `t` (one translator per language, translatorFor). */
  t: Translator;
  /** The same language, for what Intl formats in the view model itself (money). */
  locale: Locale;
};

export type CheckoutSummaryOptions = Pick<
  CheckoutViewOptions,
  "allowHttpCheckoutUrl" | "now" | "t" | "locale"
>;

const MAX_TITLE_LENGTH = 120;
/** Leaves room in the title for " + 3 more". */
const MAX_TITLE_NAME_LENGTH = 90;
const MAX_TEXT_LENGTH = 500;
const MAX_EXTERNAL_ORDER_ID_LENGTH = 120;
/** More lines than any order page should render; the title still counts them all. */
const MAX_ITEMS = 100;

export function toCheckoutView(
  record: CheckoutRecord,
  detail: CheckoutDetailRecord | null,
  options: CheckoutViewOptions,
): CheckoutView {
  // A detail for another checkout would mix two orders on one page: ignore it.
  const sameDetail = detail !== null && detail.id === record.id ? detail : null;
  const merged = withDetail(record, sameDetail);
  const state = sameDetail?.state ?? null;
  const { t } = options;
  const situation = situationOf({ record: merged, state, now: options.now });
  const row = SITUATIONS[situation];
  const status = situationStatus(t, situation);
  const items = itemsOf(merged);
  const timeline = timelineFor(merged, options.now, t);
  const continueCheckout = continueCheckoutFor(merged, options);
  const shipping = withoutStaleTracking(situation, shippingViewFor(merged, t));
  const returns = returnViewFor(merged, t);
  const waitlist = waitlistViewFor(merged, t);
  const payments = withoutContradictions(
    paymentsViewFor(merged, {
      state,
      fees: sameDetail?.arbitraryFees ?? null,
      now: options.now,
      t,
      locale: options.locale,
    }),
  );
  // Once an order is over (returned, cancelled), its lease and insurance no longer apply.
  const lease = row.over ? null : leaseViewFor(merged, t);
  const insurance =
    row.over || merged.insuranceStatus === null ? null : insuranceStatusView(t, merged.insuranceStatus);
  const present: Record<PanelId, boolean> = {
    continueCheckout: continueCheckout !== null,
    waitlist: waitlist !== null,
    progress: timeline.milestones.length > 0,
    shipping: shipping !== null,
    returns: returns !== null,
    payments: payments !== null,
    // Both always render: they say "not known yet" rather than disappear (lease: unless the order is over).
    lease: lease !== null || insurance !== null,
    items: true,
  };
  const nextAction = nextActionFor(situation, { record: merged, shipping, payments }, options, "");
  return {
    id: merged.id,
    reference: shortReference(merged.id),
    createdLabel: createdLabel(t, merged.lifecycle),
    keyFact: keyFactFor(t, situation, status.label, {
      timeline,
      shipping,
      payments,
      lease,
      returns,
      waitlist,
      updatedAt: isoTimestamp(merged.updatedAt),
    }),
    title: titleFor(t, merged),
    items: items.slice(0, MAX_ITEMS),
    externalOrderId: singleLineText(merged.externalOrderId, MAX_EXTERNAL_ORDER_ID_LENGTH),
    createdAt: isoTimestamp(merged.createdAt),
    updatedAt: isoTimestamp(merged.updatedAt),
    status,
    needsAttention: row.needsAttention,
    live: row.live,
    panels: row.panels.filter((panel) => present[panel]),
    timeline,
    nextAction,
    continueCheckout,
    shipping,
    returns,
    waitlist,
    payments,
    lease,
    insurance,
  };
}

/** One list row. Always has an action: at least "View details". */
export function toCheckoutSummary(
  record: CheckoutRecord,
  options: CheckoutSummaryOptions,
): CheckoutSummaryView {
  const detailsHref = checkoutPath(record.id);
  const { t } = options;
  const situation = situationOf({ record, state: null, now: options.now });
  const shipping = withoutStaleTracking(situation, shippingViewFor(record, t));
  const payments = paymentsViewFor(record, {
    state: null,
    fees: null,
    now: options.now,
    t,
    locale: options.locale,
  });
  const hold = depositHoldOf(record, null, options.now);
  return {
    id: record.id,
    title: titleFor(t, record),
    reference: shortReference(record.id),
    createdAt: isoTimestamp(record.createdAt),
    createdLabel: createdLabel(t, record.lifecycle),
    status: situationStatus(t, situation),
    group: listGroupOf(situation),
    holdExpiresAt: isoTimestamp(hold?.expiresAt ?? null),
    latestMilestone: latestMilestone(timelineFor(record, options.now, t)),
    nextAction: nextActionFor(situation, { record, shipping, payments }, options, detailsHref) ?? {
      kind: "viewDetails",
      label: actionLabel(t, "viewDetails"),
      href: detailsHref,
    },
  };
}

/** The list item is authoritative; the detail endpoint only fills what the list left empty. */
function withDetail(record: CheckoutRecord, detail: CheckoutDetailRecord | null): CheckoutRecord {
  if (detail === null) return record;
  return {
    ...record,
    createdAt: record.createdAt ?? detail.createdAt,
    updatedAt: record.updatedAt ?? detail.updatedAt,
    insuranceStatus: record.insuranceStatus ?? detail.insuranceStatus,
    recurringPaymentStatus: record.recurringPaymentStatus ?? detail.recurringPaymentStatus,
    paymentFailureCount: record.paymentFailureCount ?? detail.paymentFailureCount,
    externalOrderId: record.externalOrderId ?? detail.externalOrderId,
    checkoutUrl: record.checkoutUrl ?? detail.checkoutUrl,
    depositTimestamp: record.depositTimestamp ?? detail.depositTimestamp,
    lastPaymentError: record.lastPaymentError ?? detail.lastPaymentError,
    lastPaymentErrorAt: record.lastPaymentErrorAt ?? detail.lastPaymentErrorAt,
    lastPaymentErrorCode: record.lastPaymentErrorCode ?? detail.lastPaymentErrorCode,
    leaseStartDate: record.leaseStartDate ?? detail.leaseStartDate,
    leaseEndDate: record.leaseEndDate ?? detail.leaseEndDate,
    leaseTermId: record.leaseTermId ?? detail.leaseTermId,
    pickupLocationId: record.pickupLocationId ?? detail.pickupLocationId,
    shippingAddress: record.shippingAddress ?? detail.shippingAddress,
  };
}

function itemsOf(record: CheckoutRecord): { name: string; quantity: number }[] {
  return (record.purchaseItems ?? []).flatMap((item) => {
    const name = singleLineText(item.name, MAX_TEXT_LENGTH);
    return name === null ? [] : [{ name, quantity: item.quantity ?? 1 }];
  });
}

/** "Ordered on" only for a finished checkout: an unfinished one was never ordered. */
function createdLabel(t: Translator, lifecycle: string | null): string {
  return word(t, isUnfinishedCheckout(lifecycle) ? "checkout.title.started" : "checkout.title.ordered");
}

/** "Pearl espresso machine + 1 more", "2 × Oak chair", else "Order <external id>", else "Your order · ref <ref>". */
function titleFor(t: Translator, record: CheckoutRecord): string {
  const items = itemsOf(record);
  const first = items[0];
  if (first !== undefined) {
    const name = truncatedText(first.name, MAX_TITLE_NAME_LENGTH);
    const line =
      first.quantity > 1 ? t("checkout.title.quantityOf", { quantity: first.quantity, name }) : name;
    return truncatedText(
      items.length > 1 ? t("checkout.title.andMore", { first: line, others: items.length - 1 }) : line,
      MAX_TITLE_LENGTH,
    );
  }
  const orderId = singleLineText(record.externalOrderId, MAX_TITLE_NAME_LENGTH);
  if (orderId !== null) return truncatedText(t("checkout.title.order", { orderId }), MAX_TITLE_LENGTH);
  // No item names and no order number: a friendly title, never the raw id.
  return t("checkout.title.checkout", { reference: shortReference(record.id) });
}

/**
 * A parcel handed over, then returned or cancelled, is not tracked any more: its carrier link would
 * show an old delivery as the news.
 */
function withoutStaleTracking(situation: Situation, shipping: ShippingView | null): ShippingView | null {
  const past = SITUATIONS[situation].over === true || situation === "returnStarted";
  if (shipping?.kind !== "shipment" || !past) return shipping;
  return { ...shipping, trackingUrl: null };
}

/**
 * "Automatic payments on" under a failed payment reads as "all is well": while a payment has failed,
 * the problem speaks for the payments and the routine status is left out.
 */
function withoutContradictions(payments: PaymentsView | null): PaymentsView | null {
  if (payments?.problem == null || payments.recurring === null) return payments;
  return { ...payments, recurring: null };
}

type KeyFactParts = Pick<
  CheckoutView,
  "timeline" | "shipping" | "payments" | "lease" | "returns" | "waitlist" | "updatedAt"
>;

/** The one fact that matters now, said beside the headline (each situation's panel holds the rest). */
function keyFactFor(
  t: Translator,
  situation: Situation,
  headline: string,
  parts: KeyFactParts,
): KeyFactView | null {
  const dated = (word: KeyFactWord, at: string, withTime: boolean): KeyFactView => ({
    label: keyFactLabel(t, word),
    at,
    withTime,
  });
  const { shipping, payments, lease, returns, waitlist } = parts;
  const problem = payments?.problem ?? null;
  const deposit = payments?.deposit ?? null;
  switch (situation) {
    case "paymentFailed":
      if (problem) return text(failuresText(t, problem.message, problem.failureCount));
      break;
    case "depositHoldExpiring":
    case "continueCheckout":
      if (deposit?.kind === "preauthorized" && deposit.expiresAt)
        return dated("holdEnds", deposit.expiresAt, true);
      break;
    case "shipped":
    case "outForDelivery":
    case "carrierException":
      if (shipping?.kind === "shipment" && (shipping.carrierName || shipping.trackingNumber))
        return text(trackingFact(shipping.carrierName, shipping.trackingNumber));
      break;
    case "waitlistedForLocation":
      if (waitlist?.locationMessage) return text(waitlist.locationMessage);
      break;
    case "delivered":
      if (shipping?.kind === "shipment" && shipping.deliveredAt)
        return dated("delivered", shipping.deliveredAt, true);
      break;
    case "pickedUp":
      if (shipping?.kind === "pickup" && shipping.pickedUpAt)
        return dated("pickedUp", shipping.pickedUpAt, true);
      break;
    case "readyForPickup":
      if (shipping?.kind === "pickup" && shipping.readyAt) return dated("readySince", shipping.readyAt, true);
      break;
    case "leaseActive":
      if (lease?.endDate) return dated("leaseEnds", lease.endDate, false);
      if (lease?.startDate) return dated("leaseStarts", lease.startDate, false);
      break;
    case "returnStarted":
      if (returns?.initiatedAt) return dated("returnStarted", returns.initiatedAt, false);
      break;
    case "returned":
      if (returns?.completedAt) return dated("returnCompleted", returns.completedAt, false);
      break;
    default:
      break;
  }
  const latest = latestMilestone(parts.timeline);
  if (latest === null) return null;
  // "Order confirmed" under the headline "Order confirmed" says it twice: only the date is news.
  const repeats = latest.label === headline;
  if (repeats && latest.at === null) {
    if (parts.updatedAt === null) return null;
    return dated("updated", parts.updatedAt, false);
  }
  return { label: repeats ? keyFactLabel(t, "since") : latest.label, at: latest.at, withTime: false };
}

function text(label: string): KeyFactView {
  return { label, at: null, withTime: false };
}

/** Offered only while the checkout is unfinished; an unsafe link is replaced by a way to reach support. */
function continueCheckoutFor(
  record: CheckoutRecord,
  options: Pick<CheckoutViewOptions, "allowHttpCheckoutUrl" | "supportEmail" | "t">,
): ContinueCheckoutView | null {
  if (!isUnfinishedCheckout(record.lifecycle)) return null;
  const href = isSafeExternalUrl(record.checkoutUrl, { allowHttp: options.allowHttpCheckoutUrl });
  if (href !== null) return { kind: "link", href, label: actionLabel(options.t, "continueCheckout") };
  return {
    kind: "contactSupport",
    message: word(options.t, "checkout.support.unsafeCheckoutLink"),
    supportEmail: options.supportEmail,
  };
}

type ActionFacts = { record: CheckoutRecord; shipping: ShippingView | null; payments: PaymentsView | null };

/**
 * The situation's one next action, when the record makes it possible: a safe checkout link, a problem to
 * read about, a shipment to track. `base` prefixes in-page anchors ("" on the detail page, the details URL
 * in the list).
 */
function nextActionFor(
  situation: Situation,
  { record, shipping, payments }: ActionFacts,
  options: Pick<CheckoutViewOptions, "allowHttpCheckoutUrl" | "t">,
  base: string,
): NextAction | null {
  const kind = SITUATIONS[situation].nextAction;
  const label = kind === null ? "" : actionLabel(options.t, kind);
  switch (kind) {
    case "continueCheckout": {
      if (!isUnfinishedCheckout(record.lifecycle)) return null;
      const href = isSafeExternalUrl(record.checkoutUrl, { allowHttp: options.allowHttpCheckoutUrl });
      return href === null ? null : { kind, label, href };
    }
    case "fixPayment":
      return payments?.problem ? { kind, label, href: `${base}#payments` } : null;
    case "seeReturn":
      return { kind, label, href: `${base}#returns` };
    case "trackPackage": {
      if (shipping?.kind !== "shipment") return null;
      // With no lifecycle to go by, only a package shipped and not yet delivered is worth tracking.
      if (situation === "unknown" && (shipping.shippedAt === null || shipping.deliveredAt !== null))
        return null;
      return { kind, label, href: shipping.trackingUrl ?? `${base}#shipping` };
    }
    case "viewDetails":
      return { kind, label, href: checkoutPath(record.id) };
    case null:
      return null;
  }
}

function returnViewFor(record: CheckoutRecord, t: Translator): ReturnView | null {
  const state = returnStateOf(record);
  if (state === null) return null;
  return {
    state,
    status: returnStatusView(t, state),
    initiatedAt: isoTimestamp(record.returnInitiatedAt),
    cancelledAt: isoTimestamp(record.returnCancelledAt),
    completedAt: isoTimestamp(record.returnCompletedAt),
    reason: singleLineText(record.returnReason, MAX_TEXT_LENGTH),
    notes: plainText(record.returnNotes, MAX_TEXT_LENGTH),
  };
}

/**
 * Shown while the checkout waits (or when its lifecycle is unknown): a stale waitlist reason on an order
 * that has since shipped would tell the customer something false.
 */
function waitlistViewFor(record: CheckoutRecord, t: Translator): WaitlistView | null {
  const waiting = mayBeWaiting(record.lifecycle);
  const locationMessage =
    locationMessageText(t, record.locationMessage) ??
    locationMessageText(t, record.waitlistLocationReasonCode);
  const reasonGiven = singleLineText(record.waitlistReason, MAX_TEXT_LENGTH) !== null;
  if (!waiting || (!reasonGiven && locationMessage === null)) return null;
  return {
    reason: waitlistReasonStatus(t, record.waitlistReason),
    locationMessage,
    address: addressLines(record.waitlistLocationAddress),
  };
}

function leaseViewFor(record: CheckoutRecord, t: Translator): LeaseView | null {
  const lease = {
    startDate: dayOrInstant(record.leaseStartDate),
    endDate: dayOrInstant(record.leaseEndDate),
    term: leaseTermText(t, record.leaseTermId),
  };
  return lease.startDate === null && lease.endDate === null && lease.term === null ? null : lease;
}
