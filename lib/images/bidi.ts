/**
 * A workaround for the renderer, not a bidirectional algorithm. Satori (in Next's bundled @vercel/og)
 * shapes Arabic words correctly but, on a line that also holds left-to-right letters, draws the words
 * of an Arabic run in reading order from left to right — backwards. (Hebrew it reorders correctly, and a
 * line with no left-to-right letters at all it reverses itself.) So on mixed lines each run of Arabic
 * words is handed over in the order it is drawn in; the characters themselves are untouched, and so is
 * the line's width. Checked by eye against the renderer (README, Images); revisit when it is upgraded.
 */

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const RIGHT_TO_LEFT_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;

type TokenKind = "arabic" | "other-letters" | "neutral";

function kindOf(token: string): TokenKind {
  if (ARABIC_LETTER.test(token)) return "arabic";
  return LETTER.test(token) ? "other-letters" : "neutral";
}

function hasLeftToRightLetter(line: string): boolean {
  for (const character of line) {
    if (LETTER.test(character) && !RIGHT_TO_LEFT_LETTER.test(character)) return true;
  }
  return false;
}

/**
 * `line` (one rendered line, words separated by single spaces) with the words of each Arabic run in
 * drawing order. A run starts and ends with an Arabic word and may hold neutral words (numbers,
 * punctuation) between them, as the Unicode bidirectional algorithm would resolve them.
 */
export function inDrawingOrder(line: string): string {
  if (!ARABIC_LETTER.test(line) || !hasLeftToRightLetter(line)) return line;
  const tokens = line.split(" ");
  const kinds = tokens.map(kindOf);
  const result: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    if (kinds[index] !== "arabic") {
      result.push(tokens[index] ?? "");
      index++;
      continue;
    }
    let end = index;
    for (let next = index + 1; next < tokens.length && kinds[next] !== "other-letters"; next++) {
      if (kinds[next] === "arabic") end = next;
    }
    result.push(...tokens.slice(index, end + 1).reverse());
    index = end + 1;
  }
  return result.join(" ");
}
