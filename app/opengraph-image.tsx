import { LINK_PREVIEW_IMAGE } from "@/lib/metadata/link-preview";
import { linkPreviewImageMetadata, linkPreviewImageResponse } from "@/lib/metadata/link-preview-image";

/*
 * The link-preview image, by Next's `opengraph-image` convention: one per language
 * (/opengraph-image/en, /opengraph-image/es), each rendered once at build time and served as a static
 * file with long-lived caching. Every page names the one in its own language, with its alt text in
 * that language (lib/metadata/link-preview-locales.ts). It shows only the brand, so it is public
 * (lib/metadata/link-preview.ts).
 */

export const size = { width: LINK_PREVIEW_IMAGE.width, height: LINK_PREVIEW_IMAGE.height };
export const contentType = LINK_PREVIEW_IMAGE.type;
// The same bytes for everyone: no cookies, no headers, even where the page's language is decided.
export const dynamic = "force-static";

export function generateImageMetadata() {
  return linkPreviewImageMetadata();
}

export default function OpenGraphImage({ id }: { id: Promise<string> | string }): Promise<Response> {
  return linkPreviewImageResponse(id);
}
