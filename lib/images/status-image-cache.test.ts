import { describe, expect, it } from "vitest";
import type { RenderedImage } from "./render";
import { StatusImageCache, statusImageCacheKey } from "./status-image-cache";

const image = (width: number): RenderedImage => ({ png: new ArrayBuffer(8), width, height: 1 });
const view = {
  title: "Pearl espresso machine",
  status: { label: "Shipped", tone: "info" as const, description: null },
  timeline: { milestones: [], source: "progress" },
} as unknown as Parameters<typeof statusImageCacheKey>[0]["view"];

describe("statusImageCacheKey", () => {
  const key = (overrides: Partial<Parameters<typeof statusImageCacheKey>[0]> = {}) =>
    statusImageCacheKey({
      userId: "usr_a",
      checkoutId: "chk_1",
      view,
      width: 1200,
      locale: "en",
      ...overrides,
    });

  it("differs by customer, checkout, what the image shows, language and size", () => {
    expect(key()).toBe(key());
    expect(key({ userId: "usr_b" })).not.toBe(key());
    expect(key({ checkoutId: "chk_2" })).not.toBe(key());
    expect(key({ width: 600 })).not.toBe(key());
    // The same view drawn in Spanish has other words of its own ("Estado del pedido"): its own entry.
    expect(key({ locale: "es" })).not.toBe(key());
    expect(key({ view: { ...view, status: { ...view.status, label: "Delivered" } } })).not.toBe(key());
  });
});

describe("StatusImageCache", () => {
  it("keeps an image until its token expires", () => {
    let now = 1_000_000;
    const cache = new StatusImageCache(() => now);
    cache.set("k", image(1), 1_060);
    expect(cache.get("k")?.width).toBe(1);
    now = 1_060_000;
    expect(cache.get("k")).toBeUndefined();
  });

  it("drops the least recently used image when full", () => {
    const cache = new StatusImageCache(() => 0, 2);
    cache.set("a", image(1), 60);
    cache.set("b", image(2), 60);
    cache.get("a");
    cache.set("c", image(3), 60);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.width).toBe(1);
    expect(cache.get("c")?.width).toBe(3);
  });
});
