import { readdirSync, readFileSync } from "node:fs";

/** Figures about a process and its descendants, read from /proc (Linux only; null elsewhere). */

/** The process and every descendant, found through the parent ids in /proc/<pid>/stat. */
function processTree(rootPid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    const parent = statFields(Number(entry))?.[1];
    if (parent === undefined) continue;
    const siblings = children.get(Number(parent)) ?? [];
    siblings.push(Number(entry));
    children.set(Number(parent), siblings);
  }
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** /proc/<pid>/stat from field 3 (state) on: [state, ppid, …, utime at 11, stime at 12, …]. */
function statFields(pid: number): string[] | null {
  try {
    // The command name (field 2) may hold spaces and parentheses; the fields after its last ")" do not.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

function rssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resident memory of the tree. */
export function treeRssBytes(rootPid: number): number | null {
  let total = 0;
  for (const pid of processTree(rootPid)) total += rssBytes(pid) ?? 0;
  return total > 0 ? total : null;
}

/** CPU time (user + system) the tree has used so far, in ms; Linux counts it in 10 ms ticks. */
export function treeCpuMs(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * TICK_MS;
}

const TICK_MS = 10;

/**
 * Waits until the tree has used (almost) no CPU for a moment and `busyElsewhere` (requests still
 * waiting on the API) says no: a load generator that stops leaves requests the server is still
 * working through, and they must not count against the next run.
 */
export async function waitUntilIdle(
  rootPid: number,
  busyElsewhere: () => Promise<boolean> = async () => false,
  maxWaitMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  let before = treeCpuMs(rootPid);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = treeCpuMs(rootPid);
    if (now - before <= 20 && !(await busyElsewhere())) return;
    before = now;
  }
}

/** Samples a process tree's RSS every `intervalMs` until stopped; reports the peak. */
export function sampleRss(rootPid: number, intervalMs = 100) {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRssBytes(rootPid) ?? 0);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

export const megabytes = (bytes: number | null) => (bytes === null ? null : Math.round(bytes / 1024 / 1024));
