import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { getCustomerSession } from "@/lib/auth/customer-session";
import { LIMITS, limitRequest } from "@/lib/security/limits";
import { signInPath } from "@/lib/urls/portal-urls";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request from the validated configuration, never at import (build) time.
async function handler(request: NextRequest, context: RouteContext) {
  const params = await context.params;
  if (request.method === "GET" && params.nextauth.length === 1 && params.nextauth[0] === "session") {
    return sessionAnswer();
  }
  if (request.method === "POST" && params.nextauth[0] === "signin") {
    const limit = await limitRequest(LIMITS.signIn, request);
    if (!limit.allowed) return signInLimited(limit.retryAfterSeconds);
  }
  return NextAuth(request, { params }, authOptions());
}

/**
 * next-auth's own answer here re-issues the session cookie with a fresh expiry on every call, so a
 * session (or a copied cookie) polled now and then would never end. The portal answers instead,
 * from the same cookie, and sets nothing: the session ends when it was always going to.
 */
async function sessionAnswer(): Promise<Response> {
  const session = await getCustomerSession();
  const body = session
    ? { user: { id: session.userId }, expires: new Date(session.expiresAt * 1000).toISOString() }
    : {};
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}

/**
 * Over the sign-in limit. The button's script (next-auth's signIn) posts here and goes wherever the
 * answer's `url` says, so it says the sign-in page, which tells the customer to try again.
 */
function signInLimited(retryAfterSeconds: number): Response {
  return Response.json(
    {
      url: `${signInPath()}?error=RateLimited`,
      error: {
        code: "rate_limited",
        message: "Too many sign-in attempts. Please wait a minute and try again.",
      },
    },
    {
      status: 429,
      headers: { "Cache-Control": "private, no-store", "Retry-After": String(retryAfterSeconds) },
    },
  );
}

export { handler as GET, handler as POST };
