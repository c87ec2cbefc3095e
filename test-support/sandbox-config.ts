import { type PortalConfig, parsePortalConfig } from "@/lib/config/schema";

/** A valid sandbox-mode configuration for route tests, with `env` on top (e.g. a known link secret). */
export function sandboxConfig(env: Record<string, string> = {}): PortalConfig {
  const parsed = parsePortalConfig(
    { SWEETSPOT_SANDBOX: "1", ...env },
    () => "generated-secret-0123456789abcdefghijkl",
  );
  if (!parsed.ok) throw new Error(`test configuration is invalid: ${parsed.problems.join("; ")}`);
  return parsed.config;
}
