import { readSandboxConfig } from "./config";
import { createSandbox } from "./server";

/**
 * `npm run sandbox`: the local Sweet Spot API on 127.0.0.1:${SANDBOX_PORT:-4010}.
 * `npm run sandbox -- --rate-limit N` (or SANDBOX_RATE_LIMIT=N) answers 429 above N API calls a second.
 */

const HOST = "127.0.0.1";
/** How long a signal waits for the server to close before the process leaves anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

const rateLimitFlag = process.argv.indexOf("--rate-limit");
const result = readSandboxConfig(
  rateLimitFlag === -1
    ? process.env
    : { ...process.env, SANDBOX_RATE_LIMIT: process.argv[rateLimitFlag + 1] ?? "" },
);
if (!result.ok) {
  console.error(`Sweet Spot sandbox cannot start:\n  ${result.problems.join("\n  ")}`);
  process.exit(1);
}
const { port, apiKey, extraCheckouts, notifyWebhookSecret, rateLimit } = result.config;
const sandbox = createSandbox({
  apiKey,
  extraCheckouts,
  notifyWebhookSecret,
  rateLimit: rateLimit === null ? null : { callsPerSecond: rateLimit },
});

try {
  const url = await sandbox.listen(port, HOST);
  console.log(`Sweet Spot sandbox listening on ${url}`);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`Sweet Spot sandbox cannot listen on ${HOST}:${port}: ${reason}`);
  process.exit(1);
}

function shutDown(): void {
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once("SIGTERM", shutDown);
process.once("SIGINT", shutDown);
