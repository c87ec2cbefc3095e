/**
 * `npm start` / `npm run dev`: starts the embedded sandbox (unless SWEETSPOT_API_URL points at a
 * real API) and the portal, with one configuration shared by both. `npm start` builds first when
 * the production build is missing or older than the sources.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { formatConfigProblems, parsePortalConfig, SANDBOX_DEV_API_KEY } from "../lib/config/schema";
import { isBuildFresh } from "./lib/build-freshness";
import { ensureSandboxSecrets, SANDBOX_SECRETS_FILE } from "./lib/sandbox-secrets";

const { values: flags } = parseArgs({
  options: { dev: { type: "boolean", default: false }, "no-build": { type: "boolean", default: false } },
});

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
// The machines have no outside network, and a portal has no business phoning home.
const childEnv: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
const sandboxMode = !childEnv.SWEETSPOT_API_URL?.trim();

if (sandboxMode) {
  childEnv.SWEETSPOT_API_KEY ||= SANDBOX_DEV_API_KEY;
  if (!childEnv.NEXTAUTH_SECRET || !childEnv.PORTAL_LINK_SECRET) {
    const { secrets, created } = ensureSandboxSecrets();
    childEnv.NEXTAUTH_SECRET ||= secrets.NEXTAUTH_SECRET;
    childEnv.PORTAL_LINK_SECRET ||= secrets.PORTAL_LINK_SECRET;
    console.log(
      `[portal] sandbox mode: ${created ? "generated" : "using"} development secrets in ${SANDBOX_SECRETS_FILE}`,
    );
  }
}

const config = parsePortalConfig(childEnv, () => {
  throw new Error("secrets are provided above");
});
if (!config.ok) {
  console.error(formatConfigProblems(config.problems));
  process.exit(1);
}

const port = childEnv.PORT || "3000";
const children: ChildProcess[] = [];
let shuttingDown = false;

function shutdown(code: number): void {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((child) => new Promise((resolve) => child.once("exit", resolve)))).then(() =>
    process.exit(code),
  );
}

function start(name: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, args, { env: childEnv, stdio: "inherit" });
  children.push(child);
  child.once("exit", (code, signal) => {
    if (shuttingDown) return;
    console.error(`[portal] ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    shutdown(code || 1);
  });
  return child;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

if (!flags.dev && !flags["no-build"] && !isBuildFresh()) {
  console.log("[portal] building the production bundle (next build)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { env: childEnv, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (sandboxMode) {
  const tsx = require.resolve("tsx/cli");
  start("sandbox", [tsx, "sandbox/main.ts"]);
  await waitForHttp(`${config.config.sweetspotApiUrl}/__sandbox/health`, 15_000);
}

start("portal", [nextBin, flags.dev ? "dev" : "start", "--port", port]);
await waitForHttp(`http://127.0.0.1:${port}/api/health`, 60_000).catch((error: unknown) => {
  console.error(`[portal] ${error instanceof Error ? error.message : String(error)}`);
  shutdown(1);
});

if (!shuttingDown) {
  console.log(`\n  The Sweet Spot order status is ready: http://localhost:${port}`);
  if (sandboxMode) {
    console.log(
      "  Running against the embedded sandbox API. Sign in as a demo customer on the sign-in page,",
    );
    console.log("  or open an email-style link: npm run mint-link -- --user usr_demo_alex\n");
  } else {
    console.log(`  Running against ${config.config.sweetspotApiUrl}\n`);
  }
}
