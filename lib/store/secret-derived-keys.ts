/**
 * The keys the portal's shared-store entries are made with, all derived from the one secret every
 * instance already shares (NEXTAUTH_SECRET): HKDF-SHA-256 (Web Crypto), one `info` string per purpose,
 * so no key serves two purposes and the same customer has unrelated names in different entries.
 *
 * Customers are named in store keys by a keyed digest (HMAC-SHA-256), never a plain hash: user ids
 * and emails are few and guessable, so anyone able to read the store (a Redis dump, an operator)
 * could hash candidates and match them; without the secret a keyed digest cannot be checked.
 * Rotating the secret renames every customer (docs/shared-state.md says what that means per entry).
 */

const HKDF_SALT = "sweetspot-portal";

/**
 * Every purpose a key is derived for, with its HKDF `info`. Never change one in place: entries
 * already stored under it would no longer be found (add a new version and migrate instead).
 */
export const SECRET_KEY_PURPOSES = {
  lastKnownGoodEncryption: "sweetspot-portal last-known-good v1: view encryption (AES-256-GCM)",
  lastKnownGoodKeyNames: "sweetspot-portal last-known-good v1: customer key names (HMAC-SHA-256)",
  customerRevocationKeyNames: "sweetspot-portal revocations v1: customer key names (HMAC-SHA-256)",
  linkRequestLimitKeyNames: "sweetspot-portal link-request limits v1: customer key names (HMAC-SHA-256)",
  requestLimitKeyNames:
    "sweetspot-portal request limits v1: client address and token key names (HMAC-SHA-256)",
  storeSecretMarker:
    "sweetspot-portal store secret marker v1: which secret names this store's keys (HMAC-SHA-256)",
} as const;

export type SecretKeyPurpose = keyof typeof SECRET_KEY_PURPOSES;

/** A non-extractable key for one purpose, derived from `secret`. */
export async function deriveSecretKey(
  secret: string,
  purpose: SecretKeyPurpose,
  algorithm: AesKeyAlgorithm | HmacImportParams,
  usages: KeyUsage[],
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", utf8(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: utf8(HKDF_SALT), info: utf8(SECRET_KEY_PURPOSES[purpose]) },
    base,
    algorithm,
    false,
    usages,
  );
}

/**
 * How a customer (a user id, an email), or anything else personal or secret (a token, a client
 * address), appears in store keys for one purpose: 40 hex characters.
 */
export type KeyedStoreName = (value: string) => Promise<string>;

/**
 * Names such values by the first 20 bytes (160 bits, far beyond collisions among them) of
 * HMAC-SHA-256 under the purpose's key. The key is derived once, on first use.
 */
export function keyedStoreName(secret: string, purpose: SecretKeyPurpose): KeyedStoreName {
  let key: Promise<CryptoKey> | null = null;
  return async (value) => {
    key ??= deriveSecretKey(secret, purpose, { name: "HMAC", hash: "SHA-256", length: 256 }, ["sign"]);
    const tag = await crypto.subtle.sign("HMAC", await key, utf8(value));
    return Buffer.from(tag).subarray(0, 20).toString("hex");
  };
}

/** The fixed text the secret marker is a digest of; public, like every `info` above. */
const SECRET_MARKER_LABEL = "the portal's NEXTAUTH_SECRET";

/**
 * A fingerprint of `secret` that the portal leaves in the store (lib/store/secret-marker.ts) so
 * `npm run revoke` can tell whether it runs with the same secret: HMAC-SHA-256 of a fixed label
 * under a key for this purpose alone, first 16 bytes as hex. It reveals nothing about the secret. It
 * does let whoever reads the store test a guessed secret offline, as any customer key name already
 * does with a known user id; secrets of at least 32 random characters (lib/config/schema.ts) are
 * beyond guessing.
 */
export async function secretMarker(secret: string): Promise<string> {
  const key = await deriveSecretKey(
    secret,
    "storeSecretMarker",
    { name: "HMAC", hash: "SHA-256", length: 256 },
    ["sign"],
  );
  const tag = await crypto.subtle.sign("HMAC", key, utf8(SECRET_MARKER_LABEL));
  return Buffer.from(tag).subarray(0, 16).toString("hex");
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
