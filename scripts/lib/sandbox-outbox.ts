import { randomBytes } from "node:crypto";
import { DEFAULT_SANDBOX_PORT } from "../../lib/config/schema";

/**
 * In sandbox mode, "Email me a new link" goes to the sandbox's outbox (sandbox/outbox.ts) unless
 * NOTIFY_WEBHOOK_URL names another receiver. Portal and sandbox get the same secret through the
 * environment; a fresh one per start is enough, since the outbox forgets everything on restart.
 */
export function pointWebhookAtSandboxOutbox(
  env: Record<string, string | undefined>,
  generateSecret: () => string = () => randomBytes(32).toString("base64url"),
): void {
  if (env.NOTIFY_WEBHOOK_URL?.trim()) return;
  const port = env.SANDBOX_PORT?.trim() || String(DEFAULT_SANDBOX_PORT);
  env.NOTIFY_WEBHOOK_URL = `http://127.0.0.1:${port}/__sandbox/outbox`;
  env.NOTIFY_WEBHOOK_SECRET ||= generateSecret();
}
