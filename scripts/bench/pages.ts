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

/**
 * A 5xx page that is the plain-words error page: Next answers a page that throws with its own
 * error document (`<html id="__next_error__">`, an empty body and the data to render
 * app/checkouts/error.tsx in the browser); a server-rendered one would carry the words.
 */
export function isErrorPage(status: number, body: string): boolean {
  return (
    status >= 500 &&
    status < 600 &&
    (body.includes('<html id="__next_error__">') || body.includes("show your orders right now"))
  );
}
