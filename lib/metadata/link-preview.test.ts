import { describe, expect, it } from "vitest";
import { LINK_PREVIEW, linkPreviewMetadata, linkPreviewTags } from "./link-preview";

describe("link preview", () => {
  it("gives Open Graph and Twitter the same generic image", () => {
    const { openGraph, twitter } = linkPreviewMetadata();
    expect(openGraph?.images).toEqual([
      expect.objectContaining({ url: "/og-image.png", width: 1200, height: 630 }),
    ]);
    expect(twitter).toMatchObject({ card: "summary_large_image", images: openGraph?.images });
  });

  it("writes absolute image URLs into hand-made pages", () => {
    const tags = linkPreviewTags(new URL("https://orders.example.com"));
    expect(tags).toContain('<meta property="og:image" content="https://orders.example.com/og-image.png">');
    expect(tags).toContain('<meta name="twitter:image" content="https://orders.example.com/og-image.png">');
    expect(tags).toContain(`<meta property="og:title" content="${LINK_PREVIEW.title}">`);
  });

  it("takes only the origin, nothing that could break out of an attribute", () => {
    const tags = linkPreviewTags(new URL('https://orders.example.com/"><x>?q="'));
    expect(tags).not.toContain("<x>");
    expect(tags).toContain('<meta property="og:image" content="https://orders.example.com/og-image.png">');
  });
});
