import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { CHECKOUT_ID_PATTERN, USER_ID_PATTERN } from "@/lib/sweetspot/ids";

/**
 * What a portal session knows about its customer. A session opened by an email link for one
 * checkout may read that checkout only; every other way in opens the whole account.
 */
export type SessionAccess = { kind: "account" } | { kind: "checkout"; checkoutId: string };

export type CustomerSession = {
  userId: string;
  /**
   * The session's own id (`sid`): what a server-side revocation list names, so signing out, or
   * support ending a session, can stop a copied cookie before it expires.
   */
  sessionId: string;
  access: SessionAccess;
  /**
   * When the customer signed in (epoch seconds), set once by the portal: what `npm run revoke --
   * --user` compares. Never the cookie's `iat`, which next-auth renews whenever it re-encodes the
   * cookie, so a renewed copy would count as a sign-in after the revocation.
   */
  signedInAt: number;
  /** Seconds since the epoch after which the session is over, whatever the cookie says. */
  expiresAt: number;
  /** The language of the link that opened the session (its `lang` claim), else null. */
  lang: Locale | null;
};

export type SessionTarget = "account" | { checkoutId: string };

/** 128 random bits in base64url (22 characters); a little room for other generators. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

/** The claims stored (encrypted) in the session cookie. */
export const sessionClaimsSchema = z.object({
  sub: z.string().regex(USER_ID_PATTERN),
  // Required: a session without an id could not be revoked, so it is not a session.
  sid: z.string().regex(SESSION_ID_PATTERN),
  access: z.enum(["account", "checkout"]),
  checkoutId: z.string().regex(CHECKOUT_ID_PATTERN).optional(),
  // Required: a session without its sign-in time could not be revoked with its customer.
  signedInAt: z.number().int().nonnegative(),
  sessionExpiresAt: z.number().int().positive(),
  // Optional: sessions from before languages, and those opened without a link, have none.
  lang: z.enum(LOCALES).optional(),
});

export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export function toSessionClaims(session: CustomerSession): SessionClaims {
  return {
    sub: session.userId,
    sid: session.sessionId,
    access: session.access.kind,
    ...(session.access.kind === "checkout" ? { checkoutId: session.access.checkoutId } : {}),
    signedInAt: session.signedInAt,
    sessionExpiresAt: session.expiresAt,
    ...(session.lang ? { lang: session.lang } : {}),
  };
}

/** A session from stored claims, or null when they are malformed or past their end. */
export function fromSessionClaims(claims: unknown, nowSeconds: number): CustomerSession | null {
  const parsed = sessionClaimsSchema.safeParse(claims);
  if (!parsed.success || parsed.data.sessionExpiresAt <= nowSeconds) return null;
  const { sub, sid, access, checkoutId, signedInAt, sessionExpiresAt, lang } = parsed.data;
  if (access === "checkout" && !checkoutId) return null;
  return {
    userId: sub,
    sessionId: sid,
    access: access === "checkout" && checkoutId ? { kind: "checkout", checkoutId } : { kind: "account" },
    signedInAt,
    expiresAt: sessionExpiresAt,
    lang: lang ?? null,
  };
}

/** A new, unguessable session id. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** Whether a session may read the target: the account, or one checkout. */
export function sessionAllows(session: CustomerSession, target: SessionTarget): boolean {
  if (session.access.kind === "account") return true;
  return target !== "account" && target.checkoutId === session.access.checkoutId;
}
