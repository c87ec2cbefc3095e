import { parseArgs } from "node:util";
import { LINK_RENEWAL_WINDOW_SECONDS, MAX_LINK_TTL_SECONDS } from "../../lib/auth/link-token";
import { CUSTOMER_REVOCATION_SECONDS, TOKEN_ID_PATTERN } from "../../lib/auth/revocations";
import { MAX_SESSION_LIFETIME_DAYS, MIN_SECRET_LENGTH, redisUrlSchema } from "../../lib/config/schema";
import { USER_ID_PATTERN } from "../../lib/sweetspot/ids";
import { formatDuration, parseDurationSeconds } from "./duration";

/**
 * Everything `scripts/revoke.ts` decides before it talks to Redis, kept apart so it can be unit
 * tested without a store.
 */

type Env = Record<string, string | undefined>;

/**
 * The longest a session (MAX_SESSION_LIFETIME_DAYS) or a link (MAX_LINK_TTL_SECONDS) lives: by
 * default a `--session` or `--link` revocation outlives what it revokes (a link's entry is kept the
 * renewal window longer still, lib/auth/revocations.ts).
 */
export const LONGEST_TOKEN_SECONDS = Math.max(MAX_LINK_TTL_SECONDS, MAX_SESSION_LIFETIME_DAYS * 24 * 60 * 60);

export const REVOKE_USAGE = `Usage: npm run revoke -- (--user usr_… | --session <sid> | --link <jti>) [--until <epoch seconds> | --ttl 14d] [--skip-secret-check]

Ends, on every portal instance sharing REDIS_URL:
  --user      every session of this customer signed in up to now (and their email links issued
              up to now), and forgets their saved views
  --session   one session, by its session id
  --link      one emailed sign-in link, by its jti

  --until     when the revocation may be forgotten, in seconds since the epoch
  --ttl       the same as a duration: 30m, 12h, 14d; default ${formatDuration(LONGEST_TOKEN_SECONDS)}, the longest a session or link lives;
              for --user ${formatDuration(CUSTOMER_REVOCATION_SECONDS)}, and no less: a link issued before the revocation lives
              up to ${formatDuration(MAX_LINK_TTL_SECONDS)} and can ask for a new link ${formatDuration(LINK_RENEWAL_WINDOW_SECONDS)} after it expired

  --skip-secret-check
              write even when the secret marker in Redis is another secret's (see below)

Needs REDIS_URL: a portal without Redis keeps its state in its own process, out of this command's reach.
Needs NEXTAUTH_SECRET, the portal's own: a customer's entries are named by a digest keyed with it.
The portal's instances leave a fingerprint of their secret in Redis (rewritten hourly). When it is
another secret's, --user refuses (exit 1): its entry would be written where the portal never looks.
--session and --link do not depend on the secret: they warn and revoke. The marker is the last
writer's, so another process with its own secret on the same Redis can leave its own there: once you
are sure NEXTAUTH_SECRET is the portal's, --skip-secret-check writes anyway.`;

export type RevokeTarget =
  | { kind: "user"; userId: string }
  | { kind: "session"; sid: string }
  | { kind: "link"; jti: string };

export type RevokeRequest = {
  target: RevokeTarget;
  untilEpochSeconds: number;
  /** Write even when the store's secret marker is another secret's (the operator is sure of theirs). */
  skipSecretCheck: boolean;
};

export type ParsedRevokeArgs =
  | { kind: "help" }
  | { kind: "request"; request: RevokeRequest }
  | { kind: "usage_error"; message: string };

export function parseRevokeArgs(argv: readonly string[], nowSeconds: number): ParsedRevokeArgs {
  let values: {
    user?: string;
    session?: string;
    link?: string;
    until?: string;
    ttl?: string;
    "skip-secret-check"?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        user: { type: "string" },
        session: { type: "string" },
        link: { type: "string" },
        until: { type: "string" },
        ttl: { type: "string" },
        "skip-secret-check": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: "help" };

  const given = (["user", "session", "link"] as const).filter((name) => values[name] !== undefined);
  if (given.length !== 1) return usageError("give exactly one of --user, --session or --link");

  let target: RevokeTarget;
  if (values.user !== undefined) {
    const userId = values.user.trim();
    if (!USER_ID_PATTERN.test(userId)) {
      return usageError(`--user must be "usr_" followed by letters, digits or underscores, got "${userId}"`);
    }
    target = { kind: "user", userId };
  } else {
    const id = (values.session ?? values.link ?? "").trim();
    const flag = values.session !== undefined ? "--session" : "--link";
    if (!TOKEN_ID_PATTERN.test(id)) {
      return usageError(`${flag} must be 8-128 letters, digits, "_" or "-", got "${id}"`);
    }
    target = values.session !== undefined ? { kind: "session", sid: id } : { kind: "link", jti: id };
  }

  if (values.until !== undefined && values.ttl !== undefined)
    return usageError("give --until or --ttl, not both");
  const customer = target.kind === "user";
  let untilEpochSeconds = nowSeconds + (customer ? CUSTOMER_REVOCATION_SECONDS : LONGEST_TOKEN_SECONDS);
  if (values.until !== undefined) {
    const until = values.until.trim();
    if (!/^\d{1,12}$/.test(until))
      return usageError(`--until must be seconds since the epoch, got "${until}"`);
    untilEpochSeconds = Number(until);
    if (untilEpochSeconds <= nowSeconds) {
      return usageError(`--until ${until} is in the past: whatever it would revoke has expired already`);
    }
  } else if (values.ttl !== undefined) {
    const ttlSeconds = parseDurationSeconds(values.ttl);
    if (ttlSeconds === null) {
      return usageError(`--ttl must look like 30m, 12h, 14d or 3600 (seconds), got "${values.ttl}"`);
    }
    untilEpochSeconds = nowSeconds + ttlSeconds;
  }
  // Refused rather than quietly lengthened: the operator asked for a date, and should learn why it
  // cannot be that one. (revokeUser would move it up anyway.)
  if (customer && untilEpochSeconds < nowSeconds + CUSTOMER_REVOCATION_SECONDS) {
    return usageError(
      `a --user revocation must be kept at least ${formatDuration(CUSTOMER_REVOCATION_SECONDS)} (the ` +
        `default): a link issued before it can still sign in, or ask for a new link, for up to that ` +
        `long. Give a longer --ttl or --until, or leave both out.`,
    );
  }
  return {
    kind: "request",
    request: { target, untilEpochSeconds, skipSecretCheck: values["skip-secret-check"] === true },
  };
}

export type RedisUrlResult = { ok: true; url: string } | { ok: false; message: string };

/** The store this command writes to: REDIS_URL, required. */
export function resolveRedisUrl(env: Env): RedisUrlResult {
  const text = env.REDIS_URL?.trim();
  if (!text) {
    return {
      ok: false,
      message:
        "REDIS_URL is not set. Without Redis each portal keeps revocations in its own process, which " +
        "this command cannot reach; set REDIS_URL to the Redis the portal uses (or, with one instance " +
        "and no Redis, rotate NEXTAUTH_SECRET to end every session: a restart alone ends none).",
    };
  }
  const parsed = redisUrlSchema.safeParse(text);
  if (!parsed.success) return { ok: false, message: "REDIS_URL must be a redis:// or rediss:// URL" };
  return { ok: true, url: parsed.data };
}

export type PortalSecretResult = { ok: true; secret: string } | { ok: false; message: string };

/**
 * The portal's NEXTAUTH_SECRET, trimmed as the portal trims it: a customer's revocation is stored under
 * an HMAC of their id keyed with it (lib/store/secret-derived-keys.ts), so with another secret the
 * entry would be written where no portal looks. Required for every target, so the command needs the
 * same environment whatever it revokes.
 */
export function resolvePortalSecret(env: Env): PortalSecretResult {
  const secret = env.NEXTAUTH_SECRET?.trim();
  if (!secret) {
    return {
      ok: false,
      message:
        "NEXTAUTH_SECRET is not set. Set it to the portal's own value: a customer's revocation is " +
        "stored under a name derived from it, which the portal could not find under any other.",
    };
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    return {
      ok: false,
      message: `NEXTAUTH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters, so it is not the portal's (it refuses such secrets).`,
    };
  }
  return { ok: true, secret };
}

export function describeTarget(target: RevokeTarget): string {
  if (target.kind === "user") return `every session of ${target.userId} signed in up to now`;
  if (target.kind === "session") return `session ${target.sid}`;
  return `email link ${target.jti}`;
}

function usageError(message: string): ParsedRevokeArgs {
  return { kind: "usage_error", message };
}
