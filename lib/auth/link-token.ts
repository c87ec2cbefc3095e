/**
 * Signed email-link tokens: compact JWS (a JWT) signed with HMAC SHA-256.
 *
 * Deliberately pure (no `server-only`, no env access) so `scripts/mint-link.ts` can mint links with
 * the same code the portal verifies them with; callers pass the secret in. The format is documented
 * for other minters (the notification service) in docs/link-tokens.md — keep the two in step.
 *
 * The JWT itself (base64url, header, signature, the standard time and audience checks) is `jose`'s
 * (docs/dependencies.md): `jwtVerify` pinned to HS256, so the header's `alg` never chooses how to
 * verify (no `alg: none`, no algorithm confusion), and `SignJWT` to mint. This module keeps only the
 * portal's policy: the purposes and their audiences, the lifetime cap, the claim readers, the `jti`
 * pattern, refusing `"checkout": null`, and the 4 KB cap.
 */
import { base64url, decodeProtectedHeader, errors, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { isLocale, LOCALES, type Locale } from "../i18n/locales";
import { preferredLocale } from "../i18n/negotiate";
// One definition of the id formats for links, sessions and API calls alike.
import { CHECKOUT_ID_PATTERN, USER_ID_PATTERN } from "../sweetspot/ids";

export { CHECKOUT_ID_PATTERN, USER_ID_PATTERN };

/**
 * Every token says what it is for, and is good for nothing else: a link token signs its holder in
 * (it travels in the email's links), a status-image token fetches one checkout's image (it travels in
 * image URLs, which mail-provider proxies, logs and caches keep). The audience tells them apart.
 */
export const LINK_AUDIENCE = "checkout-portal";
export const STATUS_IMAGE_AUDIENCE = "checkout-portal/status-image";
export type TokenPurpose = "link" | "status_image";
const AUDIENCES: Record<TokenPurpose, string> = { link: LINK_AUDIENCE, status_image: STATUS_IMAGE_AUDIENCE };
/** A token id (`jti`): what a revocation list names. UUIDs, ULIDs and our own 22-character ids fit. */
export const TOKEN_ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
/** Links are reusable until they expire (mail scanners open them first), so lifetime is capped. */
export const MAX_LINK_TTL_SECONDS = 30 * 24 * 60 * 60;
/**
 * How long after it expired a link can still ask for a fresh one ("Email me a new link"). Link
 * revocations are kept this much longer than the link itself (lib/auth/revocations.ts), so a
 * revoked link stays refused for renewal too.
 */
export const LINK_RENEWAL_WINDOW_SECONDS = 30 * 24 * 60 * 60;
/** Tolerated clock difference between the minting machine and the portal. */
export const CLOCK_SKEW_SECONDS = 60;
/**
 * The longest a link can still do something after it was issued: sign in until `exp` (plus the clock
 * skew), ask for a new link until `exp` plus the renewal window. A customer's revocation must be kept
 * at least this long (lib/auth/revocations.ts), or a link issued before it would work again.
 */
export const LINK_LONGEST_REACH_SECONDS =
  MAX_LINK_TTL_SECONDS + Math.max(CLOCK_SKEW_SECONDS, LINK_RENEWAL_WINDOW_SECONDS);
/** Real tokens are ~300 bytes; the cap stops anyone making us decode and HMAC megabytes. */
export const MAX_TOKEN_LENGTH = 4096;
/** Mirrors the rule in lib/config/schema.ts: HMAC keys shorter than this are guessable. */
export const MIN_LINK_SECRET_LENGTH = 32;

const HEADER = { alg: "HS256", typ: "JWT" } as const;
/**
 * jose refuses a token once `exp ≤ now − tolerance`, and one issued or not valid before
 * `now + tolerance`. Claims and `now` are whole seconds, so the extra half second makes both ends of
 * the 60 s inclusive, as docs/link-tokens.md promises: a link works through `exp + 60 s`, and one
 * stamped 60 s ahead of our clock is accepted.
 */
const CLOCK_TOLERANCE_SECONDS = CLOCK_SKEW_SECONDS + 0.5;

export type LinkClaims = {
  userId: string;
  checkoutId: string | null;
  /** Seconds since the Unix epoch. */
  issuedAt: number;
  /** Seconds since the Unix epoch. */
  expiresAt: number;
  /** The `jti` claim, for revocation; null for tokens minted without one. */
  tokenId: string | null;
  /**
   * The `lang` claim: the language the operator wrote the email in, so the portal answers in it (when
   * the customer has not chosen one). A hint, not a condition: a language we do not speak is null.
   */
  lang: Locale | null;
};

/** A status-image token always names its checkout. */
export type StatusImageClaims = Omit<LinkClaims, "checkoutId"> & { checkoutId: string };

/** Coarse on purpose: the page only distinguishes "expired" from "not valid", and details help attackers. */
export type LinkTokenFailure = "expired" | "not_yet_valid" | "invalid";

export type TokenVerification<Claims> =
  | { ok: true; claims: Claims }
  | { ok: false; reason: LinkTokenFailure };
export type LinkTokenVerification = TokenVerification<LinkClaims>;
export type StatusImageTokenVerification = TokenVerification<StatusImageClaims>;

export type MintLinkTokenOptions = {
  userId: string;
  checkoutId?: string | null;
  ttlSeconds: number;
  secret: string;
  now?: Date;
  /** The `jti`; random when not given (tests pass one to get a fixed token). */
  tokenId?: string;
  /** The `lang` claim; left out when not given. */
  lang?: Locale | null;
};

export type MintStatusImageTokenOptions = Omit<MintLinkTokenOptions, "checkoutId" | "tokenId"> & {
  checkoutId: string;
};

export type VerifyLinkTokenOptions = {
  secret: string;
  now?: Date;
};

/**
 * Mints a link token (signs its holder in). Throws (TypeError/RangeError) on invalid arguments:
 * minting with bad input is a programming or operator error, and failing loudly beats sending a
 * customer a link that cannot work.
 */
export async function mintLinkToken(options: MintLinkTokenOptions): Promise<string> {
  const tokenId = options.tokenId ?? randomTokenId();
  if (!TOKEN_ID_PATTERN.test(tokenId)) throw new TypeError("tokenId must be 8-128 base64url characters");
  return mintToken("link", { ...options, checkoutId: options.checkoutId ?? null }, tokenId);
}

/** Mints a status-image token: fetches this checkout's image, and cannot sign anyone in. */
export async function mintStatusImageToken(options: MintStatusImageTokenOptions): Promise<string> {
  if (typeof options.checkoutId !== "string") throw new TypeError("a status-image token needs a checkoutId");
  return mintToken("status_image", options, null);
}

async function mintToken(
  purpose: TokenPurpose,
  options: Omit<MintLinkTokenOptions, "tokenId">,
  tokenId: string | null,
): Promise<string> {
  const { userId, checkoutId, ttlSeconds, secret, lang } = options;
  if (lang != null && !isLocale(lang)) throw new TypeError(`lang must be one of ${LOCALES.join(", ")}`);
  if (!USER_ID_PATTERN.test(userId)) {
    throw new TypeError(
      `userId must look like usr_… (letters, digits, underscores), got ${JSON.stringify(userId)}`,
    );
  }
  if (checkoutId != null && !CHECKOUT_ID_PATTERN.test(checkoutId)) {
    throw new TypeError(
      `checkoutId must be 1-64 letters, digits, "_" or "-", got ${JSON.stringify(checkoutId)}`,
    );
  }
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_LINK_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be a whole number from 1 to ${MAX_LINK_TTL_SECONDS} (30 days)`);
  }
  const key = signingKey(secret);
  const issuedAt = epochSeconds(options.now ?? new Date());

  // Claim order matches docs/link-tokens.md so its worked examples can be reproduced byte for byte.
  const payload: JWTPayload = { sub: userId };
  if (checkoutId != null) payload.checkout = checkoutId;
  payload.aud = AUDIENCES[purpose];
  payload.iat = issuedAt;
  payload.exp = issuedAt + ttlSeconds;
  if (tokenId !== null) payload.jti = tokenId;
  if (lang != null) payload.lang = lang;
  return new SignJWT(payload).setProtectedHeader(HEADER).sign(key);
}

/** 128 random bits, base64url: unguessable and unique enough to name one token in a revocation list. */
function randomTokenId(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Verifies a link token. Never throws for anything about the token — it usually comes straight from a
 * query string, so it may be missing, repeated (an array) or hostile. Throws only when `secret` itself
 * is unusable, which is a configuration bug that should be loud rather than look like a bad link.
 */
export async function verifyLinkToken(
  token: unknown,
  options: VerifyLinkTokenOptions,
): Promise<LinkTokenVerification> {
  return verifyToken("link", token, options);
}

/**
 * The claims of a link token that is well formed and correctly signed but has expired, less than
 * LINK_RENEWAL_WINDOW_SECONDS ago; null for anything else (forged, garbled, still valid, too old).
 * Such a token still proves whom it was issued to: enough to send that customer a fresh link at the
 * address on their order, never enough to sign anyone in.
 */
export async function expiredLinkClaims(
  token: unknown,
  options: VerifyLinkTokenOptions,
): Promise<LinkClaims | null> {
  const checked = await checkToken("link", token, options);
  if (checked.verdict !== "expired") return null;
  const now = epochSeconds(options.now ?? new Date());
  return checked.claims.expiresAt < now - LINK_RENEWAL_WINDOW_SECONDS ? null : checked.claims;
}

/** Verifies a status-image token, never a link token; the same rules otherwise, and a checkout is required. */
export async function verifyStatusImageToken(
  token: unknown,
  options: VerifyLinkTokenOptions,
): Promise<StatusImageTokenVerification> {
  const result = await verifyToken("status_image", token, options);
  if (!result.ok) return result;
  const { checkoutId } = result.claims;
  return checkoutId === null ? INVALID : { ok: true, claims: { ...result.claims, checkoutId } };
}

async function verifyToken(
  purpose: TokenPurpose,
  token: unknown,
  options: VerifyLinkTokenOptions,
): Promise<LinkTokenVerification> {
  const checked = await checkToken(purpose, token, options);
  return checked.verdict === "valid"
    ? { ok: true, claims: checked.claims }
    : { ok: false, reason: checked.verdict };
}

const INVALID = { ok: false, reason: "invalid" } as const;

/** What a token is: its claims are read only from a correctly signed token that meets our policy. */
type CheckedToken =
  | { verdict: "valid" | "expired" | "not_yet_valid"; claims: LinkClaims }
  | { verdict: "invalid" };

const INVALID_TOKEN: CheckedToken = { verdict: "invalid" };

async function checkToken(
  purpose: TokenPurpose,
  token: unknown,
  options: VerifyLinkTokenOptions,
): Promise<CheckedToken> {
  const key = signingKey(options.secret);
  const currentDate = new Date(epochSeconds(options.now ?? new Date()) * 1000);
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH || !isOurShape(token)) {
    return INVALID_TOKEN;
  }
  let payload: JWTPayload;
  let verdict: CheckedToken["verdict"];
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [HEADER.alg],
      audience: AUDIENCES[purpose],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // Requires `iat`, and refuses one more than the tolerance ahead of our clock ("not yet valid").
      maxTokenAge: MAX_LINK_TTL_SECONDS,
      currentDate,
    }));
    verdict = "valid";
  } catch (error) {
    // jose judges time only after the signature, and hands the verified claims back with its verdict,
    // so a forged token can never be reported as "expired", and an expired one is still read below.
    const timing = timeVerdict(error);
    if (timing === null) return INVALID_TOKEN;
    ({ payload, verdict } = timing);
  }
  // Our policy decides before the time does: a signed token we would never accept is "invalid".
  const claims = readClaims(payload, purpose);
  return claims === null ? INVALID_TOKEN : { verdict, claims };
}

/** jose's verdict on a correctly signed token's times, with its claims; null for any other refusal. */
function timeVerdict(error: unknown): { verdict: "expired" | "not_yet_valid"; payload: JWTPayload } | null {
  if (error instanceof errors.JWTExpired) return { verdict: "expired", payload: error.payload };
  const early =
    error instanceof errors.JWTClaimValidationFailed &&
    error.reason === "check_failed" &&
    (error.claim === "iat" || error.claim === "nbf");
  return early ? { verdict: "not_yet_valid", payload: error.payload } : null;
}

/**
 * What jose leaves to us about the token's form: a `typ` other than "JWT" is not ours, and each part
 * must be canonical base64url (no padding, no stray bits), so one token has exactly one spelling.
 */
function isOurShape(token: string): boolean {
  const parts = token.split(".");
  if (parts.length !== 3) return false;
  try {
    if (!parts.every((part) => base64url.encode(base64url.decode(part)) === part)) return false;
    const { typ } = decodeProtectedHeader(token);
    return typ === undefined || typ === HEADER.typ;
  } catch {
    return false;
  }
}

function readClaims(payload: JWTPayload, purpose: TokenPurpose): LinkClaims | null {
  const { sub, checkout, aud, iat, exp, nbf, jti, lang } = payload;
  if (typeof sub !== "string" || !USER_ID_PATTERN.test(sub)) return null;
  // Absent means "the whole account"; anything present must be a checkout id. A null would otherwise
  // turn a minter's missing value into an account-wide link.
  if (checkout !== undefined && (typeof checkout !== "string" || !CHECKOUT_ID_PATTERN.test(checkout))) {
    return null;
  }
  if (!hasAudience(aud, purpose)) return null;
  if (jti !== undefined && (typeof jti !== "string" || !TOKEN_ID_PATTERN.test(jti))) return null;
  if (!isEpochSeconds(iat) || !isEpochSeconds(exp)) return null;
  if (exp <= iat || exp - iat > MAX_LINK_TTL_SECONDS) return null;
  // Not minted by us, but a standard claim, and jose honours it; whole seconds like the others.
  if (nbf !== undefined && !isEpochSeconds(nbf)) return null;
  return {
    userId: sub,
    checkoutId: typeof checkout === "string" ? checkout : null,
    issuedAt: iat,
    expiresAt: exp,
    tokenId: typeof jti === "string" ? jti : null,
    // "es-MX" still means Spanish; a language we do not speak (or a non-string) is no hint at all.
    lang: typeof lang === "string" ? preferredLocale(lang) : null,
  };
}

/** The token's audience is this purpose's, and names no other purpose: one token, one use. */
function hasAudience(aud: unknown, purpose: TokenPurpose): boolean {
  const expected = AUDIENCES[purpose];
  if (aud === expected) return true;
  if (!Array.isArray(aud) || !aud.every((entry): entry is string => typeof entry === "string")) return false;
  const ours = Object.values(AUDIENCES);
  return aud.includes(expected) && aud.filter((entry) => ours.includes(entry)).length === 1;
}

function isEpochSeconds(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function epochSeconds(date: Date): number {
  const milliseconds = date.getTime();
  if (!Number.isFinite(milliseconds)) throw new RangeError("now must be a valid Date");
  return Math.floor(milliseconds / 1000);
}

/** The HMAC key: the UTF-8 bytes of the secret exactly as configured (docs/link-tokens.md). */
function signingKey(secret: string): Uint8Array {
  if (typeof secret !== "string" || secret.length < MIN_LINK_SECRET_LENGTH) {
    throw new TypeError(`The link secret must be at least ${MIN_LINK_SECRET_LENGTH} characters`);
  }
  return new TextEncoder().encode(secret);
}
