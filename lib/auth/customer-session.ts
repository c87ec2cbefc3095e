import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { NextResponse } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { cache } from "react";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { signInPath } from "@/lib/urls/portal-urls";
import { sessionGuard } from "./portal-session-guard";
import {
  type CustomerSession,
  fromSessionClaims,
  newSessionId,
  type SessionAccess,
  type SessionTarget,
  sessionAllows,
  toSessionClaims,
} from "./session-claims";
import { sessionCookie, sessionLifetimeSeconds } from "./session-cookie";

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Decrypting the cookie (HKDF + AES-GCM) is the costliest step of a session check, and a page asks
 * twice (the page and the header's SessionNav): `cache` decodes each token once per server render.
 */
const sessionFromToken = cache(async (token: string): Promise<CustomerSession | null> => {
  let claims: Awaited<ReturnType<typeof decode>>;
  try {
    claims = await decode({ token, secret: env().authSecret });
  } catch {
    return null; // forged, truncated or encrypted with an old secret
  }
  const session = fromSessionClaims(claims, nowSeconds());
  if (!session) return null;
  // Signed out elsewhere, or ended by `npm run revoke`: refused on every instance (docs/shared-state.md).
  return (await sessionGuard().sessionIsUsable(session)) ? session : null;
});

/**
 * The check `getCustomerSession` made, made again later for a session it returned, but strict: only
 * a store that answers "not revoked" counts, with no outage grace. For work left for after the answer
 * (saving the customer's view), when the customer may have signed out meanwhile and a view kept by
 * mistake would outlive their sign-out.
 */
export async function sessionStillConfirmed(session: CustomerSession): Promise<boolean> {
  return sessionGuard().sessionIsConfirmedActive(session);
}

/**
 * The signed-in customer, or null. Decodes next-auth's encrypted session cookie and checks that the
 * session has not been revoked.
 */
export async function getCustomerSession(): Promise<CustomerSession | null> {
  const token = (await cookies()).get(sessionCookie().name)?.value;
  return token ? sessionFromToken(token) : null;
}

/**
 * Signing in as `userId` over `current`, the browser's session until now: when that is another
 * customer's, it is ended everywhere (as signing out would), so a copy of its cookie does not outlive
 * the switch. Every way in calls this (email link, OpenID Connect, sandbox). Never throws: the store
 * being down only means the end is not recorded.
 */
export async function endOtherCustomersSession(
  current: CustomerSession | null,
  userId: string,
): Promise<void> {
  if (current && current.userId !== userId) await sessionGuard().endSession(current);
}

/**
 * Signing out: ends the browser's session everywhere (its `sid` is revoked in the shared store until
 * the session's own end, so a copy of the cookie is refused too) and forgets the customer's saved
 * views. The caller clears the cookie. Never throws: with the store unreachable the end is not
 * recorded, which is logged (no ids), and a copy of the cookie stays valid until the session ends.
 */
export async function endCurrentSession(): Promise<void> {
  const session = await getCustomerSession();
  if (!session) return;
  const record = await sessionGuard().endSession(session);
  if (!record.revoked || !record.viewsForgotten) {
    console.warn(JSON.stringify({ event: "sign_out_not_recorded", ...record }));
  }
}

/** Starts `session` in the browser that receives `response`; the cookie never outlives the session. */
export async function attachSession(response: NextResponse, session: CustomerSession): Promise<void> {
  const maxAge = Math.max(0, Math.min(session.expiresAt - nowSeconds(), sessionLifetimeSeconds()));
  const value = await encode({ token: toSessionClaims(session), secret: env().authSecret, maxAge });
  const { name, options } = sessionCookie();
  response.cookies.set(name, value, { ...options, maxAge });
}

/** Ends the session in the browser that receives `response`. */
export function detachSession(response: NextResponse): void {
  const { name, options } = sessionCookie();
  response.cookies.set(name, "", { ...options, maxAge: 0 });
}

export function newSessionEnd(limitSeconds?: number): number {
  const cap = nowSeconds() + sessionLifetimeSeconds();
  return limitSeconds === undefined ? cap : Math.min(cap, limitSeconds);
}

/**
 * A new session with its own id, ending after the session lifetime or at `endLimitSeconds` if sooner,
 * speaking `lang` when the link that opened it named a language.
 */
export function startSession(
  userId: string,
  access: SessionAccess,
  endLimitSeconds?: number,
  lang: Locale | null = null,
): CustomerSession {
  return {
    userId,
    sessionId: newSessionId(),
    access,
    signedInAt: nowSeconds(),
    expiresAt: newSessionEnd(endLimitSeconds),
    lang,
  };
}

/**
 * For pages: the customer allowed to read `target`, or a redirect to sign-in that brings them
 * back to `returnTo`. Every page that shows customer data calls this.
 */
export async function requireCustomer(target: SessionTarget, returnTo: string): Promise<CustomerSession> {
  const session = await getCustomerSession();
  if (!session) redirect(signInPath(returnTo));
  if (!sessionAllows(session, target)) redirect(signInPath(returnTo, "account"));
  return session;
}

/** For JSON routes: the customer allowed to read `target`, or a 401 answer to return as is. */
export async function customerForRoute(target: SessionTarget): Promise<CustomerSession | Response> {
  const session = await getCustomerSession();
  if (session && sessionAllows(session, target)) return session;
  return Response.json(
    { error: { code: "unauthorized", message: "Sign in to see this checkout." } },
    { status: 401, headers: { "Cache-Control": "private, no-store" } },
  );
}
