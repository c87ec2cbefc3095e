/**
 * Response headers every answer carries. Built per request because the script policy holds a
 * fresh nonce: Next streams inline bootstrap scripts, and `'self'` alone would block them.
 */
type SecurityContext = {
  nonce: string;
  /** Served over https (directly or behind a TLS-terminating proxy). */
  https: boolean;
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development: boolean;
  /** The URL itself is a credential (an email link's token): never send it on as a referrer. */
  credentialInUrl?: boolean;
};

export function contentSecurityPolicy({ nonce, https, development }: SecurityContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Dev mode injects style tags without a nonce; production serves stylesheets from 'self'.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(context),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": context.credentialInUrl ? "no-referrer" : "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    ...(context.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Whether the configured public URL (NEXTAUTH_URL) is https: the deployment is, whatever a request says. */
export function publicUrlIsHttps(publicUrl: string | null): boolean {
  return publicUrl?.startsWith("https://") ?? false;
}

/**
 * Whether the portal is served over https, for HSTS, `upgrade-insecure-requests` and Secure cookies:
 * its configured public URL says so, or this request came over https, directly or through a
 * TLS-terminating proxy (the first hop of X-Forwarded-Proto). The configured URL comes first, so a
 * proxy that does not forward the scheme cannot switch HSTS off.
 */
export function servedOverHttps(request: Request, publicUrl: string | null): boolean {
  return (
    publicUrlIsHttps(publicUrl) ||
    new URL(request.url).protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https"
  );
}

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
