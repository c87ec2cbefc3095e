import { createRequire } from "node:module";
import { createServer } from "node:net";
import {
  type ManagedProcess,
  type ProcessExit,
  portalIsListening,
  type StartOptions,
  startNode,
  waitForHttp,
} from "../../scripts/lib/processes";
import { standaloneServerPath, withPortalHeapLimit } from "../../scripts/lib/standalone";
import { E2E_ENV, E2E_PORTS, E2E_SANDBOX_URL } from "./environment";

/**
 * Extra portal processes that specs start themselves (a second instance, a server to stop), on
 * ports beside the suite's own. Their upstream log lines are dropped; their errors show.
 */

const require = createRequire(import.meta.url);

/** Ports for specs' own processes, beside this worker's portal and sandbox (e2e/support/environment.ts). */
export const EXTRA_PORTS = {
  secondInstance: E2E_PORTS.secondInstance,
  standalone: E2E_PORTS.standalone,
  launcher: E2E_PORTS.launcher,
  launcherSandbox: E2E_PORTS.launcherSandbox,
} as const;

/**
 * Every process started here, until it exits. A spec that times out while a server starts never gets
 * the handle to stop it: the worker's exit stops it instead, so it cannot hold its port for the
 * next spec in this world (which would then talk to the leftover and not to its own server).
 */
const running = new Set<ManagedProcess>();
// SIGTERM, not SIGKILL: `npm start`'s launcher then stops its own sandbox and portal too.
process.once("exit", () => {
  for (const server of running) server.child.kill("SIGTERM");
});

/** `startNode` on a port of this world's, refusing a port still held (by a leftover) outright. */
async function startOnFreePort(
  port: number,
  name: string,
  args: readonly string[],
  options: StartOptions,
): Promise<ManagedProcess> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`${name}: port ${port} is still in use by another process`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
  const server = startNode(name, args, options);
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

export type RunningServer = {
  url: string;
  process: ManagedProcess;
  /** What the process printed so far (standalone servers only; its errors also show in the test output). */
  output?: () => string;
};

/**
 * Next's standalone server (what the Dockerfile runs) with the suite's environment, reading the
 * suite's sandbox through SWEETSPOT_API_URL, the way a deployment reads the real API.
 */
export async function startStandalonePortal(
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const server = await startOnFreePort(port, "standalone portal", [standaloneServerPath()], {
    env: {
      ...process.env,
      ...E2E_ENV,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NODE_OPTIONS: withPortalHeapLimit(process.env.NODE_OPTIONS),
      SWEETSPOT_API_URL: E2E_SANDBOX_URL,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(server, { echoErrors: true });
  await waitForHttp(`${url}/api/health`, 60_000, server, portalIsListening).catch(async (error: unknown) => {
    await server.stop(2_000);
    throw error;
  });
  return { url, process: server, output };
}

/** `npm start`'s launcher (its own sandbox and portal), without building. */
export async function startLauncher(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${EXTRA_PORTS.launcher}`;
  const launcher = await startOnFreePort(
    EXTRA_PORTS.launcher,
    "launcher",
    [require.resolve("tsx/cli"), "scripts/run-portal.ts", "--no-build"],
    {
      env: {
        ...process.env,
        ...E2E_ENV,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(EXTRA_PORTS.launcher),
        SANDBOX_PORT: String(EXTRA_PORTS.launcherSandbox),
        NEXTAUTH_URL: url,
        ...extraEnv,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await waitForHttp(`${url}/api/health`, 60_000, launcher, portalIsListening).catch(
    async (error: unknown) => {
      await launcher.stop(5_000);
      throw error;
    },
  );
  return { url, process: launcher };
}

export type FinishedServer = { exit: ProcessExit; output: string };

/**
 * Next's standalone server started with only `env` (plus what Node needs), expected to refuse to
 * start: resolves with its exit and everything it printed. Stops it after `timeoutMs` if it keeps running.
 */
export async function runStandalonePortalToExit(
  port: number,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<FinishedServer> {
  const server = await startOnFreePort(port, "standalone portal", [standaloneServerPath()], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NODE_OPTIONS: withPortalHeapLimit(process.env.NODE_OPTIONS),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(server, { echoErrors: false });
  const timer = setTimeout(() => void server.stop(2_000), timeoutMs);
  const exit = await server.exited;
  clearTimeout(timer);
  return { exit, output: output() };
}

/** Everything a process prints, kept for assertions; its errors also go to the test output when asked. */
function collectOutput(server: ManagedProcess, { echoErrors }: { echoErrors: boolean }): () => string {
  let output = "";
  server.child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (echoErrors) process.stderr.write(chunk);
  });
  return () => output;
}
