import type { Metadata } from "next";

/**
 * What a shared link to the portal shows in a chat or social preview. The same for every page on
 * purpose: a crawler is signed out, and a preview of a deep link must not hint at whose order it is or
 * what is in it. The image is app/opengraph-image.tsx (and app/twitter-image.tsx): Next names it in
 * every page's tags itself.
 */
export const LINK_PREVIEW = {
  siteName: "The Sweet Spot",
  title: "Order status · The Sweet Spot",
  description: "See where your Sweet Spot checkouts stand: deposit, approval, shipping, lease and returns.",
  image: {
    /** Next serves the `opengraph-image` convention here (the tags it writes add a cache-busting query). */
    path: "/opengraph-image",
    width: 1200,
    height: 630,
    type: "image/png",
    alt: "The Sweet Spot order status: checkout, deposit, approval, delivery and lease in one place.",
  },
} as const;

/**
 * Open Graph and Twitter card metadata for app/layout.tsx, without the image: the file convention
 * adds it, made absolute with `metadataBase`, which the layout always sets (lib/request/public-origin.ts).
 */
export function linkPreviewMetadata(): Pick<Metadata, "openGraph" | "twitter"> {
  return {
    openGraph: {
      type: "website",
      siteName: LINK_PREVIEW.siteName,
      title: LINK_PREVIEW.title,
      description: LINK_PREVIEW.description,
    },
    twitter: {
      card: "summary_large_image",
      title: LINK_PREVIEW.title,
      description: LINK_PREVIEW.description,
    },
  };
}

/** The same tags as HTML, for the few pages rendered outside the layout (app/link/problem-page.ts). */
export function linkPreviewTags(origin: URL | null): string {
  const image = origin ? new URL(LINK_PREVIEW.image.path, origin).href : LINK_PREVIEW.image.path;
  const tags: [attribute: "property" | "name", key: string, value: string][] = [
    ["property", "og:type", "website"],
    ["property", "og:site_name", LINK_PREVIEW.siteName],
    ["property", "og:title", LINK_PREVIEW.title],
    ["property", "og:description", LINK_PREVIEW.description],
    ["property", "og:image", image],
    ["property", "og:image:width", String(LINK_PREVIEW.image.width)],
    ["property", "og:image:height", String(LINK_PREVIEW.image.height)],
    ["property", "og:image:type", LINK_PREVIEW.image.type],
    ["property", "og:image:alt", LINK_PREVIEW.image.alt],
    ["name", "twitter:card", "summary_large_image"],
    ["name", "twitter:title", LINK_PREVIEW.title],
    ["name", "twitter:description", LINK_PREVIEW.description],
    ["name", "twitter:image", image],
    ["name", "twitter:image:alt", LINK_PREVIEW.image.alt],
  ];
  return tags
    .map(([attribute, key, value]) => `<meta ${attribute}="${key}" content="${escapeAttribute(value)}">`)
    .join("\n");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
