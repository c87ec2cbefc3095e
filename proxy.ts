import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { PAGE_PATH_HEADER } from "@/lib/request/page-path";
import { createNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers";

/**
 * Runs before every route: gives each response its security headers and a per-request CSP nonce.
 * It is deliberately not an access check — authorization lives in the data layer, so a request
 * that skips this file (CVE-2025-29927 style) still gets no customer data.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    https: servedOverHttps(request, env().publicUrl),
    development: process.env.NODE_ENV === "development",
    credentialInUrl: request.nextUrl.pathname === "/link",
  });

  // Next reads the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
  // The header's language switch comes back to this page (app/LanguageSwitch.tsx says why this way),
  // without the cache-busting parameter Next adds to its own server-component fetches.
  const page = request.nextUrl.clone();
  page.searchParams.delete("_rsc");
  requestHeaders.set(PAGE_PATH_HEADER, page.pathname + page.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Everything but Next's static assets (which get their headers from next.config.mjs) and the
 * favicon, matched exactly: a prefix match let `/favicon.icox` or `/_next/staticfoo` skip the headers.
 */
export const config = {
  matcher: ["/((?!_next/static/|favicon\\.ico$).*)"],
};
