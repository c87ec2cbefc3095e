import "server-only";
import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcConfig } from "@/lib/config/schema";
import { env } from "@/lib/env";
import { USER_ID_PATTERN } from "@/lib/sweetspot/ids";
import {
  endCurrentSession,
  endOtherCustomersSession,
  getCustomerSession,
  startSession,
} from "./customer-session";
import { safeReturnPath } from "./return-path";
import { toSessionClaims } from "./session-claims";
import { sessionCookie, sessionLifetimeSeconds } from "./session-cookie";

type OidcProfile = Record<string, unknown>;

/** A generic OpenID Connect provider, configured entirely by environment (README: OpenID Connect). */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcProfile> {
  return {
    id: "oidc",
    name: "your Sweet Spot account",
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(profile) {
      const userId = profile[config.userIdClaim];
      // A profile without a Sweet Spot user id cannot be scoped to anyone's data: refuse the sign-in.
      if (typeof userId !== "string" || !USER_ID_PATTERN.test(userId)) {
        throw new Error(`OIDC profile lacks a valid "${config.userIdClaim}" claim`);
      }
      return { id: userId };
    },
  };
}

/**
 * next-auth handles the OpenID Connect round trip; email links and sandbox sign-in start sessions
 * in their own routes with the same cookie and encoding, so every session looks alike.
 */
export function authOptions(): AuthOptions {
  const config = env();
  const cookie = sessionCookie();
  return {
    secret: config.authSecret,
    // Every /api/auth/session request is answered or refused by the portal itself
    // (app/api/auth/[...nextauth]/route.ts), so next-auth never re-issues the cookie and activity
    // cannot push this out; sign-in is the only time it writes one.
    session: { strategy: "jwt", maxAge: sessionLifetimeSeconds() },
    useSecureCookies: cookie.options.secure,
    cookies: nextAuthCookies(cookie),
    providers: config.oidc ? [oidcProvider(config.oidc)] : [],
    pages: { signIn: "/signin", error: "/signin" },
    events: {
      // next-auth's own sign-out (POST /api/auth/signout, once its CSRF check passed) only clears the
      // cookie: end the session everywhere as the portal's /signout does, so a copy is refused too.
      signOut: endCurrentSession,
    },
    callbacks: {
      async jwt({ token, user, account }) {
        // Called with an account only at sign-in. Otherwise the claims pass through unchanged: the
        // session's end and sign-in time are claims of the portal's own (session-claims.ts), which a
        // re-encoded cookie would carry over, never the JWT's `exp` and `iat`.
        if (!(account && user)) return token;
        const current = await getCustomerSession();
        await endOtherCustomersSession(current, user.id);
        // The language of the session this replaces (its email's): a customer who came from a
        // Spanish email and signs in for all their orders stays in Spanish.
        return toSessionClaims(startSession(user.id, { kind: "account" }, undefined, current?.lang ?? null));
      },
      redirect({ url, baseUrl }) {
        // Same-origin portal paths only, by the same rule as every other return target.
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeReturnPath(path)}`;
      },
    },
  };
}

/**
 * next-auth's own cookies (the OIDC round trip's state, PKCE verifier, nonce, callback URL, CSRF
 * token) take the same prefix as the session cookie: `__Host-` over https, so none can be planted
 * from a sibling subdomain.
 */
function nextAuthCookies(session: ReturnType<typeof sessionCookie>): NonNullable<AuthOptions["cookies"]> {
  const prefix = session.options.secure ? "__Host-" : "";
  const options = session.options;
  const shortLived = { ...options, maxAge: 15 * 60 };
  return {
    sessionToken: { name: session.name, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${prefix}next-auth.csrf-token`, options },
    pkceCodeVerifier: { name: `${prefix}next-auth.pkce.code_verifier`, options: shortLived },
    state: { name: `${prefix}next-auth.state`, options: shortLived },
    nonce: { name: `${prefix}next-auth.nonce`, options },
  };
}
