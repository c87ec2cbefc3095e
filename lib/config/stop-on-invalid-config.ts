import { formatConfigProblems, type PortalConfig, parsePortalConfig } from "./schema";

/**
 * Stops the process when the configuration is invalid, naming every problem in one message (before
 * the server listens). Node runtime only (see instrumentation.ts).
 */
export function stopOnInvalidConfig(): PortalConfig {
  // Secrets generated here are thrown away: this only checks that the configuration is usable.
  const result = parsePortalConfig(process.env, () => "validation-only-placeholder-secret-value");
  if (!result.ok) {
    console.error(formatConfigProblems(result.problems));
    process.exit(1);
  }
  return result.config;
}
