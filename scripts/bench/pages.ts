import { SCENARIOS } from "../../sandbox/scenarios";

/** The pages the bench measures, each with its baseline (app/bench/baseline). */

export const LIVE_CHECKOUT = SCENARIOS.shippedUps;
export const FINISHED_CHECKOUT = SCENARIOS.returnCompleted;

export const MEASURED_PAGES = [
  { name: "list", portal: "/checkouts", baseline: "/bench/baseline" },
  {
    name: "detail",
    portal: `/checkouts/${LIVE_CHECKOUT}`,
    baseline: `/bench/baseline?checkout=${LIVE_CHECKOUT}`,
  },
] as const;

/** Words of app/checkouts/error.tsx: a 5xx that carries them is the plain-words error page. */
export const ERROR_PAGE_WORDS = "show your orders right now";
