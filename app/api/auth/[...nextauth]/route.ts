import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { getCustomerSession } from "@/lib/auth/customer-session";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request from the validated configuration, never at import (build) time.
async function handler(request: NextRequest, context: RouteContext) {
  const params = await context.params;
  if (request.method === "GET" && params.nextauth.length === 1 && params.nextauth[0] === "session") {
    return sessionAnswer();
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

export { handler as GET, handler as POST };
