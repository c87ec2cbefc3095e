import { isoTimestamp } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutDetailRecord, CheckoutRecord } from "@/lib/sweetspot/schemas";
import { checkoutPath } from "@/lib/urls/portal-urls";
import { type CheckoutFacts, checkoutFacts } from "./facts";
import { keyFactFor } from "./key-fact";
import { nextActionFor } from "./next-action";
import { continueCheckoutFor } from "./panels/continue-checkout";
import { leaseInsuranceFor } from "./panels/lease-insurance";
import { orderItemsFor } from "./panels/order-items";
import { paymentsViewFor } from "./panels/payments";
import { returnViewFor } from "./panels/returns";
import { shippingViewFor } from "./panels/shipping";
import { latestMilestone, timelineFor } from "./panels/timeline";
import { waitlistViewFor } from "./panels/waitlist";
import { listGroupOf } from "./situation";
import { shortReference } from "./support";
import type { CheckoutSummaryView, CheckoutView, PanelId } from "./types";
import { actionLabel, situationStatus, word } from "./words";

/*
 * API records → facts (facts.ts, read once) → one builder per panel (panels/) → the view model
 * (types.ts), assembled here. Fields are copied one by one, never spread, so an id the schema might
 * someday let through (customer, organization, pickup location, offtake partner, Stripe, PandaDoc)
 * cannot reach a browser by accident. Free text is trimmed and capped; enumerations become words.
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

export function toCheckoutView(
  record: CheckoutRecord,
  detail: CheckoutDetailRecord | null,
  options: CheckoutViewOptions,
): CheckoutView {
  const facts = checkoutFacts(record, detail, options.now);
  const { t } = options;
  const status = situationStatus(t, facts.situation);
  const timeline = timelineFor(facts, t);
  const continueCheckout = continueCheckoutFor(facts, options);
  const shipping = shippingViewFor(facts, t);
  const returns = returnViewFor(facts, t);
  const waitlist = waitlistViewFor(facts, t);
  const payments = paymentsViewFor(facts, options);
  const { lease, insurance } = leaseInsuranceFor(facts, t);
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
  const updatedAt = isoTimestamp(facts.record.updatedAt);
  return {
    id: facts.record.id,
    reference: shortReference(facts.record.id),
    createdLabel: createdLabel(t, facts),
    keyFact: keyFactFor(t, facts.situation, status.label, {
      timeline,
      shipping,
      payments,
      lease,
      returns,
      waitlist,
      updatedAt,
    }),
    ...orderItemsFor(facts, t),
    createdAt: isoTimestamp(facts.record.createdAt),
    updatedAt,
    status,
    needsAttention: facts.row.needsAttention,
    live: facts.row.live,
    panels: facts.row.panels.filter((panel) => present[panel]),
    timeline,
    nextAction: nextActionFor(facts, { shipping, payments }, options, ""),
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
  const facts = checkoutFacts(record, null, options.now);
  const detailsHref = checkoutPath(facts.record.id);
  const { t } = options;
  const panels = { shipping: shippingViewFor(facts, t), payments: paymentsViewFor(facts, options) };
  return {
    id: facts.record.id,
    title: orderItemsFor(facts, t).title,
    reference: shortReference(facts.record.id),
    createdAt: isoTimestamp(facts.record.createdAt),
    createdLabel: createdLabel(t, facts),
    status: situationStatus(t, facts.situation),
    group: listGroupOf(facts.situation),
    holdExpiresAt: isoTimestamp(facts.depositHold?.expiresAt ?? null),
    latestMilestone: latestMilestone(timelineFor(facts, t)),
    nextAction: nextActionFor(facts, panels, options, detailsHref) ?? {
      kind: "viewDetails",
      label: actionLabel(t, "viewDetails"),
      href: detailsHref,
    },
  };
}

/** "Ordered on" only for a finished checkout: an unfinished one was never ordered. */
function createdLabel(t: Translator, facts: CheckoutFacts): string {
  return word(t, facts.stage === "unfinished" ? "checkout.title.started" : "checkout.title.ordered");
}
