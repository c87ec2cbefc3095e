import "server-only";
import { randomBytes } from "node:crypto";
import { formatConfigProblems, type PortalConfig, parsePortalConfig } from "./config/schema";

class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

let cached: PortalConfig | undefined;

/** The validated configuration, read from the environment once per process. */
export function env(): PortalConfig {
  if (cached) return cached;
  const result = parsePortalConfig(process.env, () => randomBytes(32).toString("base64url"));
  if (!result.ok) throw new ConfigurationError(formatConfigProblems(result.problems));
  if (result.config.generatedSecrets.length > 0) {
    console.warn(
      `[config] sandbox mode: generated ${result.config.generatedSecrets.join(", ")} for this process; ` +
        "sessions and links end when it restarts. Set them to keep them.",
    );
  }
  cached = result.config;
  return cached;
}
