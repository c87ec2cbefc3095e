import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { isBuildFresh } from "./build-freshness";

/**
 * The production server is Next's standalone output (`output: "standalone"`): `.next/standalone/server.js`
 * with only the files it needs. Next leaves the browser assets out (a CDN could serve them); copying
 * `.next/static` and `public` beside it, as the Next docs describe, lets the server serve them itself.
 * Beside it goes `start.mjs`, the entry that refuses a bad configuration before the server listens
 * (scripts/standalone-start.ts).
 */

const require = createRequire(import.meta.url);

const START_SOURCE = fileURLToPath(new URL("../standalone-start.ts", import.meta.url));

/** What a production start runs: `start.mjs`, which checks the configuration, then loads `server.js`. */
export function standaloneServerPath(root = process.cwd()): string {
  return join(root, ".next", "standalone", "start.mjs");
}

/**
 * Copies the browser assets of the current build next to the standalone server and bundles
 * `start.mjs` there (plain JavaScript with zod inside: the runtime image has no TypeScript), once per build.
 */
export function prepareStandalone(root = process.cwd()): void {
  const standalone = join(root, ".next", "standalone");
  const buildId = readFileSync(join(root, ".next", "BUILD_ID"), "utf8");
  const marker = join(standalone, ".next", "static-copied-for");
  const start = standaloneServerPath(root);
  if (existsSync(marker) && readFileSync(marker, "utf8") === buildId && existsSync(start)) return;

  buildSync({
    entryPoints: [START_SOURCE],
    outfile: start,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });

  const staticTarget = join(standalone, ".next", "static");
  rmSync(staticTarget, { recursive: true, force: true });
  cpSync(join(root, ".next", "static"), staticTarget, { recursive: true });
  if (existsSync(join(root, "public"))) {
    cpSync(join(root, "public"), join(standalone, "public"), { recursive: true });
  }
  writeFileSync(marker, buildId);
}

/**
 * Runs `next build` when the build is missing or older than the sources, then readies the
 * standalone server. Returns false when the build failed (its output has been shown).
 */
export function ensureProductionBuild(env: NodeJS.ProcessEnv, log: (line: string) => void): boolean {
  if (!isBuildFresh() || !existsSync(standaloneServerPath())) {
    log("building the production bundle (next build)…");
    const nextBin = require.resolve("next/dist/bin/next");
    const build = spawnSync(process.execPath, [nextBin, "build"], { env, stdio: "inherit" });
    if (build.status !== 0) return false;
  }
  prepareStandalone();
  return true;
}

/**
 * V8 sizes its heap limit from the machine's memory (gigabytes here) and grows lazily towards it,
 * so under load the portal's RSS climbs past 600 MB although what a request keeps alive is small.
 * A fixed old-space limit keeps it near 250 MB at no measurable CPU cost (`npm run bench`). The
 * Dockerfile sets the same; NODE_OPTIONS that already name a limit win.
 */
export const PORTAL_HEAP_LIMIT_MB = 192;

export function withPortalHeapLimit(nodeOptions: string | undefined): string {
  if (nodeOptions?.includes("--max-old-space-size")) return nodeOptions;
  return [nodeOptions, `--max-old-space-size=${PORTAL_HEAP_LIMIT_MB}`].filter(Boolean).join(" ");
}
