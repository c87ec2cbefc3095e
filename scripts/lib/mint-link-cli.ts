import { parseArgs } from "node:util";
import {
  CHECKOUT_ID_PATTERN,
  MAX_LINK_TTL_SECONDS,
  MIN_LINK_SECRET_LENGTH,
  USER_ID_PATTERN,
} from "../../lib/auth/link-token";
import { isLocale, LOCALES, type Locale } from "../../lib/i18n/locales";
import { absoluteUrl, emailLinkPath, statusImagePath } from "../../lib/urls/portal-urls";
import { formatDuration, parseDurationSeconds } from "./duration";

/**
 * Everything `scripts/mint-link.ts` decides before touching the file system or crypto, kept separate
 * so it can be unit tested without spawning processes.
 */

type Env = Record<string, string | undefined>;

const DEFAULT_TTL = "7d";
/**
 * How long ago an `--expired` link stopped working: well past the 60 s of clock skew a link is
 * allowed, and well inside the 30 days in which an expired link can still ask for a new one.
 */
export const EXPIRED_LINK_AGE_SECONDS = 60 * 60;
/** For messages; scripts/lib/sandbox-secrets.ts owns the file itself. */
export const SANDBOX_SECRETS_PATH = ".portal/sandbox-secrets.json";

export const MINT_LINK_USAGE = `Usage: npm run mint-link -- --user usr_… [--checkout chk_…] [--image | --expired] [--ttl 7d] [--lang es] [--base-url URL]

Prints a signed sign-in link for a customer on stdout (and only the link, so it can be piped).

  --user       the customer's user id (usr_…), required
  --checkout   open this checkout after sign-in (optional)
  --image      print the checkout's status-image URL instead (needs --checkout); its token fetches
               that image only and cannot sign anyone in
  --expired    mint a link that expired an hour ago (issued its lifetime and an hour ago): opening it
               shows "This link has expired" with "Email me a new link", so that walk needs no waiting
  --ttl        lifetime: 30m, 12h, 7d or seconds; default ${DEFAULT_TTL}, at most ${formatDuration(MAX_LINK_TTL_SECONDS)}
  --lang       the email's language (${LOCALES.join(" or ")}): the portal answers in it until the customer
               picks another; default none (the browser's language decides)
  --base-url   the portal's address; default http://localhost:$PORT (PORT defaults to 3000)

The secret is PORTAL_LINK_SECRET, or in sandbox mode the one the launcher wrote to ${SANDBOX_SECRETS_PATH}.`;

type MintLinkRequest = {
  userId: string;
  checkoutId: string | null;
  ttlSeconds: number;
  baseUrl: string;
  /** Mint a status-image URL rather than a sign-in link. */
  image: boolean;
  /** Mint a link that already expired (EXPIRED_LINK_AGE_SECONDS ago) but can still be renewed. */
  expired: boolean;
  /** The token's `lang` claim; null leaves it out. */
  lang: Locale | null;
};

type ParsedMintLinkArgs =
  | { kind: "help" }
  | { kind: "request"; request: MintLinkRequest }
  | { kind: "usage_error"; message: string };

export function parseMintLinkArgs(argv: readonly string[], env: Env): ParsedMintLinkArgs {
  let values: {
    user?: string;
    checkout?: string;
    ttl?: string;
    "base-url"?: string;
    image?: boolean;
    expired?: boolean;
    lang?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        user: { type: "string" },
        checkout: { type: "string" },
        ttl: { type: "string" },
        "base-url": { type: "string" },
        image: { type: "boolean" },
        expired: { type: "boolean" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    // parseArgs explains unknown options and missing values well; pass its words on.
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: "help" };

  const userId = values.user?.trim();
  if (!userId) return usageError("--user is required, e.g. --user usr_123");
  if (!USER_ID_PATTERN.test(userId)) {
    return usageError(`--user must be "usr_" followed by letters, digits or underscores, got "${userId}"`);
  }

  const checkoutId = values.checkout?.trim() || null;
  if (values.checkout !== undefined && checkoutId === null)
    return usageError("--checkout needs a checkout id");
  if (checkoutId !== null && !CHECKOUT_ID_PATTERN.test(checkoutId)) {
    return usageError(`--checkout must be 1-64 letters, digits, "_" or "-", got "${checkoutId}"`);
  }

  const image = values.image ?? false;
  if (image && checkoutId === null)
    return usageError("--image needs --checkout: an image shows one checkout");
  const expired = values.expired ?? false;
  // An image token cannot ask for a new one, so an expired one would only ever show a broken image.
  if (image && expired) return usageError("--expired mints a sign-in link: not with --image");

  const ttlText = values.ttl ?? DEFAULT_TTL;
  const ttlSeconds = parseDurationSeconds(ttlText);
  if (ttlSeconds === null)
    return usageError(`--ttl must look like 30m, 12h, 7d or 3600 (seconds), got "${ttlText}"`);
  if (ttlSeconds > MAX_LINK_TTL_SECONDS) {
    return usageError(`--ttl must be at most ${formatDuration(MAX_LINK_TTL_SECONDS)}, got "${ttlText}"`);
  }

  // Exactly a language the portal speaks: a typo must not mint a link that quietly speaks English.
  const lang = values.lang === undefined ? null : values.lang.trim();
  if (lang !== null && !isLocale(lang)) {
    return usageError(`--lang must be one of ${LOCALES.join(", ")}, got "${values.lang}"`);
  }

  const baseUrl =
    values["base-url"] === undefined ? defaultBaseUrl(env) : normalizeBaseUrl(values["base-url"]);
  if (typeof baseUrl !== "string") return baseUrl;

  return { kind: "request", request: { userId, checkoutId, ttlSeconds, baseUrl, image, expired, lang } };
}

function defaultBaseUrl(env: Env): string | ParsedMintLinkArgs {
  const port = env.PORT?.trim() || "3000";
  const portNumber = Number(port);
  if (!/^\d+$/.test(port) || portNumber < 1 || portNumber > 65535) {
    return usageError(`PORT must be a port number, got "${port}"; or pass --base-url`);
  }
  return `http://localhost:${portNumber}`;
}

/** An absolute http(s) URL without query, fragment or credentials, with no trailing slash. */
function normalizeBaseUrl(text: string): string | ParsedMintLinkArgs {
  const problem = `--base-url must be an absolute http(s) URL such as https://portal.example.com, got "${text}"`;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return usageError(problem);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return usageError(problem);
  if (url.search || url.hash || url.username || url.password) {
    return usageError("--base-url must not contain a query, fragment or credentials");
  }
  // Keep a path prefix (a portal mounted under /portal) but never end up with "//link".
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** When the token says it was issued and when it expires: now, or in the past for `--expired`. */
export function tokenTimes(
  request: Pick<MintLinkRequest, "ttlSeconds" | "expired">,
  now: Date,
): { issuedAt: Date; expiresAt: Date } {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const issuedSeconds = request.expired
    ? nowSeconds - request.ttlSeconds - EXPIRED_LINK_AGE_SECONDS
    : nowSeconds;
  return {
    issuedAt: new Date(issuedSeconds * 1000),
    expiresAt: new Date((issuedSeconds + request.ttlSeconds) * 1000),
  };
}

export function buildLink(baseUrl: string, token: string): string {
  return absoluteUrl(baseUrl, emailLinkPath(token));
}

/** A status image's absolute URL, for an email's <img src>. */
export function buildImageLink(baseUrl: string, checkoutId: string, token: string): string {
  return absoluteUrl(baseUrl, statusImagePath(checkoutId, token));
}

type SecretResolution =
  | { ok: true; secret: string; source: "environment" | "sandbox_file" }
  | { ok: false; message: string };

/**
 * The signing secret: PORTAL_LINK_SECRET wins, as it does for the portal; otherwise the one the
 * launcher stored for sandbox mode. The file is only read when needed, so a broken sandbox file
 * cannot get in the way of an explicitly configured secret.
 */
export function resolveLinkSecret(env: Env, readSandboxLinkSecret: () => string | null): SecretResolution {
  // Exactly as the portal reads it (lib/config/schema.ts): trimming would sign with another key.
  const fromEnvironment = env.PORTAL_LINK_SECRET;
  if (fromEnvironment) return checkedSecret(fromEnvironment, "environment", "PORTAL_LINK_SECRET");
  const fromSandboxFile = readSandboxLinkSecret();
  if (fromSandboxFile) {
    return checkedSecret(fromSandboxFile, "sandbox_file", `PORTAL_LINK_SECRET in ${SANDBOX_SECRETS_PATH}`);
  }
  return {
    ok: false,
    message:
      "No link secret: set PORTAL_LINK_SECRET to the portal's value (in sandbox mode, starting the portal " +
      `once writes one to ${SANDBOX_SECRETS_PATH}).`,
  };
}

function checkedSecret(
  secret: string,
  source: "environment" | "sandbox_file",
  label: string,
): SecretResolution {
  if (secret.length < MIN_LINK_SECRET_LENGTH) {
    return { ok: false, message: `${label} must be at least ${MIN_LINK_SECRET_LENGTH} characters.` };
  }
  return { ok: true, secret, source };
}

function usageError(message: string): ParsedMintLinkArgs {
  return { kind: "usage_error", message };
}
