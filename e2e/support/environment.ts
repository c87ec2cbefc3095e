/**
 * The environment e2e runs the portal and sandbox with: own ports (so a developer's `npm start`
 * can keep running) and fixed secrets, so specs can mint links and look for leaks.
 */
// E2E_PORT_OFFSET lets two checkouts of the repo run their suites side by side.
const portOffset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_PORTAL_PORT = 3100 + portOffset;
export const E2E_SANDBOX_PORT = 4110 + portOffset;
export const E2E_PORTAL_URL = `http://127.0.0.1:${E2E_PORTAL_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;

export const E2E_SECRETS = {
  SWEETSPOT_API_KEY: "sk_e2e_api_key_do_not_leak_4f1c9a",
  NEXTAUTH_SECRET: "e2e-nextauth-secret-do-not-leak-0123456789abcdef",
  PORTAL_LINK_SECRET: "e2e-link-secret-do-not-leak-fedcba9876543210xyz",
} as const;

/** The sandbox's own OpenID Connect issuer (sandbox/oidc.ts), so OIDC sign-in runs end to end. */
export const E2E_OIDC = {
  OIDC_ISSUER: `${E2E_SANDBOX_URL}/__sandbox/oidc`,
  OIDC_CLIENT_ID: "checkout-portal",
  OIDC_CLIENT_SECRET: "sandbox-oidc-client-secret",
} as const;

export const E2E_ENV: Record<string, string> = {
  PORT: String(E2E_PORTAL_PORT),
  SANDBOX_PORT: String(E2E_SANDBOX_PORT),
  SWEETSPOT_TIMEOUT_MS: "1500",
  // Specs break the API many times in a row and expect the portal back the moment it is: a breaker
  // opening after 5 failures would fail the next spec's first requests for its cool-down. The breaker
  // has its unit tests (lib/sweetspot/breaker.test.ts); e2e/last-known-good.spec.ts reads its state.
  SWEETSPOT_BREAKER_FAILURES: "25",
  SWEETSPOT_BREAKER_COOLDOWN_MS: "2000",
  // Parallel workers share one portal: the default budget could defer their page views. The budget
  // stays on (counted, never reached): its behaviour has unit tests (lib/sweetspot/budget.test.ts).
  SWEETSPOT_API_BUDGET: "5000",
  NEXTAUTH_URL: E2E_PORTAL_URL,
  ...E2E_SECRETS,
  ...E2E_OIDC,
};
