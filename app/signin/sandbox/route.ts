import { NextResponse } from "next/server";
import { attachSession, languageOfCurrentSession, startSession } from "@/lib/auth/customer-session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { env } from "@/lib/env";
import { readPostedForm } from "@/lib/http/form-body";
import { LIMITS, limitRequest } from "@/lib/security/limits";
import { getDemoCustomers } from "@/lib/sweetspot/sandbox-customers";
import { plainPageContext, tooLargeResponse, tooManyRequestsResponse } from "../../link/problem-page";

/** One-click sign-in as a sandbox demo customer. Exists only while the portal runs against the sandbox. */
export async function POST(request: Request) {
  if (!env().sandboxMode) return new Response("Not found", { status: 404 });
  if (!isSameOriginPost(request)) return new Response("Cross-site sign-in refused", { status: 403 });
  const limit = await limitRequest(LIMITS.signIn, request);
  if (!limit.allowed)
    return tooManyRequestsResponse(limit.retryAfterSeconds, await plainPageContext(request));

  const posted = await readPostedForm(request);
  if (posted.tooLarge) return tooLargeResponse(await plainPageContext(request));
  const form = posted.form ?? new FormData();
  const userId = form.get("userId");
  const customers = await getDemoCustomers();
  if (!customers.some((customer) => customer.id === userId) || typeof userId !== "string") {
    return new Response("Unknown demo customer", { status: 400 });
  }

  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: safeReturnPath(form.get("callbackUrl")), "Cache-Control": "private, no-store" },
  });
  await attachSession(
    response,
    startSession(userId, { kind: "account" }, undefined, await languageOfCurrentSession()),
  );
  return response;
}
