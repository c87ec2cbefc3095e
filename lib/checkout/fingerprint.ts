import "server-only";
import type { CheckoutView } from "./types";

/**
 * A short hash of everything a customer sees of one checkout. The live page polls it (cheap, and
 * 304 while unchanged) and re-renders on the server only when it changes. SHA-256 over the view
 * model's JSON: the view model holds only customer-visible fields, so nothing else can move it.
 */
export async function checkoutFingerprint(view: CheckoutView): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(view));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  // 128 bits is plenty to tell one state of one checkout from another.
  return Buffer.from(digest.subarray(0, 16)).toString("base64url");
}

/** The ETag for a fingerprint (a strong validator: the same fingerprint is the same view). */
export function fingerprintEtag(fingerprint: string): string {
  return `"${fingerprint}"`;
}

/** Whether an If-None-Match header names this fingerprint (a list, weak validators and `*` included). */
export function matchesIfNoneMatch(header: string | null, fingerprint: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === fingerprintEtag(fingerprint));
}
