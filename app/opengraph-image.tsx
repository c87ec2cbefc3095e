import { brandImageResponse } from "@/lib/images/render";
import { LINK_PREVIEW } from "@/lib/metadata/link-preview";

/*
 * The link-preview image, by Next's `opengraph-image` convention: rendered once at build time,
 * served as a static file with long-lived caching, and named (absolute, with its size, type and alt)
 * in every page's Open Graph tags. It shows only the brand, so it is public (lib/metadata/link-preview.ts).
 */
export const alt = LINK_PREVIEW.image.alt;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default function OpenGraphImage(): Promise<Response> {
  return brandImageResponse();
}
