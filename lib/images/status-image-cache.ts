import { createHash } from "node:crypto";
import type { CheckoutView } from "@/lib/checkout/types";
import type { Locale } from "@/lib/i18n/locales";
import type { RenderedImage } from "./render";
import type { StatusImageWidth } from "./status-image-layout";

/** The status image has one theme today (lib/images/theme.ts); the key names it so a second cannot collide. */
const STATUS_IMAGE_THEME = "light";

type StatusImageKey = {
  userId: string;
  checkoutId: string;
  view: Pick<CheckoutView, "title" | "status" | "timeline">;
  width: StatusImageWidth;
  /** The image's own words are in this language, whatever the view model's say. */
  locale: Locale;
};

/**
 * The cache key: whose checkout, a fingerprint of exactly what the image shows, its language, the
 * theme and the size. A changed status changes the fingerprint, so a cached image is never out of date; the
 * customer and checkout ids keep one customer's entry out of reach of every other token.
 */
export function statusImageCacheKey({ userId, checkoutId, view, width, locale }: StatusImageKey): string {
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([view.title, view.status, view.timeline]))
    .digest("base64url");
  return JSON.stringify([userId, checkoutId, fingerprint, locale, STATUS_IMAGE_THEME, width]);
}

type Entry = { image: RenderedImage; expiresAtMs: number };

/**
 * Rendered status images in this process's memory, each kept until its token expires (the only
 * credential that could fetch it again), and at most `maxEntries` of them (least recently used go).
 */
export class StatusImageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 500,
  ) {}

  get(key: string): RenderedImage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAtMs <= this.now()) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.image;
  }

  set(key: string, image: RenderedImage, expiresAtSeconds: number): void {
    const expiresAtMs = expiresAtSeconds * 1000;
    if (expiresAtMs <= this.now()) return;
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { image, expiresAtMs });
  }
}
