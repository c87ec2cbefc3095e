import { type Clock, MS_PER_DAY } from "./clock";
import { GENERATED_LIFECYCLES, generatedCheckout } from "./generator";
import { type MilestoneKey, milestonePlanFor, progressUpTo } from "./progress";
import { seededRandom } from "./random";
import { DEMO_CUSTOMERS, MANY_CHECKOUT_COUNT, manyCheckoutId, ORGANIZATIONS, SCENARIOS } from "./scenarios";
import type { Address, CheckoutRecord, PurchaseItem } from "./types";

/** The well-behaved demo customers: Alex (every situation), Blair (another organization), Morgan (many). */

const ALEX_HOME: Address = {
  line1: "1450 Mission St",
  line2: "Apt 5B",
  city: "San Francisco",
  region: "CA",
  postalCode: "94103",
  country: "US",
};

const BLAIR_HOME: Address = {
  line1: "301 Pike St",
  line2: null,
  city: "Seattle",
  region: "WA",
  postalCode: "98101",
  country: "US",
};

const REMOTE_CABIN: Address = {
  line1: "14 Tundra Way",
  line2: null,
  city: "Nome",
  region: "AK",
  postalCode: "99762",
  country: "US",
};

const CARD_ON_FILE = { type: "card", brand: "visa", last4: "4242" };

function item(id: string, name: string, sku: string, quantity = 1): PurchaseItem {
  return { id: `itm_${id}`, name, quantity, sku };
}

type RecordBasics = Pick<CheckoutRecord, "id" | "customerId" | "createdAt" | "updatedAt" | "lifecycle"> &
  Partial<CheckoutRecord>;

/** Defaults shared by the well-behaved demo checkouts; `fields` overrides any of them. */
function demoCheckout(fields: RecordBasics): CheckoutRecord {
  return {
    insuranceStatus: "approved",
    recurringPaymentStatus: "pending",
    offtakePartnerId: "otp_sweetspot_west",
    checkoutUrl: `https://checkout.thesweetspot.example/c/${fields.id}`,
    checkoutSessionId: `cs_test_${fields.id.slice(4)}`,
    progress: null,
    shippingAddressLocked: false,
    billingAddressLocked: false,
    ...fields,
  };
}

/** Internal ids of a captured deposit (never for customers' eyes: tests check they do not leak). */
function depositIds(slug: string): Pick<CheckoutRecord, "stripeDepositPaymentIntentId" | "depositInvoiceId"> {
  return { stripeDepositPaymentIntentId: `pi_3Sbx${slug}`, depositInvoiceId: `in_1Sbx${slug}` };
}

/** Internal ids of a running lease. */
function leaseIds(
  slug: string,
): Pick<
  CheckoutRecord,
  "stripeSubscriptionId" | "leaseDocumentId" | "recurringPaymentMethodId" | "recurringPaymentMethod"
> {
  return {
    stripeSubscriptionId: `sub_1Sbx${slug}`,
    leaseDocumentId: `pd_${slug}Lease`,
    recurringPaymentMethodId: `pm_1Sbx${slug}`,
    recurringPaymentMethod: CARD_ON_FILE,
  };
}

/** Progress of `record` up to `reached`, with the completion times given (days ago). */
function progressOf(
  clock: Clock,
  record: CheckoutRecord,
  reached: MilestoneKey,
  daysAgo: Partial<Record<MilestoneKey, number>>,
): CheckoutRecord {
  record.progress = progressUpTo(milestonePlanFor(record), reached, (key) => clock.ago(daysAgo[key] ?? 0));
  return record;
}

/** Standard confirmation history, `createdDaysAgo` days back. */
function confirmedDaysAgo(createdDaysAgo: number): Partial<Record<MilestoneKey, number>> {
  return {
    checkoutStarted: createdDaysAgo,
    depositPaid: createdDaysAgo - 0.1,
    insuranceApproved: createdDaysAgo - 0.6,
    orderConfirmed: createdDaysAgo - 1,
  };
}

export function alexCheckouts(clock: Clock): CheckoutRecord[] {
  const alex = (fields: Omit<RecordBasics, "customerId">) =>
    demoCheckout({
      customerId: DEMO_CUSTOMERS.alex.id,
      organizationId: ORGANIZATIONS.alex,
      shippingAddress: ALEX_HOME,
      billingAddress: ALEX_HOME,
      ...fields,
    });
  const shipped = (
    id: string,
    slug: string,
    createdDaysAgo: number,
    shippedDaysAgo: number,
    tracking: Pick<CheckoutRecord, "trackingCarrier" | "trackingNumber" | "trackingStatus">,
    items: PurchaseItem[],
  ) =>
    progressOf(
      clock,
      alex({
        id,
        createdAt: clock.ago(createdDaysAgo),
        updatedAt: clock.ago(shippedDaysAgo, -3),
        lifecycle: "shipped",
        depositTimestamp: clock.ago(createdDaysAgo - 0.1),
        ...depositIds(slug),
        shippedAt: clock.ago(shippedDaysAgo),
        ...tracking,
        purchaseItems: items,
      }),
      "shipped",
      { ...confirmedDaysAgo(createdDaysAgo), shipped: shippedDaysAgo },
    );

  return [
    alex({
      id: SCENARIOS.unfinished,
      createdAt: clock.ago(0, 3),
      updatedAt: clock.ago(0, 2),
      lifecycle: "created",
      insuranceStatus: "pending",
      cancelUrl: "https://shop.example/cart",
      successUrl: "https://shop.example/order/complete",
      failureUrl: "https://shop.example/order/failed",
      externalOrderId: "SHOP-10519",
      purchaseItems: [item("alex_espresso", "Pearl espresso machine", "KIT-ESP-PEARL")],
      arbitraryFees: [{ name: "Delivery fee", amountCents: 4900, currency: "usd" }],
    }),
    alex({
      id: SCENARIOS.depositPending,
      createdAt: clock.ago(5, 14),
      updatedAt: clock.ago(5, 12),
      lifecycle: "created",
      insuranceStatus: "pending",
      // Pre-authorized 5½ days ago; the hold lapses 7 days after authorization, i.e. in 36 hours.
      depositTimestamp: clock.ago(5, 12),
      depositPreauthExpiresAt: clock.ahead(1, 12),
      stripeDepositPaymentIntentId: "pi_3SbxAlexDepositHold",
      purchaseItems: [item("alex_desk", "Oak standing desk", "OFF-DSK-OAK")],
    }),
    alex({
      id: SCENARIOS.waitlistedInventory,
      createdAt: clock.ago(9),
      updatedAt: clock.ago(8, 20),
      lifecycle: "waitlisted",
      waitlistReason: "inventory",
      depositTimestamp: clock.ago(8, 23),
      ...depositIds("AlexWaitInventory"),
      purchaseItems: [item("alex_rower", "Water rowing machine", "FIT-ROW-H2O")],
    }),
    alex({
      id: SCENARIOS.waitlistedLocation,
      createdAt: clock.ago(12),
      updatedAt: clock.ago(11, 22),
      lifecycle: "waitlisted",
      waitlistReason: "location",
      waitlistLocationReasonCode: "outside_service_area",
      waitlistLocationAddress: REMOTE_CABIN,
      locationMessage: "service_area_expansion_pending",
      shippingAddress: REMOTE_CABIN,
      depositTimestamp: clock.ago(11, 23),
      ...depositIds("AlexWaitLocation"),
      purchaseItems: [item("alex_sauna", "Cedar barrel sauna", "OUT-SAU-CEDAR")],
    }),
    progressOf(
      clock,
      alex({
        id: SCENARIOS.orderConfirmed,
        createdAt: clock.ago(15),
        updatedAt: clock.ago(14),
        lifecycle: "orderConfirmed",
        depositTimestamp: clock.ago(14.9),
        ...depositIds("AlexConfirmed"),
        externalOrderId: "SHOP-10433",
        purchaseItems: [
          item("alex_table", "Walnut dining table", "DIN-TBL-WAL"),
          item("alex_chair", "Walnut dining chair", "DIN-CHR-WAL", 4),
        ],
        arbitraryFees: [
          { name: "Delivery fee", amountCents: 4900, currency: "usd" },
          { name: "White-glove assembly", amountCents: 12000, currency: "usd" },
        ],
      }),
      "orderConfirmed",
      confirmedDaysAgo(15),
    ),
    shipped(
      SCENARIOS.shippedUps,
      "AlexUps",
      20,
      2,
      { trackingCarrier: "ups", trackingNumber: "1Z999AA10123456784", trackingStatus: "in_transit" },
      [
        item("alex_sofa", "Linen sofa, 3-seat", "LIV-SOF-LIN3"),
        item("alex_pillow", "Wool throw pillow", "LIV-PIL-WOL", 2),
      ],
    ),
    shipped(
      SCENARIOS.shippedFedex,
      "AlexFedex",
      22,
      3,
      { trackingCarrier: "fedex", trackingNumber: "449044304137821", trackingStatus: "out_for_delivery" },
      [item("alex_cooktop", "Smart induction cooktop", "KIT-COK-IND")],
    ),
    shipped(
      SCENARIOS.shippedUsps,
      "AlexUsps",
      24,
      1,
      { trackingCarrier: "usps", trackingNumber: "9400111899223197428490", trackingStatus: "label_created" },
      [item("alex_cookware", "Cast iron cookware set", "KIT-CKW-IRON")],
    ),
    shipped(
      SCENARIOS.shippedDhl,
      "AlexDhl",
      26,
      6,
      { trackingCarrier: "dhl", trackingNumber: "3318810025", trackingStatus: "exception" },
      [item("alex_bike", "Road bike, 56 cm", "MOB-BIK-ROAD56")],
    ),
    progressOf(
      clock,
      alex({
        id: SCENARIOS.readyForPickup,
        createdAt: clock.ago(28),
        updatedAt: clock.ago(1),
        lifecycle: "readyForPickup",
        pickupLocationId: 7,
        depositTimestamp: clock.ago(27.9),
        ...depositIds("AlexPickup"),
        purchaseItems: [item("alex_cargo", "Electric cargo bike", "MOB-BIK-CARGO")],
      }),
      "readyForPickup",
      { ...confirmedDaysAgo(28), readyForPickup: 1 },
    ),
    progressOf(
      clock,
      alex({
        id: SCENARIOS.delivered,
        createdAt: clock.ago(35),
        updatedAt: clock.ago(6),
        lifecycle: "delivered",
        depositTimestamp: clock.ago(34.9),
        ...depositIds("AlexDelivered"),
        shippedAt: clock.ago(9),
        deliveredAt: clock.ago(6),
        trackingCarrier: "ups",
        trackingNumber: "1Z999AA10123456785",
        trackingStatus: "delivered",
        signedBy: "A. Rivera",
        externalOrderId: "SHOP-10120",
        purchaseItems: [item("alex_chair_task", "Ergonomic task chair", "OFF-CHR-ERGO")],
      }),
      "delivered",
      { ...confirmedDaysAgo(35), shipped: 9, delivered: 6 },
    ),
    progressOf(
      clock,
      alex({
        id: SCENARIOS.paymentFailed,
        createdAt: clock.ago(120),
        updatedAt: clock.ago(1),
        lifecycle: "leaseActive",
        recurringPaymentStatus: "active",
        depositTimestamp: clock.ago(119.9),
        ...depositIds("AlexPayFail"),
        ...leaseIds("AlexPayFail"),
        shippedAt: clock.ago(110),
        deliveredAt: clock.ago(106),
        trackingCarrier: "fedex",
        trackingNumber: "449044304137822",
        trackingStatus: "delivered",
        signedBy: "Alex Rivera",
        leaseStartDate: clock.dateIn(-105),
        leaseEndDate: clock.dateIn(-105 + 365),
        leaseTermId: "lt_12m",
        lastPaymentError:
          "Your card was declined. Please update your payment method to keep your lease active.",
        lastPaymentErrorCode: "card_declined",
        lastPaymentErrorAt: clock.ago(1),
        paymentFailureCount: 3,
        purchaseItems: [item("alex_fridge", "French-door refrigerator", "KIT-FRG-FD")],
      }),
      "leaseActive",
      { ...confirmedDaysAgo(120), shipped: 110, delivered: 106, leaseActive: 105 },
    ),
    progressOf(
      clock,
      alex({
        id: SCENARIOS.leaseActive,
        createdAt: clock.ago(150),
        updatedAt: clock.ago(135),
        lifecycle: "leaseActive",
        recurringPaymentStatus: "active",
        depositTimestamp: clock.ago(149.9),
        ...depositIds("AlexLease"),
        ...leaseIds("AlexLease"),
        shippedAt: clock.ago(141),
        deliveredAt: clock.ago(137),
        trackingCarrier: "usps",
        trackingNumber: "9400111899223197428491",
        trackingStatus: "delivered",
        signedBy: "Front desk",
        leaseStartDate: clock.dateIn(-135),
        leaseEndDate: clock.dateIn(-135 + 730),
        leaseTermId: "lt_24m",
        externalOrderId: "SHOP-09871",
        purchaseItems: [item("alex_desk_oak", "Oak standing desk", "OFF-DSK-OAK")],
      }),
      "leaseActive",
      { ...confirmedDaysAgo(150), shipped: 141, delivered: 137, leaseActive: 135 },
    ),
    progressOf(
      clock,
      alex({
        id: SCENARIOS.returnInitiated,
        createdAt: clock.ago(200),
        updatedAt: clock.ago(2),
        lifecycle: "returnInitiated",
        previousLifecycle: "leaseActive",
        recurringPaymentStatus: "active",
        depositTimestamp: clock.ago(199.9),
        ...depositIds("AlexReturnStart"),
        ...leaseIds("AlexReturnStart"),
        shippedAt: clock.ago(191),
        deliveredAt: clock.ago(188),
        trackingCarrier: "ups",
        trackingNumber: "1Z999AA10123456786",
        trackingStatus: "delivered",
        leaseStartDate: clock.dateIn(-187),
        leaseEndDate: clock.dateIn(-187 + 365),
        leaseTermId: "lt_12m",
        returnInitiatedAt: clock.ago(2),
        returnReason: "Too large for the apartment",
        returnNotes: "Please collect on a weekday morning; the building has a freight elevator.",
        purchaseItems: [item("alex_sofa_big", "Modular sectional sofa", "LIV-SOF-MOD")],
      }),
      "returnInitiated",
      { ...confirmedDaysAgo(200), shipped: 191, delivered: 188, leaseActive: 187, returnInitiated: 2 },
    ),
    progressOf(
      clock,
      alex({
        id: SCENARIOS.returnCancelled,
        createdAt: clock.ago(220),
        updatedAt: clock.ago(15),
        // Back to its lease after the return was called off.
        lifecycle: "leaseActive",
        previousLifecycle: "returnInitiated",
        recurringPaymentStatus: "active",
        depositTimestamp: clock.ago(219.9),
        ...depositIds("AlexReturnCancel"),
        ...leaseIds("AlexReturnCancel"),
        shippedAt: clock.ago(211),
        deliveredAt: clock.ago(208),
        trackingCarrier: "fedex",
        trackingNumber: "449044304137823",
        trackingStatus: "delivered",
        leaseStartDate: clock.dateIn(-207),
        leaseEndDate: clock.dateIn(-207 + 365),
        leaseTermId: "lt_12m",
        returnInitiatedAt: clock.ago(20),
        returnCancelledAt: clock.ago(15),
        returnReason: "Changed my mind about the colour",
        returnNotes: "Keeping it after all.",
        purchaseItems: [item("alex_lamp", "Brass floor lamp", "LIV-LMP-BRS")],
      }),
      "leaseActive",
      { ...confirmedDaysAgo(220), shipped: 211, delivered: 208, leaseActive: 207 },
    ),
    progressOf(
      clock,
      alex({
        id: SCENARIOS.returnCompleted,
        createdAt: clock.ago(260),
        updatedAt: clock.ago(30),
        lifecycle: "returned",
        previousLifecycle: "returnInitiated",
        recurringPaymentStatus: "cancelled",
        depositTimestamp: clock.ago(259.9),
        ...depositIds("AlexReturned"),
        ...leaseIds("AlexReturned"),
        shippedAt: clock.ago(251),
        deliveredAt: clock.ago(248),
        trackingCarrier: "dhl",
        trackingNumber: "3318810026",
        trackingStatus: "delivered",
        leaseStartDate: clock.dateIn(-247),
        leaseEndDate: clock.dateIn(-247 + 365),
        leaseTermId: "lt_12m",
        returnInitiatedAt: clock.ago(40),
        returnCompletedAt: clock.ago(30),
        returnReason: "Moving abroad",
        returnNotes: "Collected by the courier, original packaging.",
        externalOrderId: "SHOP-08802",
        purchaseItems: [item("alex_tv", "65-inch OLED television", "ELE-TV-OLED65")],
      }),
      "returnCompleted",
      {
        ...confirmedDaysAgo(260),
        shipped: 251,
        delivered: 248,
        leaseActive: 247,
        returnInitiated: 40,
        returnCompleted: 30,
      },
    ),
    alex({
      id: SCENARIOS.cancelled,
      createdAt: clock.ago(300),
      updatedAt: clock.ago(298),
      lifecycle: "cancelled",
      insuranceStatus: "denied",
      recurringPaymentStatus: "cancelled",
      // As in the API's own example: an always-present key without a value.
      checkoutUrl: null,
      purchaseItems: [item("alex_piano", "Upright digital piano", "MUS-PNO-UPR")],
    }),
  ];
}

export function blairCheckouts(clock: Clock): CheckoutRecord[] {
  const blair = (fields: Omit<RecordBasics, "customerId">) =>
    demoCheckout({
      customerId: DEMO_CUSTOMERS.blair.id,
      organizationId: ORGANIZATIONS.blair,
      offtakePartnerId: "otp_sweetspot_north",
      shippingAddress: BLAIR_HOME,
      billingAddress: BLAIR_HOME,
      ...fields,
    });
  return [
    blair({
      id: SCENARIOS.blairUnfinished,
      createdAt: clock.ago(1, 5),
      updatedAt: clock.ago(1, 5),
      lifecycle: "created",
      insuranceStatus: "pending",
      externalOrderId: "NW-2231",
      purchaseItems: [item("blair_kayak", "Touring kayak", "OUT-KYK-TOUR")],
    }),
    progressOf(
      clock,
      blair({
        id: SCENARIOS.blairShipped,
        createdAt: clock.ago(10),
        updatedAt: clock.ago(2),
        lifecycle: "shipped",
        depositTimestamp: clock.ago(9.9),
        ...depositIds("BlairShipped"),
        shippedAt: clock.ago(2),
        trackingCarrier: "fedex",
        trackingNumber: "449044304137830",
        trackingStatus: "in_transit",
        purchaseItems: [item("blair_grill", "Kamado ceramic grill", "OUT-GRL-KMD")],
      }),
      "shipped",
      { ...confirmedDaysAgo(10), shipped: 2 },
    ),
    progressOf(
      clock,
      blair({
        id: SCENARIOS.blairLeaseActive,
        createdAt: clock.ago(90),
        updatedAt: clock.ago(80),
        lifecycle: "leaseActive",
        recurringPaymentStatus: "active",
        depositTimestamp: clock.ago(89.9),
        ...depositIds("BlairLease"),
        ...leaseIds("BlairLease"),
        shippedAt: clock.ago(85),
        deliveredAt: clock.ago(81),
        trackingCarrier: "ups",
        trackingNumber: "1Z999AA10123456790",
        trackingStatus: "delivered",
        signedBy: "B. Chen",
        leaseStartDate: clock.dateIn(-80),
        leaseEndDate: clock.dateIn(-80 + 365),
        leaseTermId: "lt_12m",
        externalOrderId: "NW-1984",
        purchaseItems: [item("blair_treadmill", "Folding treadmill", "FIT-TRD-FOLD")],
      }),
      "leaseActive",
      { ...confirmedDaysAgo(90), shipped: 85, delivered: 81, leaseActive: 80 },
    ),
  ];
}

/** Morgan Lee: 65 checkouts, newest first every 3 days, cycling through the lifecycles. */
export function manyCheckouts(clock: Clock): CheckoutRecord[] {
  const random = seededRandom(65);
  return Array.from({ length: MANY_CHECKOUT_COUNT }, (_, index) =>
    generatedCheckout({
      id: manyCheckoutId(index),
      customerId: DEMO_CUSTOMERS.many.id,
      // Alternating with Alex's organization, so an organization holds several customers.
      organizationId: index % 2 === 0 ? ORGANIZATIONS.many : ORGANIZATIONS.alex,
      lifecycle: GENERATED_LIFECYCLES[index % GENERATED_LIFECYCLES.length] ?? "created",
      createdMs: clock.nowMs - (index * 3 + 0.5) * MS_PER_DAY,
      nowMs: clock.nowMs,
      random,
    }),
  );
}
