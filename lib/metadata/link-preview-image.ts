import "server-only";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { brandImageResponse } from "@/lib/images/render";
import { LINK_PREVIEW_IMAGE, linkPreviewFor } from "./link-preview";
import { linkPreviewLocales } from "./link-preview-locales";

/*
 * The link-preview images' two routes (app/opengraph-image.tsx, app/twitter-image.tsx) serve the same
 * images; what they share lives here. Each route file keeps only what Next reads from the file itself
 * (size, contentType, dynamic) and delegates the rest.
 */

/** One image per language the page names (see `linkPreviewLocales`), with its alt text in that language. */
export async function linkPreviewImageMetadata() {
  return (await linkPreviewLocales()).map((locale) => ({
    id: locale,
    alt: linkPreviewFor(locale).image.alt,
    size: { width: LINK_PREVIEW_IMAGE.width, height: LINK_PREVIEW_IMAGE.height },
    contentType: LINK_PREVIEW_IMAGE.type,
  }));
}

/** The image for one id (a language); an id that is not one of ours draws the default language's. */
export async function linkPreviewImageResponse(id: Promise<string> | string): Promise<Response> {
  const locale = await id;
  return brandImageResponse(isLocale(locale) ? locale : DEFAULT_LOCALE);
}
