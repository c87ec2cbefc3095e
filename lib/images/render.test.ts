import { afterEach, describe, expect, it, vi } from "vitest";
import { toCheckoutView } from "@/lib/checkout/view-model";
import { translatorFor } from "@/lib/i18n/translator";
import { checkoutRecord } from "@/test-support/test-records";
import { isPng, pngSize } from "../../e2e/support/png";
import { renderBrandImage, renderStatusImage } from "./render";
import { STATUS_IMAGE_WIDTHS } from "./status-image-layout";

const OPTIONS = {
  now: new Date("2026-03-01T12:00:00.000Z"),
  allowHttpCheckoutUrl: false,
  supportEmail: "s@x.example",
  t: translatorFor("en"),
  locale: "en",
} as const;

// Everything the renderer would otherwise fetch: emoji images from a CDN, fonts for other scripts.
const hostile = toCheckoutView(
  checkoutRecord({
    lifecycle: "shipped",
    purchaseItems: [
      { name: "آلة إسبريسو لؤلؤية ☕️ 🎉 👨‍👩‍👧 中文 한국어 ไทย हिन्दी \u202Eevil\u202C שולחן", quantity: 2 },
      { name: "<img src=x onerror=alert(1)>", quantity: 1 },
    ],
  }),
  null,
  OPTIONS,
);

describe("rendering", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("draws hostile text at both sizes without reaching for the network", { timeout: 60_000 }, async () => {
    const realFetch = globalThis.fetch;
    const fetched: string[] = [];
    vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      // The renderer loads its own WebAssembly from data: URLs; anything else would be the network.
      if (url.startsWith("data:")) return realFetch(input, init);
      fetched.push(url);
      return Promise.reject(new Error(`network fetch attempted: ${url}`));
    });

    for (const width of STATUS_IMAGE_WIDTHS) {
      const image = await renderStatusImage(hostile, width, "es");
      const bytes = new Uint8Array(image.png);
      expect(isPng(bytes)).toBe(true);
      expect(pngSize(bytes)).toEqual({ width, height: width === 1200 ? 630 : 315 });
    }
    expect(fetched).toEqual([]);
  });

  it("draws the 1200×630 link-preview image in either language", { timeout: 60_000 }, async () => {
    for (const locale of ["en", "es"] as const) {
      const image = await renderBrandImage(locale);
      expect(pngSize(new Uint8Array(image.png))).toEqual({ width: 1200, height: 630 });
    }
  });
});
