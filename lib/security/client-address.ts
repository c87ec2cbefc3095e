import { isIPv4, isIPv6 } from "node:net";

/**
 * The address a request came from, for per-client rate limits (docs/security.md: Client address).
 *
 * Next's server gives route handlers no socket: it writes the connection's address into
 * `X-Forwarded-For` when a request arrives without one, and leaves the header alone otherwise. So
 * the header is all there is, and who wrote each entry depends on what stands in front of the
 * portal: every proxy appends the address it was connected from. With `trustedProxyCount` proxies
 * (TRUSTED_PROXY_COUNT) the client is the entry that many places from the right; entries further
 * left were written by the client and are never used. With none (the default) the rightmost
 * entry is used: the socket address Next wrote, unless the client sent its own header, which is why
 * a portal reachable without a proxy can be fooled and deployments put one in front (docs/deployment.md).
 *
 * IPv6 addresses are grouped by their /64, the block one household or server usually gets, so an
 * attacker cannot step through a block to reset their count. Anything unreadable is "unknown": one
 * bucket shared by everyone who sends rubbish.
 */
export function clientAddress(forwardedFor: string | null, trustedProxyCount: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) return UNKNOWN_CLIENT;
  // Fewer entries than proxies: the request skipped some of them; the leftmost is the best we have.
  const index =
    trustedProxyCount === 0 ? entries.length - 1 : Math.max(0, entries.length - trustedProxyCount);
  return normaliseAddress(entries[index] ?? "");
}

export const UNKNOWN_CLIENT = "unknown";

/** An address without port or brackets; IPv4-mapped IPv6 as IPv4; IPv6 as its /64 prefix. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (ipv4WithPort?.[1]) address = ipv4WithPort[1];
  if (address.startsWith("::ffff:") && isIPv4(address.slice(7))) address = address.slice(7);
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return ipv6Prefix64(address);
  return UNKNOWN_CLIENT;
}

function ipv6Prefix64(address: string): string {
  const withoutZone = address.split("%")[0] ?? address;
  const [head = "", tail] = withoutZone.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  // An embedded IPv4 tail (e.g. ::1.2.3.4) sits in the last 64 bits, which are dropped anyway.
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  const prefix = groups.slice(0, 4).map((group) => (Number.parseInt(group, 16) || 0).toString(16));
  return `${prefix.join(":")}::/64`;
}
