import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";

/** A child process the launcher, the bench or a test started and will stop again. */
export type ManagedProcess = {
  name: string;
  child: ChildProcess;
  /** Settles once, when the process has exited (never rejects). */
  exited: Promise<ProcessExit>;
  /** SIGTERM, then SIGKILL if it is still running after `graceMs`. */
  stop(graceMs?: number): Promise<ProcessExit>;
};

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

export type StartOptions = {
  env: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  cwd?: string;
};

/** Runs `node <args>` with the same Node binary as the caller. */
export function startNode(name: string, args: readonly string[], options: StartOptions): ManagedProcess {
  const child = spawn(process.execPath, [...args], {
    env: options.env,
    stdio: options.stdio ?? "inherit",
    cwd: options.cwd,
  });
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    // A process that cannot be spawned at all never emits "exit".
    child.once("error", () => resolve({ code: null, signal: null }));
  });
  let stopping: Promise<ProcessExit> | undefined;
  return {
    name,
    child,
    exited,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return exited;
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
        const exit = await exited;
        clearTimeout(timer);
        return exit;
      })();
      return stopping;
    },
  };
}

/** Resolves once `url` answers 2xx; rejects after `timeoutMs` or as soon as `server` exits. */
/**
 * /api/health answers 503 while the API is down or refuses the key: the portal is up and serving
 * its error pages, so a launcher waiting for it to listen takes that answer too.
 */
export const portalIsListening = (status: number) => status === 200 || status === 503;

export async function waitForHttp(
  url: string,
  timeoutMs: number,
  server?: ManagedProcess,
  isReady: (status: number) => boolean = (status) => status >= 200 && status < 300,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  server?.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${server?.name ?? "the process"} exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (isReady(response.status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
