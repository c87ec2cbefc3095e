/**
 * Summarises a V8 `.cpuprofile` (node --cpu-prof) by function: self time, heaviest first.
 *   npx tsx scripts/bench/cpu-profile.ts bench-results/cpu-prof/<file>.cpuprofile [top]
 */
import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const [file, top = "25"] = process.argv.slice(2);
if (!file) throw new Error("usage: cpu-profile.ts <file.cpuprofile> [top]");
const profile: Profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<string, number>();
const areaMicros = new Map<string, number>();
/** Where a frame's code lives, coarsely: what a reader can act on. */
function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "V8 / native";
  if (url.startsWith("node:")) return `node ${url.slice(5).split("/").slice(0, 2).join("/")}`;
  const packageName = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (packageName) return `package ${packageName}${url.includes("app-page") ? " (app-page runtime)" : ""}`;
  if (url.includes("/.next/server/chunks/"))
    return "our server bundle (app, components, lib, bundled packages)";
  return url;
}
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  const frame = nodes.get(id)?.callFrame;
  const where = frame?.url ? frame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/") : "";
  const key = `${frame?.functionName || "(anonymous)"} ${where}${where ? `:${(frame?.lineNumber ?? 0) + 1}` : ""}`;
  selfMicros.set(key, (selfMicros.get(key) ?? 0) + delta);
  const area = areaOf(frame?.url ?? "", frame?.functionName ?? "");
  areaMicros.set(area, (areaMicros.get(area) ?? 0) + delta);
  total += delta;
});
const busy = [...selfMicros].filter(([key]) => !key.startsWith("(idle)"));
const busyTotal = busy.reduce((sum, [, micros]) => sum + micros, 0);
console.log(`total ${(total / 1000).toFixed(0)} ms, busy ${(busyTotal / 1000).toFixed(0)} ms`);
for (const [key, micros] of busy.sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(
    `${((100 * micros) / busyTotal).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`,
  );
}

console.log("\nby area");
for (const [area, micros] of [...areaMicros]
  .filter(([area]) => area !== "(idle)")
  .sort((a, b) => b[1] - a[1])
  .slice(0, 15)) {
  console.log(
    `${((100 * micros) / busyTotal).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${area}`,
  );
}
