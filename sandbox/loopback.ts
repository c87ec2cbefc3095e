import type { IncomingHttpHeaders } from "node:http";

/**
 * The sandbox's own endpoints (/__sandbox/…) take no key: they are for the developer's machine only.
 * A web page the developer visits can still reach 127.0.0.1, by a cross-site request (CSRF) or by
 * pointing its own host name at 127.0.0.1 (DNS rebinding). Requiring a loopback Host stops the
 * second; refusing a cross-site Origin, the first.
 */
const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.has(hostname.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** Why a control request is refused, or null when it may go ahead. */
export function controlRequestRefusal(headers: IncomingHttpHeaders): string | null {
  const host = headers.host;
  let hostname: string;
  try {
    hostname = new URL(`http://${host ?? ""}`).hostname;
  } catch {
    return "The sandbox's control endpoints answer only on a loopback address.";
  }
  if (!host || !isLoopbackHostname(hostname)) {
    return "The sandbox's control endpoints answer only on a loopback address.";
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    let originHostname: string | null = null;
    try {
      originHostname = new URL(origin).hostname;
    } catch {
      // "null" (sandboxed frames, file: pages) and garbage are cross-site too.
    }
    if (originHostname === null || !isLoopbackHostname(originHostname)) {
      return "The sandbox's control endpoints refuse requests from other sites.";
    }
  }
  if (headers["sec-fetch-site"] === "cross-site") {
    return "The sandbox's control endpoints refuse requests from other sites.";
  }
  return null;
}
