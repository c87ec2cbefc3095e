import { LINK_PREVIEW_IMAGE } from "@/lib/metadata/link-preview";
import { linkPreviewImageMetadata, linkPreviewImageResponse } from "@/lib/metadata/link-preview-image";

/* The same images as app/opengraph-image.tsx, for Twitter/X cards (`summary_large_image`). */
export const size = { width: LINK_PREVIEW_IMAGE.width, height: LINK_PREVIEW_IMAGE.height };
export const contentType = LINK_PREVIEW_IMAGE.type;
export const dynamic = "force-static";

export function generateImageMetadata() {
  return linkPreviewImageMetadata();
}

export default function TwitterImage({ id }: { id: Promise<string> | string }): Promise<Response> {
  return linkPreviewImageResponse(id);
}
