/**
 * The sandbox's stored checkout. It holds every field either endpoint can show; the projections in
 * projection.ts decide which of them each endpoint returns. Undocumented shapes follow
 * docs/api-assumptions.md (addresses, items, progress, fees).
 *
 * The always-present list fields allow `null` because the API documents them as "always present"
 * keys whose value may still be null, and the hostile demo customer exercises exactly that.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Address = {
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  /** ISO 3166 alpha-2. */
  country: string;
};

export type PurchaseItem = {
  id: string;
  name: string;
  quantity: number;
  sku?: string;
};

export type Milestone = {
  key: string;
  label: string;
  completedAt: string | null;
};

export type Progress = {
  currentMilestone: string | null;
  milestones: Milestone[];
};

type RecurringPaymentMethod = {
  type: string;
  brand?: string;
  last4?: string;
};

type ArbitraryFee = {
  name: string;
  amountCents: number;
  currency: "usd";
};

export type CheckoutRecord = {
  // Always present on the list endpoint (the key, not necessarily a value).
  id: string;
  createdAt: string | null;
  updatedAt: string | null;
  lifecycle: string | null;
  insuranceStatus: string | null;
  recurringPaymentStatus: string | null;
  offtakePartnerId: string | null;
  checkoutUrl: string | null;
  /** Never null in the store: the customer index is built on it. */
  customerId: string;
  /** `Progress` normally; any other JSON only in the hostile scenarios. */
  progress: Progress | JsonValue;

  // Optional on the list endpoint: emitted only when set.
  billingAddress?: Address;
  billingAddressLocked?: boolean;
  shippingAddress?: Address;
  shippingAddressLocked?: boolean;
  cancelUrl?: string;
  successUrl?: string;
  failureUrl?: string;
  deliveredAt?: string;
  shippedAt?: string;
  signedBy?: string;
  trackingCarrier?: string;
  trackingNumber?: string;
  trackingStatus?: string;
  returnInitiatedAt?: string;
  returnCancelledAt?: string;
  returnCompletedAt?: string;
  returnReason?: string;
  returnNotes?: string;
  waitlistReason?: string;
  waitlistLocationAddress?: Address;
  waitlistLocationReasonCode?: string;
  locationMessage?: string;
  lastPaymentError?: string;
  lastPaymentErrorAt?: string;
  lastPaymentErrorCode?: string;
  paymentFailureCount?: number;
  depositTimestamp?: string;
  depositPreauthExpiresAt?: string;
  depositInvoiceId?: string;
  stripeDepositPaymentIntentId?: string;
  stripeSubscriptionId?: string;
  recurringPaymentMethod?: RecurringPaymentMethod;
  recurringPaymentMethodId?: string;
  leaseStartDate?: string;
  leaseEndDate?: string;
  leaseTermId?: string;
  leaseDocumentId?: string;
  pickupLocationId?: number;
  previousLifecycle?: string | null;
  purchaseItems?: PurchaseItem[];
  externalOrderId?: string;
  organizationId?: number;

  // Only on the detail endpoint.
  checkoutSessionId: string;
  arbitraryFees?: ArbitraryFee[];
};

export type DemoCustomer = {
  id: string;
  name: string;
  description: string;
};
