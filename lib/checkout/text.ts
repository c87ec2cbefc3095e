/**
 * Free text from the API (item names, return notes, tracking numbers…) on its way to the page. React
 * escapes it, so markup is harmless; what remains is size and invisible characters. Values are trimmed,
 * stripped of control characters and capped, cutting between code points so no half emoji is left.
 */

const ELLIPSIS = "…";

/** Control characters except tab and line feed (kept for multi-line notes). */
const CONTROL_CHARACTERS_EXCEPT_BREAKS = /[^\P{Cc}\n\t]/gu;
const WHITESPACE_RUNS = /\s+/gu;
const BLANK_LINE_RUNS = /\n{3,}/g;

/** Multi-line text (notes): line breaks kept, at most one blank line in a row; null when empty. */
export function plainText(value: string | null | undefined, maxLength: number): string | null {
  if (typeof value !== "string") return null;
  const cleaned = value
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_CHARACTERS_EXCEPT_BREAKS, "")
    .replace(BLANK_LINE_RUNS, "\n\n")
    .trim();
  return cleaned === "" ? null : truncatedText(cleaned, maxLength);
}

/** One-line text (names, ids, labels): every whitespace run becomes one space; null when empty. */
export function singleLineText(value: string | null | undefined, maxLength: number): string | null {
  if (typeof value !== "string") return null;
  const cleaned = value
    .replace(/\p{Cc}/gu, " ")
    .replace(WHITESPACE_RUNS, " ")
    .trim();
  return cleaned === "" ? null : truncatedText(cleaned, maxLength);
}

/** `value` if it fits in `maxLength` code points, else cut with an ellipsis (the ellipsis counts). */
export function truncatedText(value: string, maxLength: number): string {
  // A string never has more code points than UTF-16 units: most fit without splitting them out.
  if (value.length <= maxLength) return value;
  const codePoints = Array.from(value);
  if (codePoints.length <= maxLength) return value;
  return `${codePoints
    .slice(0, Math.max(maxLength - 1, 0))
    .join("")
    .trimEnd()}${ELLIPSIS}`;
}
