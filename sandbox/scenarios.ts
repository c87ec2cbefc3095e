import type { DemoCustomer } from "./types";

/**
 * The stable names of the seeded data. End-to-end tests import these, so ids never change;
 * the records themselves are built in demo-checkouts.ts and hostile-checkouts.ts.
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

/** One checkout id per demo situation. */
export const SCENARIOS = {
  // Alex Rivera (usr_demo_alex, organization 101)
  unfinished: "chk_alexunfinished",
  depositPending: "chk_alexdepositpending",
  waitlistedInventory: "chk_alexwaitinventory",
  waitlistedLocation: "chk_alexwaitlocation",
  orderConfirmed: "chk_alexconfirmed01",
  shippedUps: "chk_alexshippedups",
  shippedFedex: "chk_alexshippedfedex",
  shippedUsps: "chk_alexshippedusps",
  shippedDhl: "chk_alexshippeddhl",
  readyForPickup: "chk_alexpickupready",
  delivered: "chk_alexdelivered01",
  paymentFailed: "chk_alexpaymentfailed",
  leaseActive: "chk_alexleaseactive",
  returnInitiated: "chk_alexreturnstarted",
  returnCancelled: "chk_alexreturncancelled",
  returnCompleted: "chk_alexreturncompleted",
  cancelled: "chk_alexcancelled01",

  // Blair Chen (usr_demo_blair, organization 202)
  blairLeaseActive: "chk_blairleaseactive",
  blairShipped: "chk_blairshipped01",
  blairUnfinished: "chk_blairunfinished",

  // Quinn Hostile (usr_demo_hostile, organization 404)
  hostileScript: "chk_hostilescript01",
  hostileImgTag: "chk_hostileimgtag01",
  hostileHttpUrl: "chk_hostilehttpurl01",
  hostileLongText: "chk_hostilelongtext",
  hostileRtlEmoji: "chk_hostilertlemoji",
  hostileNullLifecycle: "chk_hostilenulllifecycle",
  hostileNullCreatedAt: "chk_hostilenullcreated",
  hostileUnknownValues: "chk_hostileunknown01",
  hostileUnknownCarrier: "chk_hostilecarrier01",
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/** Morgan Lee's checkout ids, newest first: chk_morganlee001 … chk_morganlee065. */
export function manyCheckoutId(index: number): string {
  return `chk_morganlee${String(index + 1).padStart(3, "0")}`;
}
