import { decodeHTML } from "entities";

/**
 * Reads the markup react-dom/server writes, so a unit test can ask what a browser test would ask (the
 * headings in order, a link's href, the text of one panel) without a browser. React's markup is regular
 * (attributes always double-quoted, void elements known, text escaped): a small reader is enough, and no
 * DOM library has to join the dependencies for it.
 */

export type MarkupElement = {
  tag: string;
  /** Attribute names in lower case, as HTML reads them (`dateTime` is `datetime`). */
  attributes: Record<string, string>;
  children: MarkupNode[];
};

export type MarkupNode = MarkupElement | string;

const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

const TOKEN =
  /<!--[\s\S]*?-->|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>|[^<]+/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:="([^"]*)")?/g;

/** The markup as a tree under a root element named `#root`. Throws on a closing tag that closes nothing. */
export function parseMarkup(html: string): MarkupElement {
  const root: MarkupElement = { tag: "#root", attributes: {}, children: [] };
  const open: MarkupElement[] = [root];
  for (const [token, closing, opening, attributeText] of html.matchAll(TOKEN)) {
    const parent = open.at(-1) ?? root;
    if (token.startsWith("<!--")) continue;
    if (closing !== undefined) {
      if (parent.tag !== closing.toLowerCase()) {
        throw new Error(`</${closing}> closes <${parent.tag}> in ${html.slice(0, 200)}…`);
      }
      open.pop();
    } else if (opening !== undefined) {
      const element: MarkupElement = { tag: opening.toLowerCase(), attributes: {}, children: [] };
      for (const [, name, value] of (attributeText ?? "").matchAll(ATTRIBUTE)) {
        if (name) element.attributes[name.toLowerCase()] = decodeHTML(value ?? "");
      }
      parent.children.push(element);
      if (!VOID_ELEMENTS.has(element.tag)) open.push(element);
    } else {
      parent.children.push(decodeHTML(token));
    }
  }
  if (open.length > 1) throw new Error(`<${open.at(-1)?.tag}> is never closed`);
  return root;
}

/** Every element below `element` (not itself), in document order. */
export function descendantsOf(element: MarkupElement): MarkupElement[] {
  return element.children.flatMap((child) =>
    typeof child === "string" ? [] : [child, ...descendantsOf(child)],
  );
}

/** The elements below `element` that `matches` accepts, in document order. */
export function findAll(
  element: MarkupElement,
  matches: (candidate: MarkupElement) => boolean,
): MarkupElement[] {
  return descendantsOf(element).filter(matches);
}

/** The one element below `element` that `matches` accepts; throws when there is none or more than one. */
export function findOne(
  element: MarkupElement,
  matches: (candidate: MarkupElement) => boolean,
  what: string,
): MarkupElement {
  const found = findAll(element, matches);
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}`);
  return found[0] as MarkupElement;
}

/** The element with this id, or a thrown error naming the id. */
export function byId(element: MarkupElement, id: string): MarkupElement {
  return findOne(element, (candidate) => candidate.attributes.id === id, `#${id}`);
}

export const isTag =
  (...tags: string[]) =>
  (element: MarkupElement): boolean =>
    tags.includes(element.tag);

export const hasAttribute =
  (name: string) =>
  (element: MarkupElement): boolean =>
    name in element.attributes;

/** An element's text, with runs of white space made one space and the ends trimmed (like Playwright's). */
export function textOf(node: MarkupNode): string {
  return rawTextOf(node).replace(/\s+/g, " ").trim();
}

/** Elements that flow within a line: their text joins their neighbours' as it does on screen. */
const INLINE_ELEMENTS = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "code",
  "data",
  "em",
  "i",
  "kbd",
  "mark",
  "q",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
]);

function rawTextOf(node: MarkupNode): string {
  if (typeof node === "string") return node;
  return node.children
    .map((child) => {
      if (typeof child === "string") return child;
      // Block-level neighbours (paragraphs, list items, terms and their values) read as separate words.
      return INLINE_ELEMENTS.has(child.tag) ? rawTextOf(child) : ` ${rawTextOf(child)} `;
    })
    .join("");
}

/** What a screen reader calls an element: its aria-label when it has one, else its text. */
export function accessibleNameOf(element: MarkupElement): string {
  return element.attributes["aria-label"] ?? textOf(element);
}

/** The elements whose own text is exactly `text` (Playwright's `getByText(text, { exact: true })`). */
export function withExactText(element: MarkupElement, text: string | RegExp): MarkupElement[] {
  return findAll(element, (candidate) => {
    const own = textOf(candidate);
    return typeof text === "string" ? own === text : new RegExp(`^(?:${text.source})$`, text.flags).test(own);
  });
}

/**
 * The text a reader sees without opening anything: like textOf, but a closed <details> shows only its
 * <summary>, and a `hidden` element nothing (what Playwright's toBeVisible would refuse).
 */
export function visibleTextOf(element: MarkupElement): string {
  return textOf(visiblePart(element));
}

function visiblePart(element: MarkupElement): MarkupElement {
  const closed = element.tag === "details" && !("open" in element.attributes);
  const children = element.children.flatMap((child): MarkupNode[] => {
    if (typeof child === "string") return closed ? [] : [child];
    if ("hidden" in child.attributes) return [];
    if (closed && child.tag !== "summary") return [];
    return [visiblePart(child)];
  });
  return { ...element, children };
}

/**
 * Every piece of text below `node`, each element's apart from its neighbours': for looking for words
 * (an API value is one piece of text), where stylesheets may set side by side spans on lines of their own.
 */
export function wordsOf(node: MarkupNode): string {
  if (typeof node === "string") return node;
  return node.children.map(wordsOf).join(" ").replace(/\s+/g, " ").trim();
}
