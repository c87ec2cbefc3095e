import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → message, for every leaf. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") leaves.set(path, value);
    else for (const [leaf, message] of flatten(value, path)) leaves.set(leaf, message);
  }
  return leaves;
}

/** The names of a message's placeholders (arguments, plurals, selects, tags), sorted. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) visit(option.value);
      if ("children" in element) visit(element.children);
    }
  };
  visit(parse(message));
  return [...names].sort();
}

const english = flatten(MESSAGES.en as Tree);

describe.each(LOCALES.filter((locale) => locale !== "en"))("messages in %s", (locale) => {
  const translated = flatten(MESSAGES[locale] as Tree);

  it("has every English key", () => {
    expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
  });

  it("has no key English lacks", () => {
    expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it("fills the same placeholders as English in every message", () => {
    const differing = [...english].filter(
      ([key, message]) =>
        translated.has(key) &&
        placeholders(message).join() !== placeholders(translated.get(key) ?? "").join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});

describe.each(LOCALES)("every %s message", (locale) => {
  it("is valid ICU and not empty", () => {
    for (const [key, message] of flatten(MESSAGES[locale] as Tree)) {
      expect(message.trim(), key).not.toBe("");
      expect(() => parse(message), key).not.toThrow();
    }
  });
});
