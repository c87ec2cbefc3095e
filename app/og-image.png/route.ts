import { renderBrandImage } from "@/lib/images/render";

export const runtime = "nodejs";

let rendered: Promise<ArrayBuffer> | undefined;

/**
 * The link-preview image every page names in its Open Graph and Twitter tags (lib/metadata/
 * link-preview.ts). It shows only the brand, so it is public, and it never changes within a build:
 * rendered on first request, then served from memory.
 */
export async function GET() {
  rendered ??= renderBrandImage()
    .then((image) => image.png)
    .catch((error: unknown) => {
      rendered = undefined; // a failed render is retried on the next request, not cached
      throw error;
    });
  return new Response(await rendered, {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" },
  });
}
