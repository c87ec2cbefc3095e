import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * In sandbox mode the launcher generates the auth and link secrets once and keeps them in a
 * git-ignored file, so sessions survive a restart and `npm run mint-link` can sign links the
 * running portal accepts. Against a real API the secrets must come from the environment.
 */
export const SANDBOX_SECRETS_FILE = join(process.cwd(), ".portal", "sandbox-secrets.json");

export type SandboxSecrets = { NEXTAUTH_SECRET: string; PORTAL_LINK_SECRET: string };

export function readSandboxSecrets(file = SANDBOX_SECRETS_FILE): SandboxSecrets | null {
  if (!existsSync(file)) return null;
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (
    typeof parsed === "object" &&
    parsed !== null &&
    "NEXTAUTH_SECRET" in parsed &&
    "PORTAL_LINK_SECRET" in parsed &&
    typeof parsed.NEXTAUTH_SECRET === "string" &&
    typeof parsed.PORTAL_LINK_SECRET === "string"
  ) {
    return { NEXTAUTH_SECRET: parsed.NEXTAUTH_SECRET, PORTAL_LINK_SECRET: parsed.PORTAL_LINK_SECRET };
  }
  return null;
}

/** Returns the stored secrets, creating them on first use. */
export function ensureSandboxSecrets(file = SANDBOX_SECRETS_FILE): {
  secrets: SandboxSecrets;
  created: boolean;
} {
  const existing = readSandboxSecrets(file);
  if (existing) return { secrets: existing, created: false };
  const secrets: SandboxSecrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    PORTAL_LINK_SECRET: randomBytes(32).toString("base64url"),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secrets, created: true };
}
