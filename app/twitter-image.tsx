import { brandImageResponse } from "@/lib/images/render";
import { LINK_PREVIEW } from "@/lib/metadata/link-preview";

/* The same image as app/opengraph-image.tsx, for Twitter/X cards (`summary_large_image`). */
export const alt = LINK_PREVIEW.image.alt;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default function TwitterImage(): Promise<Response> {
  return brandImageResponse();
}
