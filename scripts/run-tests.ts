/**
 * `npm test`: every check CI runs, in order (lint, typecheck, unit, build, browser), stopping at the
 * first that fails, then how long each took, so a slow step shows in the log (docs/testing.md).
 */
import { spawnSync } from "node:child_process";
import { formatStepTimes, type TimedStep } from "./lib/step-timing";

type Step = { name: string; script: string; env?: Record<string, string> };

const STEPS: readonly Step[] = [
  { name: "lint", script: "lint" },
  { name: "typecheck", script: "typecheck" },
  { name: "unit", script: "test:unit" },
  // The typecheck step has checked the app: the build need not check it again (next.config.mjs).
  { name: "build", script: "build", env: { PORTAL_TYPES_CHECKED: "1" } },
  { name: "browser", script: "test:e2e" },
];

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const done: TimedStep[] = [];
for (const step of STEPS) {
  const started = performance.now();
  const result = spawnSync(npm, ["run", step.script], {
    stdio: "inherit",
    env: { ...process.env, ...step.env },
  });
  const ok = result.status === 0;
  done.push({ name: step.name, milliseconds: performance.now() - started, ok });
  if (!ok) break;
}

console.log("\n[test] time per step:");
for (const line of formatStepTimes(done)) console.log(`[test]   ${line}`);
process.exit(done.every((step) => step.ok) ? 0 : 1);
