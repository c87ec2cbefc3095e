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
  // Every `session` action is the portal's: none may reach next-auth (see sessionAnswer).
  if (params.nextauth[0] === "session") return sessionAction(request.method, params.nextauth.length);
  if (request.method === "POST" && params.nextauth[0] === "signin") {
    const limit = await limitRequest(LIMITS.signIn, request);
    if (!limit.allowed) return signInLimited(limit.retryAfterSeconds);
  }
  return NextAuth(request, { params }, authOptions());
}

/**
 * next-auth's `session` action (GET, POST as `update()`, and any path below it, which it reads as
 * the same action) re-encodes the session cookie with a fresh `iat` and expiry on every call, so a
 * session (or a copied cookie) polled now and then would never end. The portal answers the one
 * request its pages could make, `GET /api/auth/session`, from the same cookie, and refuses the rest;
 * none sets a cookie: the session ends when it was always going to.
 */
async function sessionAction(method: string, segments: number): Promise<Response> {
  if (segments > 1) return refused(404, "not_found", "Not found.");
  if (method !== "GET" && method !== "HEAD") {
    return refused(405, "method_not_allowed", "Only GET is allowed here.", { Allow: "GET, HEAD" });
  }
  return sessionAnswer();
}

function refused(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "private, no-store", ...headers } },
  );
}

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
