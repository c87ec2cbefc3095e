import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Status-image generation figures come from `scripts/bench-images.ts` (the images work), which
 * exports `benchStatusImages()`. Until that module exists the bench says so and moves on; once it
 * does, its result (p50/p99 in ms) joins the report without changes here.
 */
const MODULE = fileURLToPath(new URL("../bench-images.ts", import.meta.url));

export type ImageBenchContext = { portalUrl: string; cookie: string; checkoutId: string };

export type ImageBench =
  | { available: false }
  | { available: true; p50Ms: number | null; p99Ms: number | null; raw: unknown };

export async function benchImagesIfPresent(context: ImageBenchContext): Promise<ImageBench> {
  if (!existsSync(MODULE)) return { available: false };
  // A computed specifier: the module is optional, so the type checker must not look for it.
  const loaded: unknown = await import(pathToFileURL(MODULE).href);
  const run =
    typeof loaded === "object" && loaded !== null && "benchStatusImages" in loaded
      ? loaded.benchStatusImages
      : undefined;
  if (typeof run !== "function") throw new Error(`${MODULE} does not export benchStatusImages()`);
  const raw: unknown = await run(context);
  return { available: true, p50Ms: pick(raw, ["p50Ms", "p50"]), p99Ms: pick(raw, ["p99Ms", "p99"]), raw };
}

function pick(value: unknown, names: readonly string[]): number | null {
  if (typeof value !== "object" || value === null) return null;
  for (const name of names) {
    const field: unknown = (value as Record<string, unknown>)[name];
    if (typeof field === "number") return field;
  }
  return null;
}
