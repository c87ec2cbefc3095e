/*
 * URLs from the API (`checkoutUrl`…) are untrusted (sweetspot-api.md §5). Only absolute https links are
 * rendered; plain http only when talking to a local sandbox, and then only to loopback hosts, so a
 * misconfigured production portal can never link a customer to an unencrypted page.
 */

const MAX_URL_LENGTH = 2048;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Whitespace, control characters and backslashes: browsers "repair" these in ways that hide the real target. */
const SUSPICIOUS_CHARACTERS = /[\s\p{Cc}\\]/u;
const HTTPS_PREFIX = /^https:\/\//i;
const HTTP_PREFIX = /^http:\/\//i;

export type SafeUrlOptions = {
  /** Allow `http:` to loopback hosts; only when the API is a local sandbox. */
  allowHttp: boolean;
};

/**
 * The normalized href of `url` when it is safe to render as a link, else null. (Returns the href rather
 * than a boolean so callers link exactly what was checked.)
 */
export function isSafeExternalUrl(
  url: string | null | undefined,
  options: SafeUrlOptions = { allowHttp: false },
): string | null {
  if (typeof url !== "string" || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  if (SUSPICIOUS_CHARACTERS.test(url)) return null;
  // The scheme must be spelled out with "//": rules out relative, protocol-relative and "https:evil" forms.
  const https = HTTPS_PREFIX.test(url);
  if (!https && !(options.allowHttp && HTTP_PREFIX.test(url))) return null;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== "" || parsed.password !== "" || parsed.hostname === "") return null;
  if (parsed.protocol === "https:") return parsed.href;
  if (parsed.protocol === "http:" && options.allowHttp && LOOPBACK_HOSTS.has(parsed.hostname))
    return parsed.href;
  return null;
}
