import "server-only";
import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcConfig } from "@/lib/config/schema";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { USER_ID_PATTERN } from "@/lib/sweetspot/ids";
import { languageOfCurrentSession, startSession } from "./customer-session";
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
export type AuthOptionsDependencies = {
  /** The language the session being replaced speaks, carried into the new one (tests stub it). */
  languageToKeep?: () => Promise<Locale | null>;
};

export function authOptions({
  languageToKeep = languageOfCurrentSession,
}: AuthOptionsDependencies = {}): AuthOptions {
  const config = env();
  const cookie = sessionCookie();
  return {
    secret: config.authSecret,
    // /api/auth/session is answered by the portal itself (app/api/auth/[...nextauth]/route.ts), so
    // next-auth never re-issues the cookie and activity cannot push this out.
    session: { strategy: "jwt", maxAge: sessionLifetimeSeconds() },
    useSecureCookies: cookie.options.secure,
    cookies: nextAuthCookies(cookie),
    providers: config.oidc ? [oidcProvider(config.oidc)] : [],
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async jwt({ token, user, account }) {
        if (account && user) {
          const lang = await languageToKeep();
          return toSessionClaims(startSession(user.id, { kind: "account" }, undefined, lang));
        }
        return token;
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
