import { benchImagesIfPresent } from "../images";
import { lighthouseAvailable, lighthouseScores } from "../lighthouse";
import { LIVE_CHECKOUT } from "../pages";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

/** Lighthouse scores of the list and a live checkout (mobile preset). */
export async function measureLighthouse({ stack, cookie, report }: BenchContext): Promise<void> {
  if (!lighthouseAvailable()) {
    report.log("Lighthouse skipped: no chromium at /usr/bin/chromium (or CHROMIUM_PATH)");
    return;
  }
  const scores = await lighthouseScores(stack.portalUrl, cookie, [
    { label: "list", path: "/checkouts" },
    { label: "detail, live", path: `/checkouts/${LIVE_CHECKOUT}` },
  ]);
  report.record("lighthouse", scores);
  report.section(
    "Lighthouse (mobile preset)",
    formatTable([
      ["page", "performance", "accessibility", "best practices", "audits below 90"],
      ...scores.map((score) => [
        score.label,
        score.performance,
        score.accessibility,
        score.bestPractices,
        score.runtimeError ?? (score.failingAudits.join(", ") || "none"),
      ]),
    ]),
  );
  for (const score of scores) {
    report.target(
      `${score.label}: Lighthouse accessibility`,
      "100",
      String(score.accessibility),
      score.accessibility === 100,
    );
    report.target(
      `${score.label}: Lighthouse performance`,
      "≥ 95",
      String(score.performance),
      (score.performance ?? 0) >= 95,
    );
  }
}

/** Status-image generation, once scripts/bench-images.ts exists. */
export async function measureStatusImages({ stack, cookie, report }: BenchContext): Promise<void> {
  const images = await benchImagesIfPresent({
    portalUrl: stack.portalUrl,
    cookie,
    checkoutId: LIVE_CHECKOUT,
  });
  report.record("statusImages", images);
  if (images.available) {
    report.section("Status images", `p50 ${images.p50Ms ?? "?"} ms, p99 ${images.p99Ms ?? "?"} ms`);
  } else {
    report.log("status-image figures: scripts/bench-images.ts is not here yet (the images work adds it)");
  }
}
