/**
 * The view model: everything a customer may see about a checkout, in words and plain values.
 * Built from API records by lib/checkout/view-model.ts; rendered by components/ and returned as is
 * by the JSON route. Holds no internal ids (Stripe, PandaDoc, invoice, offtake partner, organization,
 * customer) and no raw enum names — every label is customer-facing text in the customer's language
 * (lib/checkout/words.ts picks the message, messages/<locale>.json holds it), so a view belongs to one
 * language: saved views are named per language (view-names.ts).
 * Dates are ISO 8601 strings; components format them for the customer's locale and time zone.
 */

/** How a status reads at a glance. Never the only carrier of meaning: labels always say it too. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export type StatusView = {
  /** Short: "On its way". */
  label: string;
  /** One sentence on what it means for the customer, or null. */
  description: string | null;
  tone: Tone;
};

export type MilestoneState = "done" | "current" | "upcoming";

export type MilestoneView = {
  key: string;
  label: string;
  state: MilestoneState;
  /** When it happened (done steps), else null. */
  at: string | null;
};

export type TimelineView = {
  milestones: MilestoneView[];
  /** "progress" when the API sent milestones, "derived" when the portal worked them out. */
  source: "progress" | "derived";
};

/** The one thing the customer should do now, if anything. */
export type NextAction =
  | { kind: "continueCheckout"; label: string; href: string }
  | { kind: "trackPackage"; label: string; href: string }
  | { kind: "seeReturn"; label: string; href: string }
  | { kind: "fixPayment"; label: string; href: string }
  | { kind: "viewDetails"; label: string; href: string };

export type ContinueCheckoutView =
  | { kind: "link"; href: string; label: string }
  /** The checkout is unfinished but its URL failed the safety rule: tell them to contact support. */
  | { kind: "contactSupport"; message: string; supportEmail: string };

export type ShippingView =
  | {
      kind: "shipment";
      /** "UPS", or the API's own value when the carrier is unknown, or null. */
      carrierName: string | null;
      trackingNumber: string | null;
      /** The carrier's own tracking page, only for known carriers with a number. */
      trackingUrl: string | null;
      trackingStatus: StatusView | null;
      shippedAt: string | null;
      deliveredAt: string | null;
      signedBy: string | null;
      /** Formatted address lines, when the API sent an address. */
      address: string[] | null;
    }
  | {
      kind: "pickup";
      status: StatusView;
      readyAt: string | null;
      pickedUpAt: string | null;
    };

export type ReturnView = {
  state: "initiated" | "cancelled" | "completed";
  status: StatusView;
  initiatedAt: string | null;
  cancelledAt: string | null;
  completedAt: string | null;
  reason: string | null;
  notes: string | null;
};

export type WaitlistView = {
  reason: StatusView;
  /** The location message, in words (never the machine-readable code). */
  locationMessage: string | null;
  address: string[] | null;
};

export type PaymentProblemView = {
  /** Plain words for the error code. */
  message: string;
  /** What to do about it. */
  advice: string;
  at: string | null;
  failureCount: number | null;
};

export type DepositView =
  | { kind: "paid"; paidAt: string | null }
  | {
      kind: "preauthorized";
      expiresAt: string | null;
      /** True when the hold expires within 72 hours: the page warns. */
      expiresSoon: boolean;
    };

export type PaymentsView = {
  deposit: DepositView | null;
  recurring: StatusView | null;
  problem: PaymentProblemView | null;
  fees: { name: string; amount: string }[];
};

export type LeaseView = {
  startDate: string | null;
  endDate: string | null;
  /** The term in words ("12 months"), or null when unknown. */
  term: string | null;
};

/** The detail page's panels, which the situation table orders. */
export type PanelId =
  | "continueCheckout"
  | "waitlist"
  | "progress"
  | "shipping"
  | "returns"
  | "payments"
  | "lease"
  | "items";

/**
 * The one fact that matters now, beside the headline: "Hold on your card ends <date>", "UPS · 1Z…",
 * "Your card was declined. Failed 3 times." A date, when there is one, follows the words.
 */
export type KeyFactView = { label: string; at: string | null; withTime: boolean };

/** Where a checkout sits on the list page (lib/checkout/situation.ts decides). */
export type ListGroup = "attention" | "active" | "done";

/** One checkout as the detail page and the live JSON route show it. */
export type CheckoutView = {
  id: string;
  /** A short reference customers can quote ("…R7K2QD"): tells same-item orders apart. */
  reference: string;
  /** "Ordered on" for a finished checkout, "Started on" for an unfinished one. */
  createdLabel: string;
  keyFact: KeyFactView | null;
  /** What was ordered, in one line: purchase items, else the external order id, else the checkout id. */
  title: string;
  items: { name: string; quantity: number }[];
  externalOrderId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  status: StatusView;
  /** The customer should act or look now (a failed payment, a hold expiring, a delivery problem…). */
  needsAttention: boolean;
  /** Still moving (not finished, not cancelled): the page refreshes itself. */
  live: boolean;
  /** The panels to show, in order: those the situation finds relevant and that have something to say. */
  panels: PanelId[];
  timeline: TimelineView;
  nextAction: NextAction | null;
  continueCheckout: ContinueCheckoutView | null;
  shipping: ShippingView | null;
  returns: ReturnView | null;
  waitlist: WaitlistView | null;
  payments: PaymentsView | null;
  lease: LeaseView | null;
  insurance: StatusView | null;
};

/** One row of the list page. */
export type CheckoutSummaryView = {
  id: string;
  title: string;
  reference: string;
  createdAt: string | null;
  createdLabel: string;
  status: StatusView;
  group: ListGroup;
  /** When the deposit hold on the customer's card ends, when there is one. */
  holdExpiresAt: string | null;
  latestMilestone: { label: string; at: string | null } | null;
  nextAction: NextAction;
};
