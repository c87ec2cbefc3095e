import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_ENV, E2E_PORTAL_URL } from "./e2e/support/environment";

/**
 * e2e runs against a production build of the portal and its own sandbox on separate ports,
 * started by `webServer` through the same launcher as `npm start`.
 * The browser is Debian's chromium (CHROMIUM_PATH to override); Playwright's own download is
 * not available on these machines.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveSystemChromium = existsSync(chromiumPath);
if (!haveSystemChromium) {
  console.warn(
    `[e2e] No browser at ${chromiumPath}. Install Debian's chromium (sudo apt-get install -y chromium) ` +
      "or set CHROMIUM_PATH; falling back to Playwright's own browser if one is installed.",
  );
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "reports/e2e-results.json" }]] : "list",
  use: {
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
  webServer: {
    command: "node ./node_modules/tsx/dist/cli.mjs scripts/run-portal.ts",
    url: `${E2E_PORTAL_URL}/api/health`,
    env: E2E_ENV,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    // The portal logs one line per upstream call; only its errors belong in the test output.
    stdout: "ignore",
    stderr: "pipe",
  },
});
