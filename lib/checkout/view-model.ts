import { dayOrInstant, isoTimestamp } from "@/lib/dates";
import type { CheckoutDetailRecord, CheckoutRecord } from "@/lib/sweetspot/schemas";
import { checkoutPath } from "@/lib/urls/portal-urls";
import { addressLines } from "./addresses";
import { isClosedCheckout, isLiveCheckout, isUnfinishedCheckout } from "./lifecycle";
import { hasPaymentProblem, paymentsViewFor } from "./payments";
import { isSafeExternalUrl } from "./safe-url";
import { isInTransit, shippingViewFor } from "./shipping";
import { plainText, singleLineText, truncatedText } from "./text";
import { latestMilestone, timelineFor } from "./timeline";
import type {
  CheckoutSummaryView,
  CheckoutView,
  ContinueCheckoutView,
  LeaseView,
  NextAction,
  ReturnView,
  StatusView,
  WaitlistView,
} from "./types";
import {
  ACTION_LABELS,
  checkoutStateStatusView,
  hasCheckoutStateWords,
  hasLifecycleWords,
  insuranceStatusView,
  leaseTermText,
  lifecycleStatusView,
  locationMessageText,
  returnStatusView,
  SUPPORT_WORDS,
  TITLE_WORDS,
  waitlistReasonView,
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
};

export type CheckoutSummaryOptions = Pick<CheckoutViewOptions, "allowHttpCheckoutUrl">;

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
  const items = itemsOf(merged);
  const timeline = timelineFor(merged);
  const continueCheckout = continueCheckoutFor(merged, options);
  const shipping = shippingViewFor(merged);
  const returns = returnViewFor(merged);
  const payments = paymentsViewFor(merged, {
    state: sameDetail?.state ?? null,
    fees: sameDetail?.arbitraryFees ?? null,
    now: options.now,
  });
  return {
    id: merged.id,
    title: titleFor(merged),
    items: items.slice(0, MAX_ITEMS),
    externalOrderId: singleLineText(merged.externalOrderId, MAX_EXTERNAL_ORDER_ID_LENGTH),
    createdAt: isoTimestamp(merged.createdAt),
    updatedAt: isoTimestamp(merged.updatedAt),
    status: statusFor(merged.lifecycle, sameDetail?.state ?? null),
    live: isLiveCheckout(merged.lifecycle),
    timeline,
    nextAction: nextActionFor(merged, options, ""),
    continueCheckout,
    shipping,
    returns,
    waitlist: waitlistViewFor(merged),
    payments,
    lease: leaseViewFor(merged),
    insurance: merged.insuranceStatus === null ? null : insuranceStatusView(merged.insuranceStatus),
  };
}

/** One list row. Always has an action: at least "View details". */
export function toCheckoutSummary(
  record: CheckoutRecord,
  options: CheckoutSummaryOptions,
): CheckoutSummaryView {
  const detailsHref = checkoutPath(record.id);
  return {
    id: record.id,
    title: titleFor(record),
    createdAt: isoTimestamp(record.createdAt),
    status: statusFor(record.lifecycle, null),
    latestMilestone: latestMilestone(timelineFor(record)),
    nextAction: nextActionFor(record, options, detailsHref) ?? {
      kind: "viewDetails",
      label: ACTION_LABELS.viewDetails,
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

/** The lifecycle's words; the detail `state` only when the lifecycle is missing or unknown. */
function statusFor(lifecycle: string | null, state: string | null): StatusView {
  if (!hasLifecycleWords(lifecycle) && hasCheckoutStateWords(state)) return checkoutStateStatusView(state);
  return lifecycleStatusView(lifecycle);
}

function itemsOf(record: CheckoutRecord): { name: string; quantity: number }[] {
  return (record.purchaseItems ?? []).flatMap((item) => {
    const name = singleLineText(item.name, MAX_TEXT_LENGTH);
    return name === null ? [] : [{ name, quantity: item.quantity ?? 1 }];
  });
}

/** "Pearl espresso machine + 1 more", "2 × Oak chair", else "Order <external id>", else "Checkout <id>". */
export function titleFor(record: CheckoutRecord): string {
  const items = itemsOf(record);
  const first = items[0];
  if (first !== undefined) {
    const name = truncatedText(first.name, MAX_TITLE_NAME_LENGTH);
    const line = first.quantity > 1 ? TITLE_WORDS.quantityOf(first.quantity, name) : name;
    return truncatedText(
      items.length > 1 ? TITLE_WORDS.andMore(line, items.length - 1) : line,
      MAX_TITLE_LENGTH,
    );
  }
  const orderId = singleLineText(record.externalOrderId, MAX_TITLE_NAME_LENGTH);
  if (orderId !== null) return truncatedText(TITLE_WORDS.order(orderId), MAX_TITLE_LENGTH);
  return truncatedText(TITLE_WORDS.checkout(record.id), MAX_TITLE_LENGTH);
}

/** Offered only while the checkout is unfinished; an unsafe link is replaced by a way to reach support. */
function continueCheckoutFor(
  record: CheckoutRecord,
  options: Pick<CheckoutViewOptions, "allowHttpCheckoutUrl" | "supportEmail">,
): ContinueCheckoutView | null {
  if (!isUnfinishedCheckout(record.lifecycle)) return null;
  const href = isSafeExternalUrl(record.checkoutUrl, { allowHttp: options.allowHttpCheckoutUrl });
  if (href !== null) return { kind: "link", href, label: ACTION_LABELS.continueCheckout };
  return {
    kind: "contactSupport",
    message: SUPPORT_WORDS.unsafeCheckoutLink,
    supportEmail: options.supportEmail,
  };
}

/**
 * The one action that matters now, by priority: finish checkout > fix a failed payment > follow a return
 * > track a package. `base` prefixes in-page anchors ("" on the detail page, the details URL in the list).
 */
function nextActionFor(
  record: CheckoutRecord,
  options: CheckoutSummaryOptions,
  base: string,
): NextAction | null {
  if (isUnfinishedCheckout(record.lifecycle)) {
    const href = isSafeExternalUrl(record.checkoutUrl, { allowHttp: options.allowHttpCheckoutUrl });
    if (href !== null) return { kind: "continueCheckout", label: ACTION_LABELS.continueCheckout, href };
  }
  if (hasPaymentProblem(record) && !isClosedCheckout(record.lifecycle)) {
    return { kind: "fixPayment", label: ACTION_LABELS.fixPayment, href: `${base}#payments` };
  }
  if (returnStateOf(record) === "initiated") {
    return { kind: "seeReturn", label: ACTION_LABELS.seeReturn, href: `${base}#returns` };
  }
  const shipping = shippingViewFor(record);
  if (shipping?.kind === "shipment" && isInTransit(record)) {
    return {
      kind: "trackPackage",
      label: ACTION_LABELS.trackPackage,
      href: shipping.trackingUrl ?? `${base}#shipping`,
    };
  }
  return null;
}

/**
 * Completed beats everything; a return under way (lifecycle says so) beats an older cancelled one;
 * otherwise a cancellation timestamp means the return was called off.
 */
function returnStateOf(record: CheckoutRecord): ReturnView["state"] | null {
  if (record.returnCompletedAt !== null || record.lifecycle === "returned") return "completed";
  if (record.lifecycle === "returnInitiated") return "initiated";
  if (record.returnCancelledAt !== null) return "cancelled";
  if (record.returnInitiatedAt !== null) return "initiated";
  return null;
}

function returnViewFor(record: CheckoutRecord): ReturnView | null {
  const state = returnStateOf(record);
  if (state === null) return null;
  return {
    state,
    status: returnStatusView(state),
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
function waitlistViewFor(record: CheckoutRecord): WaitlistView | null {
  const waiting = record.lifecycle === "waitlisted" || !hasLifecycleWords(record.lifecycle);
  const locationMessage =
    locationMessageText(record.locationMessage) ?? locationMessageText(record.waitlistLocationReasonCode);
  const reasonGiven = singleLineText(record.waitlistReason, MAX_TEXT_LENGTH) !== null;
  if (!waiting || (!reasonGiven && locationMessage === null)) return null;
  return {
    reason: waitlistReasonView(record.waitlistReason),
    locationMessage,
    address: addressLines(record.waitlistLocationAddress),
  };
}

function leaseViewFor(record: CheckoutRecord): LeaseView | null {
  const lease = {
    startDate: dayOrInstant(record.leaseStartDate),
    endDate: dayOrInstant(record.leaseEndDate),
    term: leaseTermText(record.leaseTermId),
  };
  return lease.startDate === null && lease.endDate === null && lease.term === null ? null : lease;
}
