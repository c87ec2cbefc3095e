import { DEFAULT_SANDBOX_PORT, SANDBOX_DEV_API_KEY } from "../lib/config/schema";
import { MAX_SYNTHETIC_CHECKOUTS } from "./synthetic";

/**
 * The sandbox process's settings, read from the environment by main.ts. The defaults come from the
 * portal's configuration module, so both sides agree on where the sandbox is and which key it takes.
 */

type SandboxConfig = {
  port: number;
  apiKey: string;
  extraCheckouts: number;
  /** NOTIFY_WEBHOOK_SECRET, shared with the portal by the launcher, for the outbox; null: the outbox refuses deliveries. */
  notifyWebhookSecret: string | null;
  /** SANDBOX_RATE_LIMIT: API calls per second before the sandbox answers 429 (Retry-After: 1); null: no limit. */
  rateLimit: number | null;
};

export type ConfigResult = { ok: true; config: SandboxConfig } | { ok: false; problems: string[] };

export function readSandboxConfig(env: Record<string, string | undefined>): ConfigResult {
  const problems: string[] = [];
  const port = integerSetting(env, "SANDBOX_PORT", DEFAULT_SANDBOX_PORT, 0, 65_535, problems);
  const extraCheckouts = integerSetting(env, "SANDBOX_CHECKOUTS", 0, 0, MAX_SYNTHETIC_CHECKOUTS, problems);
  const rateLimit = integerSetting(env, "SANDBOX_RATE_LIMIT", 0, 0, 1_000_000, problems);
  const apiKey = env.SWEETSPOT_API_KEY?.trim() || SANDBOX_DEV_API_KEY;
  // Exactly as written, as the portal signs with it.
  const notifyWebhookSecret = env.NOTIFY_WEBHOOK_SECRET || null;
  return problems.length > 0
    ? { ok: false, problems }
    : {
        ok: true,
        config: {
          port,
          apiKey,
          extraCheckouts,
          notifyWebhookSecret,
          rateLimit: rateLimit > 0 ? rateLimit : null,
        },
      };
}

function integerSetting(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(value) || value < min) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  } else if (value > max) {
    problems.push(`${name}=${raw} is more than the sandbox supports; the maximum is ${max}`);
  }
  return value;
}
