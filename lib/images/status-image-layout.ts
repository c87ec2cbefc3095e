import type { CheckoutView, MilestoneState, MilestoneView, Tone } from "@/lib/checkout/types";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { inDrawingOrder } from "./bidi";
import { capToBox, drawableText, fitLine, fitLines, type TextBox, type TextMeasure } from "./text-fit";

/**
 * Where everything on a status image goes, worked out before rendering: which words fit on which line,
 * which timeline steps are shown. The renderer (components/StatusImage.tsx) only places what this
 * decides, so the image never depends on how satori would wrap or what fonts it could fetch. Lines
 * come out in drawing order (bidi.ts).
 */

/** `w` values the route accepts: the link-preview size and an email-width one. */
export const STATUS_IMAGE_WIDTHS = [1200, 600] as const;
export type StatusImageWidth = (typeof STATUS_IMAGE_WIDTHS)[number];
const DEFAULT_STATUS_IMAGE_WIDTH: StatusImageWidth = 1200;

/** Pixel sizes of every element for one image size. The email size has relatively larger text. */
export type StatusImageSpec = {
  width: number;
  height: number;
  padding: number;
  brandSize: number;
  titleSize: number;
  titleLines: number;
  statusSize: number;
  descriptionSize: number;
  descriptionLines: number;
  stepLabelSize: number;
  stepLabelLines: number;
  markerSize: number;
  captionSize: number;
  /** More steps than this and the timeline shows a window around the current one. */
  maxSteps: number;
  gap: number;
};

export const STATUS_IMAGE_SPECS: Record<StatusImageWidth, StatusImageSpec> = {
  1200: {
    width: 1200,
    height: 630,
    padding: 56,
    brandSize: 28,
    titleSize: 56,
    titleLines: 2,
    statusSize: 30,
    descriptionSize: 30,
    descriptionLines: 2,
    stepLabelSize: 24,
    stepLabelLines: 2,
    markerSize: 34,
    captionSize: 22,
    maxSteps: 7,
    gap: 22,
  },
  // Same 1.91:1 shape, so one email template can take either; fewer, larger steps for legibility.
  600: {
    width: 600,
    height: 315,
    padding: 24,
    brandSize: 16,
    titleSize: 26,
    titleLines: 2,
    statusSize: 16,
    descriptionSize: 15,
    descriptionLines: 1,
    stepLabelSize: 13,
    stepLabelLines: 2,
    markerSize: 18,
    captionSize: 12,
    maxSteps: 5,
    gap: 10,
  },
};

/** The `w` query parameter: absent means the default; anything but a supported width is refused. */
export function statusImageWidthFrom(value: string | null): StatusImageWidth | null {
  if (value === null) return DEFAULT_STATUS_IMAGE_WIDTH;
  return STATUS_IMAGE_WIDTHS.find((width) => String(width) === value) ?? null;
}

export type StepLayout = { label: string[]; state: MilestoneState };

export type StatusImageLayout = {
  spec: StatusImageSpec;
  /** The image's language, for its own words (the view model brings the status words). */
  locale: Locale;
  /** "Order status", beside the brand. */
  heading: string;
  title: string[];
  status: { label: string; tone: Tone };
  description: string[];
  steps: StepLayout[];
  /** "Steps 4–8 of 12" (in the image's language) when the timeline is windowed, else null. */
  stepsCaption: string | null;
};

type LayoutFonts = { regular: TextMeasure; bold: TextMeasure };

/** Horizontal room the status pill's padding and border take. */
const STATUS_PILL_CHROME = 2.2;

export function statusImageLayout(
  view: Pick<CheckoutView, "title" | "status" | "timeline">,
  width: StatusImageWidth,
  fonts: LayoutFonts,
  locale: Locale,
): StatusImageLayout {
  const spec = STATUS_IMAGE_SPECS[width];
  const t = translatorFor(locale);
  const contentWidth = spec.width - 2 * spec.padding;
  const { regular, bold } = fonts;

  // Every text is cut to its box's capacity before it is cleaned or measured (capToBox).
  const fitted = (text: string, box: TextBox, measure: TextMeasure) =>
    fitLines(drawableText(capToBox(text, box), measure), box, measure);

  const title = fitted(
    view.title,
    { maxWidth: contentWidth, maxLines: spec.titleLines, fontSize: spec.titleSize },
    bold,
  );
  const statusBox = {
    maxWidth: contentWidth - STATUS_PILL_CHROME * spec.statusSize,
    maxLines: 1,
    fontSize: spec.statusSize,
  };
  const statusLabel = fitLine(
    drawableText(capToBox(view.status.label, statusBox), bold),
    statusBox.maxWidth,
    statusBox.fontSize,
    bold,
  );
  const description = fitted(
    view.status.description ?? "",
    { maxWidth: contentWidth, maxLines: spec.descriptionLines, fontSize: spec.descriptionSize },
    regular,
  );

  const window = visibleSteps(view.timeline.milestones, spec.maxSteps);
  const columnWidth = window.steps.length > 0 ? contentWidth / window.steps.length : contentWidth;
  const steps = window.steps.map((milestone) => {
    // The current step is set in bold, so it is measured in bold.
    const measure = milestone.state === "current" ? bold : regular;
    return {
      state: milestone.state,
      label: fitted(
        milestone.label,
        { maxWidth: columnWidth - spec.gap, maxLines: spec.stepLabelLines, fontSize: spec.stepLabelSize },
        measure,
      ),
    };
  });

  return {
    spec,
    locale,
    heading: drawableText(t("link.statusImage.label"), regular),
    title: title.map(inDrawingOrder),
    status: { label: inDrawingOrder(statusLabel), tone: view.status.tone },
    description: description.map(inDrawingOrder),
    steps: steps.map((step) => ({ ...step, label: step.label.map(inDrawingOrder) })),
    stepsCaption:
      window.hiddenBefore + window.hiddenAfter > 0
        ? drawableText(
            t("link.statusImage.stepsCaption", {
              first: window.hiddenBefore + 1,
              last: window.hiddenBefore + window.steps.length,
              total: view.timeline.milestones.length,
            }),
            regular,
          )
        : null,
  };
}

type StepWindow = { steps: MilestoneView[]; hiddenBefore: number; hiddenAfter: number };

/**
 * At most `max` consecutive steps, chosen so the one that matters is in view: the current step
 * (else the last one done) sits in the middle of the window where possible.
 */
export function visibleSteps(milestones: readonly MilestoneView[], max: number): StepWindow {
  if (milestones.length <= max) return { steps: [...milestones], hiddenBefore: 0, hiddenAfter: 0 };
  const current = milestones.findIndex((milestone) => milestone.state === "current");
  const lastDone = milestones.findLastIndex((milestone) => milestone.state === "done");
  const anchor = current >= 0 ? current : Math.max(lastDone, 0);
  const start = Math.min(Math.max(anchor - Math.floor((max - 1) / 2), 0), milestones.length - max);
  return {
    steps: milestones.slice(start, start + max),
    hiddenBefore: start,
    hiddenAfter: milestones.length - start - max,
  };
}
