import { describe, expect, it } from "vitest";
import type { MilestoneView } from "@/lib/checkout/types";
import { toCheckoutView } from "@/lib/checkout/view-model";
import { translatorFor } from "@/lib/i18n/translator";
import { checkoutRecord } from "@/test-support/test-records";
import { imageFonts } from "./fonts";
import {
  STATUS_IMAGE_SPECS,
  STATUS_IMAGE_WIDTHS,
  statusImageLayout,
  statusImageWidthFrom,
  visibleSteps,
} from "./status-image-layout";
import { ELLIPSIS, type TextMeasure, UNDRAWABLE } from "./text-fit";

const OPTIONS = {
  now: new Date("2026-03-01T12:00:00.000Z"),
  allowHttpCheckoutUrl: false,
  supportEmail: "s@x.example",
  t: translatorFor("en"),
  locale: "en",
} as const;
const T = (day: number) => `2026-02-${String(day).padStart(2, "0")}T12:00:00.000Z`;
const fonts = imageFonts();

const shipped = toCheckoutView(
  checkoutRecord({
    lifecycle: "shipped",
    purchaseItems: [{ name: "Pearl espresso machine", quantity: 1 }],
    progress: {
      currentMilestone: "shipped",
      milestones: [
        { key: "checkoutStarted", label: "Checkout started", completedAt: T(1) },
        { key: "depositPaid", label: "Deposit paid", completedAt: T(2) },
        { key: "orderConfirmed", label: "Order confirmed", completedAt: T(3) },
        { key: "shipped", label: "Shipped", completedAt: T(4) },
        { key: "delivered", label: "Delivered", completedAt: null },
      ],
    },
  }),
  null,
  OPTIONS,
);

describe("statusImageWidthFrom", () => {
  it("defaults to 1200 and accepts exactly the two widths", () => {
    expect(statusImageWidthFrom(null)).toBe(1200);
    expect(statusImageWidthFrom("1200")).toBe(1200);
    expect(statusImageWidthFrom("600")).toBe(600);
    for (const refused of ["", "601", "600px", " 600", "0600", "1e3", "-600"]) {
      expect(statusImageWidthFrom(refused), refused).toBeNull();
    }
  });
});

describe("statusImageLayout", () => {
  it("shows the item, the status in words and every step with the current one marked", () => {
    const layout = statusImageLayout(shipped, 1200, fonts, "en");
    expect(layout.title).toEqual(["Pearl espresso machine"]);
    expect(layout.status).toEqual({ label: "On its way", tone: "info" });
    expect(layout.description).toEqual(["Your order has shipped."]);
    expect(layout.steps.map((step) => `${step.label.join(" ")}:${step.state}`)).toEqual([
      "Checkout started:done",
      "Deposit paid:done",
      "Order confirmed:done",
      "Shipped:current",
      "Delivered:upcoming",
    ]);
    expect(layout.stepsCaption).toBeNull();
  });

  for (const width of STATUS_IMAGE_WIDTHS) {
    it(`fits 2,048-character text into its boxes at ${width} px`, () => {
      const long = "Extraordinarily long product name ".repeat(60);
      const view = toCheckoutView(
        checkoutRecord({
          lifecycle: "shipped",
          purchaseItems: [{ name: long, quantity: 1 }],
          progress: {
            currentMilestone: "k12",
            milestones: Array.from({ length: 20 }, (_, index) => ({
              key: `k${index}`,
              label: `${"W".repeat(200)} ${index}`,
              completedAt: index < 12 ? T(1) : null,
            })),
          },
        }),
        null,
        OPTIONS,
      );
      const spec = STATUS_IMAGE_SPECS[width];
      const content = spec.width - 2 * spec.padding;
      const layout = statusImageLayout(view, width, fonts, "en");

      expect(layout.title).toHaveLength(spec.titleLines);
      expect(layout.title.at(-1)?.endsWith(ELLIPSIS)).toBe(true);
      for (const line of layout.title) {
        expect(fonts.bold.widthOf(line, spec.titleSize)).toBeLessThanOrEqual(content);
      }
      expect(layout.steps).toHaveLength(spec.maxSteps);
      expect(layout.steps.filter((step) => step.state === "current")).toHaveLength(1);
      expect(layout.stepsCaption).toMatch(/^Steps \d+–\d+ of 20$/);
      const column = content / spec.maxSteps;
      for (const step of layout.steps) {
        expect(step.label.length).toBeLessThanOrEqual(spec.stepLabelLines);
        const measure = step.state === "current" ? fonts.bold : fonts.regular;
        for (const line of step.label) {
          expect(measure.widthOf(line, spec.stepLabelSize)).toBeLessThanOrEqual(column);
        }
      }
    });
  }

  it("uses the pages' fallback words for unknown values", () => {
    const view = toCheckoutView(
      checkoutRecord({ lifecycle: "quantumEntangled", progress: { steps: 5 }, purchaseItems: null }),
      null,
      OPTIONS,
    );
    const layout = statusImageLayout(view, 600, fonts, "en");
    expect(layout.title).toEqual([view.title]);
    expect(layout.status.label).toBe("Status unavailable");
    expect(layout.description.join(" ")).toContain("We can't show the status");
  });

  it("draws hostile text as plain, drawable text", () => {
    const view = toCheckoutView(
      checkoutRecord({
        lifecycle: "shipped",
        purchaseItems: [{ name: "<script>alert(1)</script> \u202Eemoji 🦄", quantity: 1 }],
      }),
      null,
      OPTIONS,
    );
    const layout = statusImageLayout(view, 1200, fonts, "en");
    expect(layout.title.join(" ")).toBe(`<script>alert(1)</script> emoji ${UNDRAWABLE}`);
  });

  it("cuts hostile long text to its box before measuring, so layout work stays small", () => {
    let measuredCharacters = 0;
    const counting = (measure: TextMeasure): TextMeasure => ({
      canDraw: (codePoint) => measure.canDraw(codePoint),
      widthOf: (text, size) => {
        measuredCharacters += text.length;
        return measure.widthOf(text, size);
      },
    });
    const hostileText = "i ".repeat(50_000);
    const view = {
      ...shipped,
      title: hostileText,
      status: { ...shipped.status, label: hostileText, description: hostileText },
    };
    const layout = statusImageLayout(
      view,
      1200,
      { regular: counting(fonts.regular), bold: counting(fonts.bold) },
      "en",
    );
    expect(layout.title.at(-1)?.endsWith(ELLIPSIS)).toBe(true);
    expect(layout.description.at(-1)?.endsWith(ELLIPSIS)).toBe(true);
    // Cut only at drawableText's 1,000 characters, this measures ~73,000 characters; capped, ~15,000.
    expect(measuredCharacters).toBeLessThan(30_000);
  });
});

describe("the status image in Spanish", () => {
  const twelveSteps = toCheckoutView(
    checkoutRecord({
      lifecycle: "shipped",
      purchaseItems: [{ name: "Máquina de espresso", quantity: 1 }],
      progress: {
        currentMilestone: "k6",
        milestones: Array.from({ length: 12 }, (_, index) => ({
          key: `k${index}`,
          label: `Paso ${index + 1}`,
          completedAt: index < 6 ? T(1) : null,
        })),
      },
    }),
    null,
    OPTIONS,
  );

  it("writes its own words in Spanish: the heading and the caption of a windowed timeline", () => {
    const layout = statusImageLayout(twelveSteps, 1200, fonts, "es");
    expect(layout.locale).toBe("es");
    expect(layout.heading).toBe("Estado del pedido");
    expect(layout.stepsCaption).toBe("Pasos 4–10 de 12");
    expect(layout.title).toEqual(["Máquina de espresso"]);
  });

  it("writes them in English for an English image", () => {
    const layout = statusImageLayout(twelveSteps, 600, fonts, "en");
    expect(layout.heading).toBe("Order status");
    expect(layout.stepsCaption).toBe("Steps 5–9 of 12");
  });
});

describe("visibleSteps", () => {
  const steps = (states: string): MilestoneView[] =>
    Array.from(states, (state, index) => ({
      key: `k${index}`,
      label: `Step ${index + 1}`,
      at: null,
      state: state === "d" ? "done" : state === "c" ? "current" : "upcoming",
    }));
  const window = (states: string, max: number) => {
    const { steps: shown, hiddenBefore, hiddenAfter } = visibleSteps(steps(states), max);
    return { shown: shown.map((step) => step.key).join(","), hiddenBefore, hiddenAfter };
  };

  it("shows every step when they fit", () => {
    expect(window("ddcuu", 5)).toEqual({ shown: "k0,k1,k2,k3,k4", hiddenBefore: 0, hiddenAfter: 0 });
  });

  it("centres the window on the current step", () => {
    expect(window("ddddddcuuuuu", 5)).toEqual({ shown: "k4,k5,k6,k7,k8", hiddenBefore: 4, hiddenAfter: 3 });
  });

  it("keeps the window inside the timeline at either end", () => {
    expect(window("dcuuuuuu", 5)).toEqual({ shown: "k0,k1,k2,k3,k4", hiddenBefore: 0, hiddenAfter: 3 });
    expect(window("dddddddc", 5)).toEqual({ shown: "k3,k4,k5,k6,k7", hiddenBefore: 3, hiddenAfter: 0 });
  });

  it("anchors on the last step done when none is current", () => {
    expect(window("dddduuuuuu", 3)).toEqual({ shown: "k2,k3,k4", hiddenBefore: 2, hiddenAfter: 5 });
  });
});
