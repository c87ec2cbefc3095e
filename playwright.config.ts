import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORTAL_URL, E2E_WORKERS, worldEnv, worldPorts } from "./e2e/support/environment";

/**
 * e2e runs against a production build of the portal. Each worker has its own world: a portal and its
 * own sandbox on ports of their own, started by `webServer` through the same launcher as `npm start`,
 * so spec files run side by side without seeing each other's faults, advanced checkouts or
 * revocations (docs/testing.md). A worker's specs find their world through e2e/support/environment.ts.
 *
 * The browser is Debian's Chromium (Playwright's own download is not available on these machines), in
 * its headless-shell build when installed: the same engine without the browser's own interface, which
 * is what Playwright itself runs headless. A test's new context and first pages cost the full browser
 * about 2.5 times the CPU (it starts the interface's own renderers for every window), and the suite is
 * CPU-bound on two cores. CHROMIUM_PATH=/usr/bin/chromium runs the suite in the full browser.
 */
const DEBIAN_BROWSERS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
const chromiumPath =
  process.env.CHROMIUM_PATH ?? DEBIAN_BROWSERS.find((path) => existsSync(path)) ?? "/usr/bin/chromium";
const haveSystemChromium = existsSync(chromiumPath);
if (!haveSystemChromium) {
  console.warn(
    `[e2e] No browser at ${chromiumPath}. Install Debian's headless Chromium ` +
      "(sudo apt-get install -y chromium-headless-shell) or set CHROMIUM_PATH; falling back to " +
      "Playwright's own browser if one is installed.",
  );
}

export default defineConfig({
  testDir: "e2e",
  // Files run in parallel, one worker each; a file's tests run in order in one world.
  fullyParallel: false,
  workers: E2E_WORKERS,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "reports/e2e-results.json" }]] : "list",
  use: {
    // Evaluated in each worker: its own world's portal.
    baseURL: E2E_PORTAL_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(haveSystemChromium ? { executablePath: chromiumPath } : {}),
          // The machines have no outside network: keep chromium from trying to reach it.
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  // One world per worker, started one after another (the first builds if the build is stale).
  webServer: Array.from({ length: E2E_WORKERS }, (_, world) => ({
    name: `world ${world}`,
    command: "node ./node_modules/tsx/dist/cli.mjs scripts/run-portal.ts",
    url: `http://127.0.0.1:${worldPorts(world).portal}/api/health`,
    env: worldEnv(world),
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    // The portal logs one line per upstream call; only its errors belong in the test output.
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
