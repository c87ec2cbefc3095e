import type { TextMeasure } from "./text-fit";
import type { GlyphMetrics } from "./truetype";

/**
 * Widths are summed from the font's advances and then padded: the renderer may apply kerning and
 * shaping (Arabic joining forms), which this sum does not know. Kerning only narrows text; the pad
 * covers shaping and rounding.
 */
const WIDTH_PADDING = 1.03;

export function measureFor(metrics: GlyphMetrics): TextMeasure {
  const { advances, unitsPerEm } = metrics;
  return {
    canDraw: (codePoint) => advances.has(codePoint),
    widthOf(text, fontSize) {
      let units = 0;
      // A character the font lacks counts as a full em: wide enough for whatever would stand in for it.
      for (const character of text) units += advances.get(character.codePointAt(0) ?? 0) ?? unitsPerEm;
      return ((units * fontSize) / unitsPerEm) * WIDTH_PADDING;
    },
  };
}
