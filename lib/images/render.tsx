import { ImageResponse } from "next/og";
import type { ReactElement } from "react";
import type { CheckoutView } from "@/lib/checkout/types";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { BrandImage } from "@/lib/images/BrandImage";
import { StatusImage } from "@/lib/images/StatusImage";
import { linkPreviewFor } from "@/lib/metadata/link-preview";
import { imageFonts } from "./fonts";
import { STATUS_IMAGE_SPECS, type StatusImageWidth, statusImageLayout } from "./status-image-layout";
import { drawableText, fitLines } from "./text-fit";

/*
 * PNG rendering, shared by the routes and scripts/bench-images.ts so the benchmark times exactly what
 * the routes do. `next/og` is Next's bundled @vercel/og: inside a Next build the `@vercel/og` import
 * is aliased to it anyway, and the 1.0.3 package cannot be loaded outside one (see README, Images).
 *
 * Each render is finished before a response is built, so a failure is a 500 rather than a 200
 * whose image breaks half-way through the stream.
 */

export type RenderedImage = { png: ArrayBuffer; width: number; height: number };

export async function renderStatusImage(
  view: Pick<CheckoutView, "title" | "status" | "timeline">,
  width: StatusImageWidth,
  locale: Locale,
): Promise<RenderedImage> {
  const fonts = imageFonts();
  const layout = statusImageLayout(view, width, fonts, locale);
  const spec = STATUS_IMAGE_SPECS[width];
  return render(<StatusImage layout={layout} />, spec.width, spec.height);
}

const BRAND_JOURNEY = ["checkout", "deposit", "approval", "delivery", "lease"] as const;

/** The link-preview PNG as a response, for app/opengraph-image.tsx and app/twitter-image.tsx. */
export async function brandImageResponse(locale: Locale = DEFAULT_LOCALE): Promise<Response> {
  const { png } = await renderBrandImage(locale);
  return new Response(png, { headers: { "Content-Type": "image/png" } });
}

export async function renderBrandImage(locale: Locale = DEFAULT_LOCALE): Promise<RenderedImage> {
  const fonts = imageFonts();
  const t = translatorFor(locale);
  const preview = linkPreviewFor(locale);
  const { width, height } = preview.image;
  const textWidth = width - 2 * 72;
  const headline = fitLines(
    drawableText(t("link.preview.imageHeadline"), fonts.bold),
    { maxWidth: textWidth, maxLines: 1, fontSize: 76 },
    fonts.bold,
  );
  const summary = fitLines(
    drawableText(preview.description, fonts.regular),
    { maxWidth: textWidth, maxLines: 3, fontSize: 34 },
    fonts.regular,
  );
  return render(
    <BrandImage
      width={width}
      height={height}
      headline={headline}
      summary={summary}
      journey={BRAND_JOURNEY.map((step) => t(`link.preview.journey.${step}`))}
    />,
    width,
    height,
  );
}

async function render(element: ReactElement, width: number, height: number): Promise<RenderedImage> {
  const response = new ImageResponse(element, { width, height, fonts: imageFonts().fonts });
  return { png: await response.arrayBuffer(), width, height };
}
