/**
 * `npm start` / `npm run dev`: starts the embedded sandbox (unless SWEETSPOT_API_URL points at a
 * real API) and the portal, with one configuration shared by both. This launcher is the one place
 * that chooses sandbox mode (SWEETSPOT_SANDBOX=1): every other start needs SWEETSPOT_API_URL. `npm start` builds first when
 * the production build is missing or older than the sources, then runs Next's standalone server
 * through `start.mjs` (the same entry the Dockerfile runs: it checks the configuration, then loads `server.js`).
 */
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { formatConfigProblems, parsePortalConfig, SANDBOX_DEV_API_KEY } from "../lib/config/schema";
import { listenHost } from "./lib/listen-host";
import { type ManagedProcess, portalIsListening, startNode, waitForHttp } from "./lib/processes";
import { pointWebhookAtSandboxOutbox } from "./lib/sandbox-outbox";
import { ensureSandboxSecrets, SANDBOX_SECRETS_FILE } from "./lib/sandbox-secrets";
import {
  ensureProductionBuild,
  prepareStandalone,
  standaloneServerPath,
  withPortalHeapLimit,
} from "./lib/standalone";

/** How long the portal may take to finish in-flight requests after SIGTERM (Next's docs suggest 10–30 s). */
const PORTAL_DRAIN_MS = 20_000;

const { values: flags } = parseArgs({
  options: { dev: { type: "boolean", default: false }, "no-build": { type: "boolean", default: false } },
});

const require = createRequire(import.meta.url);
// The machines have no outside network, and a portal has no business phoning home.
const childEnv: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
const sandboxMode = !childEnv.SWEETSPOT_API_URL?.trim();

if (sandboxMode) {
  childEnv.SWEETSPOT_SANDBOX = "1";
  childEnv.SWEETSPOT_API_KEY ||= SANDBOX_DEV_API_KEY;
  if (!childEnv.NEXTAUTH_SECRET || !childEnv.PORTAL_LINK_SECRET) {
    const { secrets, created } = ensureSandboxSecrets();
    childEnv.NEXTAUTH_SECRET ||= secrets.NEXTAUTH_SECRET;
    childEnv.PORTAL_LINK_SECRET ||= secrets.PORTAL_LINK_SECRET;
    console.log(
      `[portal] sandbox mode: ${created ? "generated" : "using"} development secrets in ${SANDBOX_SECRETS_FILE}`,
    );
  }
  // "Email me a new link" lands in the sandbox's outbox (/__sandbox/outbox) instead of a mailer.
  pointWebhookAtSandboxOutbox(childEnv);
}

const config = parsePortalConfig(childEnv, () => {
  throw new Error("secrets are provided above");
});
if (!config.ok) {
  console.error(formatConfigProblems(config.problems));
  process.exit(1);
}

const port = childEnv.PORT || "3000";
const host = listenHost(childEnv, sandboxMode);
// Next's standalone server binds to HOSTNAME; containers export their own id there, so say it outright.
const portalEnv: NodeJS.ProcessEnv = {
  ...childEnv,
  PORT: port,
  HOSTNAME: host,
  NODE_OPTIONS: withPortalHeapLimit(childEnv.NODE_OPTIONS),
};
let sandbox: ManagedProcess | undefined;
let portal: ManagedProcess | undefined;
let shuttingDown = false;

/**
 * Stops the portal first, so requests in flight can still reach the sandbox while they finish, then
 * the sandbox. Next's server closes its listener and finishes in-flight requests on SIGTERM.
 */
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    await portal?.stop(PORTAL_DRAIN_MS);
    await sandbox?.stop(5_000);
  }
  process.exit(code);
}

function watch(child: ManagedProcess): ManagedProcess {
  child.exited.then(({ code, signal }) => {
    if (shuttingDown) return;
    console.error(`[portal] ${child.name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    void shutdown(code || 1);
  });
  return child;
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

if (!flags.dev) {
  if (flags["no-build"]) prepareStandalone();
  else if (!ensureProductionBuild(childEnv, (line) => console.log(`[portal] ${line}`))) process.exit(1);
}

try {
  if (sandboxMode) {
    // The sandbox stays on loopback whatever HOST says: only this portal needs to reach it.
    sandbox = watch(startNode("sandbox", [require.resolve("tsx/cli"), "sandbox/main.ts"], { env: childEnv }));
    await waitForHttp(`${config.config.sweetspotApiUrl}/__sandbox/health`, 15_000, sandbox);
  }
  portal = watch(
    flags.dev
      ? startNode(
          "portal",
          [require.resolve("next/dist/bin/next"), "dev", "--port", port, "--hostname", host],
          { env: childEnv },
        )
      : startNode("portal", [standaloneServerPath()], { env: portalEnv }),
  );
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, 60_000, portal, portalIsListening);
} catch (error) {
  console.error(`[portal] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

console.log(`\n  The Sweet Spot order status is ready: http://localhost:${port}`);
if (sandboxMode) {
  console.log("  Running against the embedded sandbox API. Sign in as a demo customer on the sign-in page,");
  // mint-link addresses its links to http://localhost:$PORT: say so when it is not the default.
  const mintPrefix = port === "3000" ? "" : `PORT=${port} `;
  console.log(`  or open an email-style link: ${mintPrefix}npm run mint-link -- --user usr_demo_alex`);
  console.log(`  Emails the portal asks for land in ${config.config.sweetspotApiUrl}/__sandbox/outbox\n`);
} else {
  console.log(`  Running against ${config.config.sweetspotApiUrl}\n`);
}
