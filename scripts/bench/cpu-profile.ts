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
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  const frame = nodes.get(id)?.callFrame;
  const where = frame?.url ? frame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/") : "";
  const key = `${frame?.functionName || "(anonymous)"} ${where}${where ? `:${(frame?.lineNumber ?? 0) + 1}` : ""}`;
  selfMicros.set(key, (selfMicros.get(key) ?? 0) + delta);
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
