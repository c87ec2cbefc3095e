/**
 * Ends sessions or email links on every portal instance sharing REDIS_URL:
 *
 *   npm run revoke -- --user usr_123 | --session <sid> | --link <jti> [--until <epoch> | --ttl 14d]
 *
 * Needs the portal's REDIS_URL and NEXTAUTH_SECRET. Exit codes: 0 revoked, 1 no usable store or
 * secret (REDIS_URL or NEXTAUTH_SECRET unset, Redis unreachable), 2 bad arguments.
 */
import { createRevocations } from "../lib/auth/revocations";
import { createLastKnownGood } from "../lib/store/last-known-good";
import { createRedisStore } from "../lib/store/redis-store";
import { StoreUnavailableError } from "../lib/store/shared-store";
import {
  describeTarget,
  parseRevokeArgs,
  REVOKE_USAGE,
  resolvePortalSecret,
  resolveRedisUrl,
} from "./lib/revoke-cli";

// A person is waiting, not a page: give Redis longer than the portal's fail-fast timeout.
const COMMAND_TIMEOUT_MS = 5_000;

async function main(): Promise<number> {
  const parsed = parseRevokeArgs(process.argv.slice(2), Math.floor(Date.now() / 1000));
  if (parsed.kind === "help") {
    console.log(REVOKE_USAGE);
    return 0;
  }
  if (parsed.kind === "usage_error") {
    console.error(`revoke: ${parsed.message}\n\n${REVOKE_USAGE}`);
    return 2;
  }
  const redis = resolveRedisUrl(process.env);
  if (!redis.ok) {
    console.error(`revoke: ${redis.message}`);
    return 1;
  }
  const portalSecret = resolvePortalSecret(process.env);
  if (!portalSecret.ok) {
    console.error(`revoke: ${portalSecret.message}`);
    return 1;
  }
  const { secret } = portalSecret;

  const store = createRedisStore({ url: redis.url, commandTimeoutMs: COMMAND_TIMEOUT_MS });
  try {
    const revocations = createRevocations(store, secret);
    const { target, untilEpochSeconds } = parsed.request;
    if (target.kind === "user") await revocations.revokeUser(target.userId, untilEpochSeconds);
    if (target.kind === "session") await revocations.revokeSession(target.sid, untilEpochSeconds);
    if (target.kind === "link") await revocations.revokeLink(target.jti, untilEpochSeconds);
    console.error(
      `Revoked ${describeTarget(target)} in ${store.description}, kept until ` +
        `${new Date(untilEpochSeconds * 1000).toISOString()}.`,
    );

    if (target.kind === "user") {
      if (await createLastKnownGood(store, secret).forgetCustomer(target.userId)) {
        console.error("Their saved views (last known good) are deleted too.");
      } else {
        console.error("Their saved views could not be deleted now; they expire within 24 h.");
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    console.error(`revoke: nothing was revoked: ${error.message}`);
    return 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
