import type { DemoCustomer } from "./types";

/**
 * The stable names of the seeded data. End-to-end tests import these rather than spelling ids out,
 * so an id changes here only; the records themselves are built in demo-checkouts.ts and
 * hostile-checkouts.ts.
 */

export const DEMO_CUSTOMERS = {
  alex: {
    id: "usr_demo_alex",
    name: "Alex Rivera",
    description:
      "One checkout in every situation: unfinished, deposit pending, waitlisted, shipped, returns…",
  },
  many: {
    id: "usr_demo_many",
    name: "Morgan Lee",
    description: "65 checkouts in mixed lifecycles, for pagination.",
  },
  empty: {
    id: "usr_demo_empty",
    name: "Sam Park",
    description: "No checkouts yet.",
  },
  hostile: {
    id: "usr_demo_hostile",
    name: "Quinn Hostile",
    description: "Script tags, unsafe URLs, 2 KB strings, right-to-left text, nulls and unknown values.",
  },
  blair: {
    id: "usr_demo_blair",
    name: "Blair Chen",
    description: "A few checkouts in another organization (202).",
  },
} as const satisfies Record<string, DemoCustomer>;

/** The customer who owns 10,000 of the synthetic checkouts added by SANDBOX_CHECKOUTS. */
export const SCALE_CUSTOMER: DemoCustomer = {
  id: "usr_scale_10k",
  name: "Scale Tester",
  description: "10,000 synthetic checkouts (present only when SANDBOX_CHECKOUTS is set).",
};

export const ORGANIZATIONS = {
  alex: 101,
  blair: 202,
  /** Morgan's checkouts alternate between 101 (shared with Alex) and 303. */
  many: 303,
  hostile: 404,
} as const;

export const MANY_CHECKOUT_COUNT = 65;

/**
 * One checkout id per demo situation: a readable name, then six characters that read as an order
 * reference, because customers see an id's last six characters as its reference ("ref …R7K2QD").
 */
export const SCENARIOS = {
  // Alex Rivera (usr_demo_alex, organization 101)
  unfinished: "chk_alexunfinished_R7K2QD",
  depositPending: "chk_alexdepositpending_H4N8TW",
  waitlistedInventory: "chk_alexwaitinventory_W2C9XB",
  waitlistedLocation: "chk_alexwaitlocation_L6P3VM",
  orderConfirmed: "chk_alexconfirmed_C8F4JN",
  shippedUps: "chk_alexshippedups_U3Z7KQ",
  shippedFedex: "chk_alexshippedfedex_F9D2RX",
  shippedUsps: "chk_alexshippedusps_S5M8HT",
  shippedDhl: "chk_alexshippeddhl_D7Q4WB",
  readyForPickup: "chk_alexpickupready_P2X6LN",
  delivered: "chk_alexdelivered_V4J9CE",
  paymentFailed: "chk_alexpaymentfailed_Y8B3TK",
  leaseActive: "chk_alexleaseactive_A6H2ZR",
  returnInitiated: "chk_alexreturnstarted_T3W7NP",
  returnCancelled: "chk_alexreturncancelled_K9E4GM",
  returnCompleted: "chk_alexreturncompleted_G5R8XD",
  cancelled: "chk_alexcancelled_X2L7QF",

  // Blair Chen (usr_demo_blair, organization 202)
  blairLeaseActive: "chk_blairleaseactive_B4T9MC",
  blairShipped: "chk_blairshipped_B7N3KW",
  blairUnfinished: "chk_blairunfinished_B2Q8HX",

  // Quinn Hostile (usr_demo_hostile, organization 404)
  hostileScript: "chk_hostilescript_Q3V6RT",
  hostileImgTag: "chk_hostileimgtag_Q8K2MB",
  hostileHttpUrl: "chk_hostilehttpurl_Q5X9DN",
  hostileLongText: "chk_hostilelongtext_Q7C4LW",
  hostileRtlEmoji: "chk_hostilertlemoji_Q2J8TF",
  hostileNullLifecycle: "chk_hostilenulllifecycle_Q9P3HZ",
  hostileNullCreatedAt: "chk_hostilenullcreated_Q4M7GX",
  hostileUnknownValues: "chk_hostileunknown_Q6B2NK",
  hostileUnknownCarrier: "chk_hostilecarrier_Q8R5CV",
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/** Morgan Lee's checkout ids, newest first: chk_morganlee_ML0001 … chk_morganlee_ML0065 ("ref …ML0001"). */
export function manyCheckoutId(index: number): string {
  return `chk_morganlee_ML${String(index + 1).padStart(4, "0")}`;
}
