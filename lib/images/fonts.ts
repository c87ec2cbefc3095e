import { readFileSync } from "node:fs";
import path from "node:path";
import { measureFor } from "./font-measure";
import type { TextMeasure } from "./text-fit";
import { IMAGE_FONT_FAMILY } from "./theme";
import { readGlyphMetrics } from "./truetype";

/**
 * The fonts the images are drawn with, shipped in assets/fonts (DejaVu Sans, license beside them).
 * Read from disk once per process and never fetched: satori needs TTF/OTF/WOFF bytes, and the same
 * array object is passed on every render so satori parses the fonts only once.
 */

type SatoriFont = {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
};

type ImageFonts = {
  /** For ImageResponse's `fonts` option; always the same array. */
  fonts: SatoriFont[];
  regular: TextMeasure;
  bold: TextMeasure;
};

// Relative to the working directory: `npm start`, `next start`, tests and scripts all run from the
// repository root, and a static path keeps the build's file tracing exact.
const FONT_DIRECTORY = path.join(process.cwd(), "assets", "fonts");

let loaded: ImageFonts | undefined;

export function imageFonts(): ImageFonts {
  if (loaded) return loaded;
  const regular = readFileSync(path.join(FONT_DIRECTORY, "DejaVuSans.ttf"));
  const bold = readFileSync(path.join(FONT_DIRECTORY, "DejaVuSans-Bold.ttf"));
  loaded = {
    fonts: [
      { name: IMAGE_FONT_FAMILY, data: regular, weight: 400, style: "normal" },
      { name: IMAGE_FONT_FAMILY, data: bold, weight: 700, style: "normal" },
    ],
    regular: measureFor(readGlyphMetrics(regular)),
    bold: measureFor(readGlyphMetrics(bold)),
  };
  return loaded;
}
