import type { Metadata } from "next";
import { type Html, html } from "@/lib/html/html";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * What a shared link to the portal shows in a chat or social preview. The same for every page on
 * purpose, in the request's language: a crawler is signed out, and a preview of a deep link must not
 * hint at whose order it is or what is in it. The image is app/opengraph-image.tsx (and
 * app/twitter-image.tsx): Next names it in every page's tags itself.
 */
export const LINK_PREVIEW_IMAGE = {
  width: 1200,
  height: 630,
  type: "image/png",
} as const;

const LINK_PREVIEW_SITE_NAME = "The Sweet Spot";

type LinkPreview = {
  siteName: string;
  title: string;
  description: string;
  image: typeof LINK_PREVIEW_IMAGE & { path: string; alt: string };
};

/**
 * Where Next serves the `opengraph-image` convention's image in one language (app/opengraph-image.tsx;
 * the tags Next writes itself add a cache-busting query).
 */
function linkPreviewImagePath(locale: Locale): string {
  return `/opengraph-image/${locale}`;
}

/** The preview's words in one language (messages: `link.preview`). */
export function linkPreviewFor(locale: Locale): LinkPreview {
  const t = translatorFor(locale);
  return {
    siteName: LINK_PREVIEW_SITE_NAME,
    title: t("link.preview.title"),
    description: t("link.preview.description"),
    image: { ...LINK_PREVIEW_IMAGE, path: linkPreviewImagePath(locale), alt: t("link.preview.imageAlt") },
  };
}

/**
 * Open Graph and Twitter card metadata for app/layout.tsx, without the image: the file convention
 * adds it, made absolute with `metadataBase`, which the layout always sets (lib/request/public-origin.ts).
 * The layout passes the request's language (getLocale()).
 */
export function linkPreviewMetadata(
  locale: Locale = DEFAULT_LOCALE,
): Pick<Metadata, "openGraph" | "twitter"> {
  const preview = linkPreviewFor(locale);
  return {
    openGraph: {
      type: "website",
      siteName: preview.siteName,
      title: preview.title,
      description: preview.description,
      locale: OPEN_GRAPH_LOCALE[locale],
    },
    twitter: {
      card: "summary_large_image",
      title: preview.title,
      description: preview.description,
    },
  };
}

/** Open Graph spells locales language_TERRITORY. */
const OPEN_GRAPH_LOCALE: Readonly<Record<Locale, string>> = { en: "en_US", es: "es_US" };

/** The same tags as HTML, one a line, for the plain pages rendered outside the layout (lib/plain-pages). */
export function linkPreviewTags(origin: URL | null, locale: Locale = DEFAULT_LOCALE): Html {
  const preview = linkPreviewFor(locale);
  const image = origin ? new URL(preview.image.path, origin).href : preview.image.path;
  const tags: [attribute: "property" | "name", key: string, value: string][] = [
    ["property", "og:type", "website"],
    ["property", "og:site_name", preview.siteName],
    ["property", "og:locale", OPEN_GRAPH_LOCALE[locale]],
    ["property", "og:title", preview.title],
    ["property", "og:description", preview.description],
    ["property", "og:image", image],
    ["property", "og:image:width", String(preview.image.width)],
    ["property", "og:image:height", String(preview.image.height)],
    ["property", "og:image:type", preview.image.type],
    ["property", "og:image:alt", preview.image.alt],
    ["name", "twitter:card", "summary_large_image"],
    ["name", "twitter:title", preview.title],
    ["name", "twitter:description", preview.description],
    ["name", "twitter:image", image],
    ["name", "twitter:image:alt", preview.image.alt],
  ];
  return html`${tags.map(([attribute, key, value]) => html`<meta ${attribute}="${key}" content="${value}">\n`)}`;
}
