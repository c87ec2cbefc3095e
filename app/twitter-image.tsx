import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { brandImageResponse } from "@/lib/images/render";
import { LINK_PREVIEW_IMAGE, linkPreviewFor } from "@/lib/metadata/link-preview";
import { linkPreviewLocales } from "@/lib/metadata/link-preview-locales";

/* The same images as app/opengraph-image.tsx, for Twitter/X cards (`summary_large_image`). */
export const size = { width: LINK_PREVIEW_IMAGE.width, height: LINK_PREVIEW_IMAGE.height };
export const contentType = LINK_PREVIEW_IMAGE.type;
export const dynamic = "force-static";

export async function generateImageMetadata() {
  return (await linkPreviewLocales()).map((locale) => ({
    id: locale,
    alt: linkPreviewFor(locale).image.alt,
    size,
    contentType,
  }));
}

export default async function TwitterImage({ id }: { id: Promise<string> | string }): Promise<Response> {
  const locale = await id;
  return brandImageResponse(isLocale(locale) ? locale : DEFAULT_LOCALE);
}
