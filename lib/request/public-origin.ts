import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The portal's public origin, for the absolute URLs link previews need (og:image must be absolute).
 * NEXTAUTH_URL when configured; otherwise the request's own Host, so a portal run without it still
 * names itself rather than Next's fallback of http://localhost:<port>.
 */
export async function publicOrigin(): Promise<URL | null> {
  // Headers first: at build time this ends the prerender attempt before the configuration is read
  // (in sandbox mode, reading it would announce freshly generated secrets during `next build`).
  const requestHeaders = await headers();
  const configured = env().publicUrl;
  if (configured) return new URL(configured);
  return originFromRequest(requestHeaders.get("host"), requestHeaders.get("x-forwarded-proto"));
}

// A host name, IPv4 or bracketed IPv6 address, and an optional port: nothing that could add a path,
// credentials or markup to the URLs built on it.
const HOST_PATTERN = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** `http(s)://host` from the request's Host and X-Forwarded-Proto headers; null when Host is unusable. */
export function originFromRequest(host: string | null, forwardedProto: string | null): URL | null {
  if (host === null || host.length > 255 || !HOST_PATTERN.test(host)) return null;
  // Behind a TLS-terminating proxy the first hop's scheme is the one the visitor used.
  const scheme = forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
  try {
    return new URL(`${scheme}://${host}`);
  } catch {
    return null;
  }
}
