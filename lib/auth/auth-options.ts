import "server-only";
import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcConfig } from "@/lib/config/schema";
import { env } from "@/lib/env";
import { USER_ID_PATTERN } from "@/lib/sweetspot/ids";
import { newSessionEnd } from "./customer-session";
import { safeReturnPath } from "./return-path";
import { toSessionClaims } from "./session-claims";
import { MAX_SESSION_SECONDS, sessionCookie } from "./session-cookie";

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
    session: { strategy: "jwt", maxAge: MAX_SESSION_SECONDS },
    useSecureCookies: cookie.options.secure,
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    providers: config.oidc ? [oidcProvider(config.oidc)] : [],
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      jwt({ token, user, account }) {
        if (account && user)
          return toSessionClaims({
            userId: user.id,
            access: { kind: "account" },
            expiresAt: newSessionEnd(),
          });
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
