import { NextResponse } from "next/server";
import {
  attachSession,
  endOtherCustomersSession,
  getCustomerSession,
  startSession,
} from "@/lib/auth/customer-session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { env } from "@/lib/env";
import { readPostedForm } from "@/lib/http/form-body";
import { plainPageContext } from "@/lib/plain-pages/context";
import { tooLargeResponse, tooManyRequestsResponse } from "@/lib/plain-pages/link-pages";
import { LIMITS, limitRequest } from "@/lib/security/limits";
import { getDemoCustomers } from "@/lib/sweetspot/sandbox-customers";

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
  const current = await getCustomerSession();
  await endOtherCustomersSession(current, userId);
  // The language of the session this replaces (its email's), so the list does not change language.
  await attachSession(response, startSession(userId, { kind: "account" }, undefined, current?.lang ?? null));
  return response;
}
