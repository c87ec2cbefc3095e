/**
 * Finds objects that repeat a key in JSON text. `JSON.parse` keeps the last value of a repeated key
 * silently, so a record like `{"customerId":"usr_a","customerId":"usr_b"}` would show whichever the
 * parser happened to keep; we judge such a record unreadable instead (sweetspot-api.md §2).
 *
 * Runs only on text `JSON.parse` has already accepted, so it need not validate: it walks strings,
 * objects and arrays and skips everything else. Keys are compared after decoding (`"a"` and `"\u0061"`
 * are the same key). Linear in the text's length.
 *
 * Hand-written rather than a dependency: the packages that detect duplicates are either whole
 * alternative parsers (a second JSON grammar to trust) or unmaintained; this is ~60 lines with tests.
 */

type DuplicateKeyReport = {
  /** A repeated key anywhere in the body, when the body is not an array (e.g. a detail object). */
  root: boolean;
  /** For a top-level array: the indices of the items that contain a repeated key anywhere inside them. */
  items: ReadonlySet<number>;
};

type Frame = { kind: "object"; keys: Set<string>; expectKey: boolean } | { kind: "array" };

export function findDuplicateKeys(text: string): DuplicateKeyReport {
  const items = new Set<number>();
  let root = false;
  const stack: Frame[] = [];
  const topIsArray = text.trimStart().startsWith("[");
  // Index of the top-level array item being read, and whether the next value there starts a new item.
  let topIndex = -1;
  let itemStarts = false;

  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (/\s/.test(char)) continue;
    if (topIsArray && stack.length === 1 && itemStarts && char !== "]") {
      topIndex++;
      itemStarts = false;
    }
    if (char === '"') {
      const end = stringEnd(text, i);
      const frame = stack.at(-1);
      if (frame?.kind === "object" && frame.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (frame.keys.has(key)) {
          if (topIsArray) items.add(topIndex);
          else root = true;
        }
        frame.keys.add(key);
        frame.expectKey = false;
      }
      i = end;
    } else if (char === "{") {
      stack.push({ kind: "object", keys: new Set(), expectKey: true });
    } else if (char === "[") {
      stack.push({ kind: "array" });
      if (stack.length === 1) itemStarts = true;
    } else if (char === "}" || char === "]") {
      stack.pop();
    } else if (char === ",") {
      const frame = stack.at(-1);
      if (frame?.kind === "object") frame.expectKey = true;
      if (topIsArray && stack.length === 1) itemStarts = true;
    }
  }
  return { root, items };
}

/** Index of the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === "\\") i++;
    else if (char === '"') return i;
  }
  return text.length - 1;
}
