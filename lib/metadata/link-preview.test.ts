import { describe, expect, it } from "vitest";
import { linkPreviewFor, linkPreviewMetadata, linkPreviewTags } from "./link-preview";

const ENGLISH = linkPreviewFor("en");

describe("link preview", () => {
  it("leaves the image to the opengraph-image convention, so no page can name another", () => {
    const { openGraph, twitter } = linkPreviewMetadata();
    expect(openGraph).not.toHaveProperty("images");
    expect(twitter).not.toHaveProperty("images");
    expect(twitter).toMatchObject({ card: "summary_large_image", title: ENGLISH.title });
  });

  it("writes absolute image URLs into hand-made pages", () => {
    const tags = String(linkPreviewTags(new URL("https://orders.example.com")));
    expect(tags).toContain(
      '<meta property="og:image" content="https://orders.example.com/opengraph-image/en">',
    );
    expect(tags).toContain(
      '<meta name="twitter:image" content="https://orders.example.com/opengraph-image/en">',
    );
    expect(tags).toContain(`<meta property="og:title" content="${ENGLISH.title}">`);
  });

  it("takes only the origin, nothing that could break out of an attribute", () => {
    const tags = String(linkPreviewTags(new URL('https://orders.example.com/"><x>?q="')));
    expect(tags).not.toContain("<x>");
    expect(tags).toContain(
      '<meta property="og:image" content="https://orders.example.com/opengraph-image/en">',
    );
  });

  it("speaks the page's language, image included", () => {
    const tags = String(linkPreviewTags(new URL("https://orders.example.com"), "es"));
    expect(tags).toContain('<meta property="og:locale" content="es_US">');
    expect(tags).toContain('<meta property="og:title" content="Estado del pedido · The Sweet Spot">');
    expect(tags).toContain(
      '<meta property="og:image" content="https://orders.example.com/opengraph-image/es">',
    );
    expect(tags).toContain(
      '<meta name="twitter:image:alt" content="Estado del pedido de The Sweet Spot: pedido, depósito, aprobación, entrega y arrendamiento en un solo lugar.">',
    );
    expect(linkPreviewMetadata("es").openGraph).toMatchObject({
      title: "Estado del pedido · The Sweet Spot",
      locale: "es_US",
    });
  });
});
