import { escapeUTF8 } from "entities";

/** What may be put into an `html` template: text (escaped), more `Html` (as is), or nothing. */
type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

/**
 * Markup that cannot carry an unescaped value: the only way to make one is the `html` tag below,
 * whose literal parts are our source code and whose every value is escaped unless it is itself
 * `Html`. So a token, a return path, an email address or a translated sentence can never become
 * markup, and no page has to remember to escape anything.
 */
export class Html {
  readonly #markup: string;

  private constructor(markup: string) {
    this.#markup = markup;
  }

  static fromTemplate(literals: TemplateStringsArray, values: readonly HtmlValue[]): Html {
    let markup = literals[0] ?? "";
    values.forEach((value, index) => {
      markup += markupOf(value) + (literals[index + 1] ?? "");
    });
    return new Html(markup);
  }

  toString(): string {
    return this.#markup;
  }
}

/**
 * Escaped the same way in text and in a double-quoted attribute (`& < > " '`, by the `entities`
 * library); `false`, null and undefined are nothing, so `${condition && html`…`}` reads naturally.
 */
function markupOf(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(markupOf).join("");
  if (value === false || value === null || value === undefined) return "";
  return escapeUTF8(String(value));
}

/** The tag: html`<p>${text}</p>`. */
export function html(literals: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return Html.fromTemplate(literals, values);
}

/**
 * A translated sentence whose placeholders hold markup (links): `translate` is called with a marker
 * for each placeholder, the sentence's words are escaped like any value, and the markers are
 * replaced by the given `Html`. Neither the message nor a value can break the other.
 */
export function htmlSentence(
  translate: (markers: Record<string, string>) => string,
  placeholders: Record<string, Html>,
): Html {
  const names = Object.keys(placeholders);
  const sentence = translate(Object.fromEntries(names.map((name, index) => [name, marker(index)])));
  // split() with a capturing group: even entries are the sentence's words, odd ones a placeholder's index.
  const parts = sentence.split(MARKER);
  return html`${parts.map((part, index) => (index % 2 === 0 ? part : placeholders[names[Number(part)] ?? ""]))}`;
}

/** A private-use character: no message contains one. */
const marker = (index: number) => `\uE000${index}\uE000`;
const MARKER = /\uE000(\d+)\uE000/;
