import "server-only";
import { createHmac } from "node:crypto";

/**
 * Telemetry names a customer only by a keyed hash of the user id: stable within one secret (so one
 * customer's requests can be followed), unreadable without it. A plain or salted SHA-256 would not do:
 * user ids are few and guessable, so anyone holding the traces could hash candidates and match them.
 * The key is derived from NEXTAUTH_SECRET for a single purpose, so it is never the secret itself.
 */

const PURPOSE = "sweetspot-portal telemetry v1: user id hash (HMAC-SHA-256)";
/** 64 bits: plenty to tell customers apart in traces, too short to be a useful identifier elsewhere. */
const HEX_CHARS = 16;

export type UserIdHasher = (userId: string) => string;

export function createTelemetryUserHasher(secret: string): UserIdHasher {
  if (secret.length === 0) throw new RangeError("telemetry user hash needs a non-empty secret");
  const key = createHmac("sha256", secret).update(PURPOSE).digest();
  return (userId) => createHmac("sha256", key).update(userId).digest("hex").slice(0, HEX_CHARS);
}
