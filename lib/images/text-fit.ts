/**
 * Text layout for the generated images, decided here rather than by the renderer: the renderer would
 * wrap text wherever it likes and fetch fonts from the network for characters ours lack. Every string
 * an image shows passes through `drawableText` (only characters the shipped fonts draw) and then
 * `fitLines` (at most N lines, each no wider than its box, the last one cut with "…").
 *
 * Pure: the font is reached only through `TextMeasure`, so tests can use a made-up one.
 */

export type TextMeasure = {
  /** True when the font draws this code point itself (no fallback font needed). */
  canDraw(codePoint: number): boolean;
  /** Width in pixels of `text` set in this font at `fontSize` pixels. */
  widthOf(text: string, fontSize: number): number;
};

export type TextBox = {
  /** Pixels available for each line. */
  maxWidth: number;
  maxLines: number;
  fontSize: number;
};

export const ELLIPSIS = "…";
/** Stands in for a character the fonts cannot draw (an emoji, a script we ship no font for). */
export const UNDRAWABLE = "□";

/**
 * Hostile or runaway input is cut before any measuring: no box in our images holds more than a few
 * hundred characters, and measuring is linear in the text's length.
 */
const MAX_INPUT_CODE_POINTS = 1000;

/**
 * Bidirectional controls and other invisible format characters. An unpaired RIGHT-TO-LEFT OVERRIDE
 * would reverse the text after it; the renderer has no bidi algorithm to contain it, so they go.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const CONTROL_OR_SPACE_RUNS = /[\p{Cc}\p{Z}\s]+/gu;

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/**
 * `value` as one line of characters the font draws: format characters removed, whitespace and control
 * runs made single spaces, and every character cluster the font cannot draw replaced by `UNDRAWABLE`
 * (a cluster whose base is drawable keeps its base and loses only the marks the font lacks).
 * Markup such as `<script>` is just text here: the renderer draws it, nothing interprets it.
 */
export function drawableText(value: string, measure: Pick<TextMeasure, "canDraw">): string {
  const stand = measure.canDraw(UNDRAWABLE.codePointAt(0) ?? 0) ? UNDRAWABLE : "?";
  const spaced = Array.from(value)
    .slice(0, MAX_INPUT_CODE_POINTS)
    .join("")
    .replace(CONTROL_OR_SPACE_RUNS, " ");
  // Clusters first, so an emoji sequence joined by ZERO WIDTH JOINERs stays one cluster (one box).
  const drawn = graphemesOf(spaced).map((cluster) => {
    const codePoints = Array.from(cluster.replace(FORMAT_CHARACTERS, ""));
    const first = codePoints[0];
    if (first === undefined || first === " ") return codePoints.join("");
    if (!measure.canDraw(first.codePointAt(0) ?? 0)) return stand;
    return codePoints.filter((character) => measure.canDraw(character.codePointAt(0) ?? 0)).join("");
  });
  return drawn.join("").replace(/ {2,}/g, " ").trim();
}

/**
 * No glyph our fonts draw is narrower than this fraction of the font size (DejaVu's "i", "l" and "'"
 * are ~0.27 em), so a box never shows more characters than its capacity below.
 */
const NARROWEST_GLYPH_EM = 0.25;

/** The most characters `box` could ever show. */
function boxCapacity(box: TextBox): number {
  return Math.ceil((box.maxLines * box.maxWidth) / (box.fontSize * NARROWEST_GLYPH_EM));
}

/**
 * `value` cut to what `box` could show, before any measuring: layout cost grows with the text's length
 * (and hostile text is long), while nothing past the capacity could be drawn anyway. A cut text ends
 * in "…", so the box still says there was more.
 */
export function capToBox(value: string, box: TextBox): string {
  const limit = boxCapacity(box);
  const codePoints = Array.from(value.slice(0, 4 * limit));
  return codePoints.length > limit ? `${codePoints.slice(0, limit).join("")}${ELLIPSIS}` : value;
}

/**
 * `text` (already drawable) broken into at most `box.maxLines` lines, each at most `box.maxWidth` wide.
 * Lines break at spaces; a word wider than a line is broken between character clusters. When the text
 * needs more lines than allowed, the last line is cut to fit with a trailing "…". Empty text: no lines.
 */
export function fitLines(text: string, box: TextBox, measure: TextMeasure): string[] {
  const fits = (line: string) => measure.widthOf(line, box.fontSize) <= box.maxWidth;
  const lines = wrapLines(text.trim(), fits);
  if (lines.length <= box.maxLines) return lines;
  if (box.maxLines <= 0) return [];
  const kept = lines.slice(0, box.maxLines - 1);
  const rest = lines.slice(box.maxLines - 1).join(" ");
  return [...kept, withEllipsis(rest, fits)];
}

/** One line: `text` if it fits, else its longest prefix that fits with "…". */
export function fitLine(text: string, maxWidth: number, fontSize: number, measure: TextMeasure): string {
  return fitLines(text, { maxWidth, maxLines: 1, fontSize }, measure)[0] ?? "";
}

/** Greedy wrapping: as many words per line as fit; over-long words split by character clusters. */
function wrapLines(text: string, fits: (line: string) => boolean): string[] {
  if (text === "") return [];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (word === "") continue;
    const candidate = line === "" ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    // The word starts a fresh line; if even that is too narrow, it is split across lines.
    let remaining = graphemesOf(word);
    while (remaining.length > 0) {
      const taken = longestFittingPrefix(remaining, "", fits);
      const piece = remaining.slice(0, taken).join("");
      remaining = remaining.slice(taken);
      if (remaining.length === 0) {
        line = piece;
      } else {
        lines.push(piece);
      }
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The longest prefix of `text` that fits when followed by "…" (never empty: at least the ellipsis). */
function withEllipsis(text: string, fits: (line: string) => boolean): string {
  const clusters = graphemesOf(text);
  const taken = longestFittingPrefix(clusters, ELLIPSIS, fits, { allowNone: true });
  return `${clusters.slice(0, taken).join("").trimEnd()}${ELLIPSIS}`;
}

/**
 * How many leading clusters fit followed by `suffix`, by binary search (width only grows with length).
 * At least one unless `allowNone`: a line narrower than a single character still shows that character,
 * clipped by its box, rather than looping forever.
 */
function longestFittingPrefix(
  clusters: string[],
  suffix: string,
  fits: (line: string) => boolean,
  { allowNone = false }: { allowNone?: boolean } = {},
): number {
  let low = allowNone ? 0 : 1;
  let high = clusters.length;
  if (low > high) return high;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(`${clusters.slice(0, middle).join("").trimEnd()}${suffix}`)) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}
