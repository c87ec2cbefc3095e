import { afterAll, vi } from "vitest";

/*
 * The unit tests share their worker processes (vitest's `isolate: false`): importing next, zod and
 * jose once per worker instead of once per file takes the step from about 90 s to about 30 s on two
 * cores. What isolation gave each file is given back here:
 * - the project's own modules are evaluated afresh for every file, so their module-level state (the
 *   memoised configuration, budgets, limiters) starts empty;
 * - the singletons lib/ keeps on globalThis (`__portal…`, so that dev-mode reloads keep one Redis
 *   connection) are closed and dropped after each file;
 * - the environment, stubbed globals and spies a file changed are put back after it.
 */
vi.resetModules();
const environmentAtStart = { ...process.env };

type Closable = { close?: () => Promise<void> | void };

afterAll(async () => {
  const holder = globalThis as unknown as Record<string, Closable | undefined>;
  for (const name of Object.keys(holder).filter((key) => key.startsWith("__portal"))) {
    await holder[name]?.close?.();
    delete holder[name];
  }
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const name of Object.keys(process.env)) {
    if (!(name in environmentAtStart)) delete process.env[name];
  }
  Object.assign(process.env, environmentAtStart);
});
