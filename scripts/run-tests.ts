/**
 * `npm test`: every check CI runs (lint, typecheck, unit, build, browser), stopping after the first
 * stage that fails, then how long each step took, so a slow step shows in the log (docs/testing.md).
 *
 * Typecheck and unit tests need nothing from each other, so they run side by side: on two cores the
 * single-threaded type checker leaves room for the unit tests. Each one's output is held and printed
 * whole when it ends, so the log reads one step at a time. The build comes after, alone: `next build`
 * empties .next, where `next typegen` has just written the route types the type checker reads. The
 * browser tests need the build and run last.
 */
import { spawn } from "node:child_process";
import { formatStepTimes, type TimedStep } from "./lib/step-timing";

type Step = { name: string; script: string; env?: Record<string, string> };

const STAGES: readonly (readonly Step[])[] = [
  [{ name: "lint", script: "lint" }],
  [
    { name: "typecheck", script: "typecheck" },
    { name: "unit", script: "test:unit" },
  ],
  // The typecheck step has checked the app: the build need not check it again (next.config.mjs).
  [{ name: "build", script: "build", env: { PORTAL_TYPES_CHECKED: "1" } }],
  [{ name: "browser", script: "test:e2e" }],
];

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs one step; alone, its output goes straight through; beside others, it is printed whole at the end. */
function run(step: Step, alone: boolean): Promise<TimedStep> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", step.script], {
      env: { ...process.env, ...step.env },
      stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("close", (code) => {
      const timed = { name: step.name, milliseconds: performance.now() - started, ok: code === 0 };
      if (!alone) {
        console.log(`\n[test] ── ${step.name}${timed.ok ? "" : " (failed)"} ──`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve(timed);
    });
  });
}

const started = performance.now();
const done: TimedStep[] = [];
for (const stage of STAGES) {
  const results = await Promise.all(stage.map((step) => run(step, stage.length === 1)));
  done.push(...results);
  if (!results.every((step) => step.ok)) break;
}

console.log("\n[test] time per step (typecheck and unit side by side):");
for (const line of formatStepTimes(done, performance.now() - started)) console.log(`[test]   ${line}`);
process.exit(done.every((step) => step.ok) ? 0 : 1);
