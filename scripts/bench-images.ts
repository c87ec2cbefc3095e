/**
 * How long the portal takes to draw its images on this machine, in-process, with the same render
 * functions the routes use (no server, no sandbox needed):
 *
 *   npm run bench:images [-- --iterations 50 --warmup 5]
 *
 * Prints p50/p99 milliseconds per size after a few warm-up renders (the first render of a process also
 * compiles WebAssembly and parses the fonts). Target: p50 ≤ 150 ms warm. Not a test: it asserts nothing.
 * `benchStatusImages` is exported for scripts/bench.ts.
 */
import os from "node:os";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { CheckoutView } from "../lib/checkout/types";
import { renderBrandImage, renderStatusImage } from "../lib/images/render";
import { STATUS_IMAGE_SPECS, STATUS_IMAGE_WIDTHS } from "../lib/images/status-image-layout";
import { SAMPLE_CHECKOUTS, sampleCheckoutView } from "./lib/sample-checkout-views";

type ImageBenchOptions = {
  /** Timed renders per size. */
  iterations?: number;
  /** Untimed renders per size first. */
  warmup?: number;
  /** The checkout drawn; defaults to a shipped one with a full timeline. */
  view?: CheckoutView;
};

type ImageBenchResult = {
  size: string;
  iterations: number;
  /** Wall-clock milliseconds. */
  p50: number;
  p99: number;
  /**
   * Median CPU milliseconds of the process (all threads, so it can exceed the wall time): steadier than
   * the wall clock when other work shares the machine.
   */
  cpuP50: number;
};

const IMAGE_BENCH_TARGET_P50_MS = 150;

/** Warm p50/p99 render times of the status image at each size, and of the link-preview image. */
export async function benchStatusImages(options: ImageBenchOptions = {}): Promise<ImageBenchResult[]> {
  const iterations = options.iterations ?? 50;
  const warmup = options.warmup ?? 5;
  const view = options.view ?? sampleCheckoutView(SAMPLE_CHECKOUTS.shipped);

  const cases: { size: string; render: () => Promise<unknown> }[] = [
    ...STATUS_IMAGE_WIDTHS.map((width) => ({
      size: `status ${width}×${STATUS_IMAGE_SPECS[width].height}`,
      render: () => renderStatusImage(view, width, "en"),
    })),
    // Served from memory after its first render; timed for completeness.
    { size: "link preview 1200×630", render: () => renderBrandImage() },
  ];

  const results: ImageBenchResult[] = [];
  for (const { size, render } of cases) {
    for (let index = 0; index < warmup; index++) await render();
    const durations: number[] = [];
    const cpuTimes: number[] = [];
    for (let index = 0; index < iterations; index++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      await render();
      const cpu = process.cpuUsage(cpuStarted);
      durations.push(performance.now() - started);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    durations.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    results.push({
      size,
      iterations,
      p50: percentile(durations, 0.5),
      p99: percentile(durations, 0.99),
      cpuP50: percentile(cpuTimes, 0.5),
    });
  }
  return results;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return round(sorted[rank - 1] ?? Number.NaN);
}

const round = (milliseconds: number) => Math.round(milliseconds * 10) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { iterations: { type: "string" }, warmup: { type: "string" } },
  });
  const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
  const warmup = values.warmup === undefined ? undefined : Number(values.warmup);
  for (const [name, value] of [
    ["iterations", iterations],
    ["warmup", warmup],
  ] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < (name === "iterations" ? 1 : 0))) {
      console.error(`bench:images: --${name} must be a whole number`);
      process.exitCode = 2;
      return;
    }
  }

  const results = await benchStatusImages({ iterations, warmup });
  console.log(`Image rendering, warm, in-process (target p50 ≤ ${IMAGE_BENCH_TARGET_P50_MS} ms)`);
  console.table(
    results.map(({ size, iterations: count, p50, p99, cpuP50 }) => ({
      image: size,
      renders: count,
      "p50 ms": p50,
      "p99 ms": p99,
      "p50 target": p50 <= IMAGE_BENCH_TARGET_P50_MS ? "met" : "missed",
      "CPU p50 ms": cpuP50,
    })),
  );
  console.log(`load average (1 min) ${os.loadavg()[0]?.toFixed(2)} on ${os.availableParallelism()} CPUs`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
