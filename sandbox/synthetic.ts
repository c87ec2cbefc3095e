import { MS_PER_HOUR } from "./clock";
import { type GeneratedLifecycle, generatedCheckout } from "./generator";
import { type Random, seededRandom } from "./random";
import { SCALE_CUSTOMER } from "./scenarios";
import type { CheckoutRecord } from "./types";

/** Bulk data for load and pagination tests: SANDBOX_CHECKOUTS=N adds N of these. */

export const MAX_SYNTHETIC_CHECKOUTS = 100_000;
export const SCALE_CUSTOMER_CHECKOUTS = 10_000;
/** The checkouts beyond the scale customer's go round-robin to customers with about this many each. */
const CHECKOUTS_PER_SYNTHETIC_CUSTOMER = 25;
const SYNTHETIC_ORGANIZATIONS = [101, 202, 303, 505, 606] as const;
const SYNTHETIC_SEED = 0x5eed_5107;

/** Roughly how a mature portfolio is spread over lifecycles (weights add up to 100). */
const LIFECYCLE_WEIGHTS: readonly (readonly [GeneratedLifecycle, number])[] = [
  ["created", 12],
  ["waitlisted", 5],
  ["orderConfirmed", 10],
  ["shipped", 13],
  ["delivered", 10],
  ["leaseActive", 40],
  ["returned", 5],
  ["cancelled", 5],
];

export function syntheticCustomerId(index: number): string {
  return `usr_synth${String(index).padStart(5, "0")}`;
}

function syntheticCheckoutId(index: number): string {
  return `chk_syn${index.toString(36).padStart(9, "0")}`;
}

export function syntheticCheckouts(count: number, nowMs: number): CheckoutRecord[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC_CHECKOUTS) {
    throw new RangeError(`synthetic checkouts must be an integer from 0 to ${MAX_SYNTHETIC_CHECKOUTS}`);
  }
  const random = seededRandom(SYNTHETIC_SEED);
  const scaleCount = Math.min(count, SCALE_CUSTOMER_CHECKOUTS);
  const otherCustomers = Math.max(1, Math.ceil((count - scaleCount) / CHECKOUTS_PER_SYNTHETIC_CUSTOMER));
  const records = new Array<CheckoutRecord>(count);
  for (let index = 0; index < count; index++) {
    const customerId =
      index < scaleCount ? SCALE_CUSTOMER.id : syntheticCustomerId((index - scaleCount) % otherCustomers);
    records[index] = generatedCheckout({
      id: syntheticCheckoutId(index),
      customerId,
      organizationId: SYNTHETIC_ORGANIZATIONS[index % SYNTHETIC_ORGANIZATIONS.length] ?? 101,
      lifecycle: weightedLifecycle(random),
      // Whole seconds over the past year: distinct enough that sorting is meaningful.
      createdMs: nowMs - Math.floor(random() * 365 * 86_400) * 1000 - MS_PER_HOUR,
      nowMs,
      random,
    });
  }
  return records;
}

function weightedLifecycle(random: Random): GeneratedLifecycle {
  let roll = random() * 100;
  for (const [lifecycle, weight] of LIFECYCLE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return lifecycle;
  }
  return "leaseActive";
}
