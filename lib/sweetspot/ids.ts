/**
 * Formats of the ids the portal accepts before it asks the API anything. Pure, so sign-in and proxy code
 * can share them. A malformed id is answered like a missing checkout, without an upstream call.
 */

export const USER_ID_PATTERN = /^usr_[A-Za-z0-9_]{1,124}$/;
export const CHECKOUT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isUserId(value: unknown): value is string {
  return typeof value === "string" && USER_ID_PATTERN.test(value);
}

export function isCheckoutId(value: unknown): value is string {
  return typeof value === "string" && CHECKOUT_ID_PATTERN.test(value);
}

/**
 * The customer the health probe asks for (lib/sweetspot/probe.ts): nobody's, so the probe reads no
 * one's data. The sandbox counts its calls apart, so the bench can tell them from budgeted ones.
 */
export const HEALTH_PROBE_USER_ID = "usr_health_probe";
