import "server-only";
import { env } from "@/lib/env";

/** Sessions end at the latest 30 days after sign-in, however they were started (README: Sessions). */
export const MAX_SESSION_SECONDS = 30 * 24 * 60 * 60;

/**
 * The session cookie, shared by next-auth (OIDC) and the portal's own sign-in routes (email links,
 * sandbox). Secure — with the `__Secure-` prefix browsers enforce — whenever the portal is
 * served over https, which NEXTAUTH_URL tells.
 */
export function sessionCookie() {
  const secure = env().publicUrl?.startsWith("https://") ?? false;
  return {
    name: `${secure ? "__Secure-" : ""}sweetspot.session`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
