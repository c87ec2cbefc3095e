import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type ManagedProcess, startNode, waitForHttp } from "../lib/processes";
import { standaloneServerPath, withPortalHeapLimit } from "../lib/standalone";
import type { ServerUnderLoad } from "./load";
import { waitUntilIdle } from "./proc";
import { sandboxControl } from "./sandbox-control";

const require = createRequire(import.meta.url);
const LOG_FOLDER = join(process.cwd(), "bench-results");

/** A sandbox and a production portal pointed at it, on loopback, with secrets made for this run. */
export type Stack = {
  portalUrl: string;
  sandboxUrl: string;
  apiKey: string;
  linkSecret: string;
  portal: ManagedProcess;
  sandbox: ManagedProcess;
  /** Where both processes' output goes. */
  logFile: string;
  /** The portal, for load runs: idle means no CPU use and no request waiting on the sandbox. */
  server: ServerUnderLoad;
  stop(): Promise<void>;
};

type StackOptions = {
  portalPort: number;
  sandboxPort: number;
  /** SANDBOX_CHECKOUTS for the sandbox. */
  extraCheckouts?: number;
  /** Extra environment for the portal only. */
  portalEnv?: Record<string, string>;
  /** Node options for the portal process (e.g. --cpu-prof while investigating). */
  portalNodeArgs?: string[];
};

export async function startStack(options: StackOptions): Promise<Stack> {
  const apiKey = `sk_bench_${randomBytes(8).toString("hex")}`;
  const linkSecret = randomBytes(32).toString("base64url");
  const sandboxUrl = `http://127.0.0.1:${options.sandboxPort}`;
  const portalUrl = `http://127.0.0.1:${options.portalPort}`;
  const common = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SWEETSPOT_API_KEY: apiKey };
  // The processes' output would drown the tables (the fault run makes the portal log errors on
  // purpose): it goes to a file beside the figures.
  mkdirSync(LOG_FOLDER, { recursive: true });
  const logFile = join(LOG_FOLDER, `processes-${options.portalPort}.log`);
  const log = openSync(logFile, "w");
  const stdio = ["ignore", log, log] as const;

  const sandbox = startNode("sandbox", [require.resolve("tsx/cli"), "sandbox/main.ts"], {
    env: {
      ...common,
      SANDBOX_PORT: String(options.sandboxPort),
      SANDBOX_CHECKOUTS: String(options.extraCheckouts ?? 0),
    },
    stdio: [...stdio],
  });
  let stopping: Promise<void> | undefined;
  const stopBoth = () => {
    stopping ??= (async () => {
      await portal?.stop(10_000);
      await sandbox.stop(5_000);
      closeSync(log);
    })();
    return stopping;
  };
  let portal: ManagedProcess | undefined;
  try {
    await waitForHttp(`${sandboxUrl}/__sandbox/health`, 60_000, sandbox);
    portal = startNode("portal", [...(options.portalNodeArgs ?? []), standaloneServerPath()], {
      env: {
        ...common,
        NODE_ENV: "production",
        PORT: String(options.portalPort),
        HOSTNAME: "127.0.0.1",
        NODE_OPTIONS: withPortalHeapLimit(process.env.NODE_OPTIONS),
        // Sandbox mode, as `npm start` runs it: the portal finds the sandbox by its port.
        SWEETSPOT_SANDBOX: "1",
        SANDBOX_PORT: String(options.sandboxPort),
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        PORTAL_LINK_SECRET: linkSecret,
        ...options.portalEnv,
      },
      stdio: [...stdio],
    });
    await waitForHttp(`${portalUrl}/api/health`, 60_000, portal);
  } catch (error) {
    await stopBoth();
    throw error;
  }
  const started = portal;
  const pid = started.child.pid ?? 0;
  const control = sandboxControl(sandboxUrl);
  const server: ServerUnderLoad = { pid, waitUntilIdle: () => waitUntilIdle(pid, () => control.busy()) };
  return {
    portalUrl,
    sandboxUrl,
    apiKey,
    linkSecret,
    portal: started,
    sandbox,
    logFile,
    server,
    stop: stopBoth,
  };
}
