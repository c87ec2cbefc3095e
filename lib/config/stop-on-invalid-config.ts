import { formatConfigProblems, parsePortalConfig } from "./schema";

/** Stops the process when the configuration is invalid. Node runtime only (see instrumentation.ts). */
export function stopOnInvalidConfig(): void {
  // Secrets generated here are thrown away: this only checks that the configuration is usable.
  const result = parsePortalConfig(process.env, () => "validation-only-placeholder-secret-value");
  if (!result.ok) {
    console.error(formatConfigProblems(result.problems));
    process.exit(1);
  }
}
