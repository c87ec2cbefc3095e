/**
 * The worlds e2e runs in. Every Playwright worker has its own world: a sandbox and a portal on ports of
 * their own (so a spec that breaks the API, advances a checkout or revokes a link changes only its own
 * worker's world) with fixed secrets, so specs can mint links and look for leaks. docs/testing.md.
 */

/** How many workers, and so worlds, the suite runs (E2E_WORKERS; 2 suits the 2-core CI machine). */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 1);

// E2E_PORT_OFFSET lets two checkouts of the repo run their suites side by side: each world takes
// WORLD_PORT_STRIDE ports from 3100 + offset and from 4110 + offset, so offsets 10 apart never meet.
const portOffset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const WORLD_PORT_STRIDE = 5;

/**
 * Playwright numbers each running worker 0..workers-1 in TEST_PARALLEL_INDEX (a worker that replaces a
 * failed one keeps the number): the world this process's specs talk to. The config's process has none.
 */
export const E2E_WORLD = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
if (E2E_WORLD >= E2E_WORKERS) {
  throw new Error(`e2e worker ${E2E_WORLD} has no world: set E2E_WORKERS=<n> rather than --workers=<n>`);
}

/**
 * A world's ports: its portal and sandbox, and beside them the ports its specs start their own
 * processes on (a second instance, a standalone server, `npm start`'s launcher and its sandbox).
 */
export function worldPorts(world: number) {
  const portal = 3100 + portOffset + world * WORLD_PORT_STRIDE;
  const sandbox = 4110 + portOffset + world * WORLD_PORT_STRIDE;
  return {
    portal,
    sandbox,
    secondInstance: portal + 1,
    standalone: portal + 2,
    launcher: portal + 3,
    launcherSandbox: sandbox + 1,
  } as const;
}

export const E2E_SECRETS = {
  SWEETSPOT_API_KEY: "sk_e2e_api_key_do_not_leak_4f1c9a",
  NEXTAUTH_SECRET: "e2e-nextauth-secret-do-not-leak-0123456789abcdef",
  PORTAL_LINK_SECRET: "e2e-link-secret-do-not-leak-fedcba9876543210xyz",
} as const;

/** The environment a world's portal and sandbox run with (started by playwright.config.ts). */
export function worldEnv(world: number): Record<string, string> {
  const ports = worldPorts(world);
  const portalUrl = `http://127.0.0.1:${ports.portal}`;
  return {
    PORT: String(ports.portal),
    SANDBOX_PORT: String(ports.sandbox),
    SWEETSPOT_TIMEOUT_MS: "1500",
    // Specs break the API many times in a row and expect the portal back the moment it is: a breaker
    // opening after 5 failures would fail the next spec's first requests for its cool-down. The breaker
    // has its unit tests (lib/sweetspot/breaker.test.ts); e2e/last-known-good.spec.ts reads its state.
    SWEETSPOT_BREAKER_FAILURES: "25",
    SWEETSPOT_BREAKER_COOLDOWN_MS: "2000",
    // A spec's pages come faster than customers': the default budget could defer them. The budget
    // stays on (counted, never reached): its behaviour has unit tests (lib/sweetspot/budget.test.ts).
    SWEETSPOT_API_BUDGET: "5000",
    NEXTAUTH_URL: portalUrl,
    ...E2E_SECRETS,
    // The sandbox's own OpenID Connect issuer (sandbox/oidc.ts), so OIDC sign-in runs end to end.
    OIDC_ISSUER: `http://127.0.0.1:${ports.sandbox}/__sandbox/oidc`,
    OIDC_CLIENT_ID: "checkout-portal",
    OIDC_CLIENT_SECRET: "sandbox-oidc-client-secret",
  };
}

/** This worker's world. */
export const E2E_PORTS = worldPorts(E2E_WORLD);
export const E2E_PORTAL_URL = `http://127.0.0.1:${E2E_PORTS.portal}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_PORTS.sandbox}`;
export const E2E_ENV: Record<string, string> = worldEnv(E2E_WORLD);
