import "server-only";
import { env } from "@/lib/env";
import { publicUrlIsHttps } from "@/lib/security/headers";

/**
 * How long a session lasts from sign-in (SESSION_LIFETIME_DAYS, default 14 days; README: Sessions).
 * Absolute: nothing the customer does moves the end, so a copied cookie stops working by then.
 */
export function sessionLifetimeSeconds(): number {
  return env().sessionLifetimeSeconds;
}

/**
 * The session cookie, shared by next-auth (OIDC) and the portal's own sign-in routes (email links,
 * sandbox). In https deployments (NEXTAUTH_URL says so) it is `__Host-`: browsers then insist on
 * Secure, Path=/ and no Domain, so no sibling subdomain can set or shadow it.
 */
export function sessionCookie() {
  return sessionCookieFor(env().publicUrl);
}

export function sessionCookieFor(publicUrl: string | null) {
  const secure = publicUrlIsHttps(publicUrl);
  return {
    name: `${secure ? "__Host-" : ""}sweetspot.session`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
