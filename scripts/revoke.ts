/**
 * Ends sessions or email links on every portal instance sharing REDIS_URL:
 *
 *   npm run revoke -- --user usr_123 | --session <sid> | --link <jti> [--until <epoch> | --ttl 14d] [--skip-secret-check]
 *
 * Needs the portal's REDIS_URL and NEXTAUTH_SECRET. Exit codes:
 * 0 done, 1 no usable store or secret (REDIS_URL or NEXTAUTH_SECRET unset, Redis unreachable, a
 * --user under another secret's marker without --skip-secret-check), 2 bad arguments.
 */
import { createRedisStore } from "../lib/store/redis-store";
import { parseRevokeArgs, REVOKE_USAGE, resolvePortalSecret, resolveRedisUrl } from "./lib/revoke-cli";
import { revokeInStore } from "./lib/revoke-run";

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
    return await revokeInStore(store, secret, parsed.request, (line) => console.error(line));
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
