/**
 * The signature on the portal's notification webhooks (docs/notifications.md):
 *
 *   X-Portal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>
 *
 * The timestamp is inside the signed text, so a receiver that refuses old timestamps refuses
 * replays. Pure Web Crypto (no server-only, no env): the portal signs with it, and the sandbox's
 * outbox and the docs' receivers verify the same way.
 */

export const SIGNATURE_HEADER = "X-Portal-Signature";
/** How old (or how far in the future) a signed request may be before a receiver refuses it. */
const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

const HMAC_SHA256 = { name: "HMAC", hash: "SHA-256" } as const;
const HEADER_PATTERN = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/;

/** The header value for `body`, signed at `nowSeconds`. */
export async function signWebhookBody(body: string, secret: string, nowSeconds: number): Promise<string> {
  if (!Number.isSafeInteger(nowSeconds) || nowSeconds < 0)
    throw new RangeError("nowSeconds must be whole seconds");
  const key = await importKey(secret, "sign");
  const mac = await crypto.subtle.sign("HMAC", key, utf8(`${nowSeconds}.${body}`));
  return `t=${nowSeconds},v1=${toHex(new Uint8Array(mac))}`;
}

type WebhookSignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "malformed" | "mismatch" | "stale" };

/**
 * Checks a received request: the header's form, the HMAC over exactly the bytes received, then the
 * timestamp (only after the MAC, so an attacker learns nothing from the order of checks).
 */
export async function verifyWebhookSignature(
  header: string | null | undefined,
  body: string,
  secret: string,
  options: { nowSeconds: number; toleranceSeconds?: number },
): Promise<WebhookSignatureCheck> {
  const match = HEADER_PATTERN.exec(header?.trim() ?? "");
  if (!match) return { ok: false, reason: "malformed" };
  const timestamp = Number(match[1]);
  const key = await importKey(secret, "verify");
  // subtle.verify compares in constant time.
  const matches = await crypto.subtle.verify(
    "HMAC",
    key,
    fromHex(match[2] ?? ""),
    utf8(`${timestamp}.${body}`),
  );
  if (!matches) return { ok: false, reason: "mismatch" };
  const tolerance = options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(options.nowSeconds - timestamp) > tolerance) return { ok: false, reason: "stale" };
  return { ok: true, timestamp };
}

function importKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  if (typeof secret !== "string" || secret.length === 0) throw new TypeError("a webhook secret is required");
  return crypto.subtle.importKey("raw", utf8(secret), HMAC_SHA256, false, [usage]);
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++)
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}
