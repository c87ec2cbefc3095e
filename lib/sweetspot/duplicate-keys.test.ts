import { describe, expect, it } from "vitest";
import { findDuplicateKeys } from "./duplicate-keys";

const itemsOf = (text: string) => [...findDuplicateKeys(text).items].sort();

describe("findDuplicateKeys", () => {
  it("finds nothing in JSON without repeated keys", () => {
    expect(findDuplicateKeys('[{"a":1,"b":{"a":2}},{"a":[{"a":1},{"a":2}]}]')).toEqual({
      root: false,
      items: new Set(),
    });
    expect(findDuplicateKeys('{"id":"x","nested":{"id":"y"}}').root).toBe(false);
  });

  it("names the top-level items that repeat a key, at any depth", () => {
    const text = '[{"id":"a"},{"id":"b","id":"c"},{"x":{"k":1,"k":2}},{"id":"d"}]';
    expect(itemsOf(text)).toEqual([1, 2]);
  });

  it("compares decoded keys", () => {
    expect(itemsOf('[{"id":1,"\\u0069d":2}]')).toEqual([0]);
  });

  it("is not fooled by braces, commas, quotes or colons inside strings", () => {
    const text = '[{"a":"}{,\\"a\\":","b":"[,]"},{"a":"x","a":"y"}]';
    expect(itemsOf(text)).toEqual([1]);
  });

  it("counts scalar, string and array items when numbering", () => {
    const text = '[ 1, "s", null, [ {"a":1} ], true, -2.5e3, {"a":1,"a":2} ]';
    expect(itemsOf(text)).toEqual([6]);
  });

  it("keeps each object's keys apart (siblings and nesting may reuse a key)", () => {
    expect(itemsOf('[{"a":{"a":{"a":1}},"b":{"a":1}}]')).toEqual([]);
  });

  it("reports a repeated key in a top-level object as root", () => {
    expect(findDuplicateKeys('{"customerId":"usr_a","customerId":"usr_b"}').root).toBe(true);
    expect(findDuplicateKeys('{"x":{"y":1,"y":1}}').root).toBe(true);
  });

  it("handles whitespace and an empty array", () => {
    expect(itemsOf(" \n[ ]\n")).toEqual([]);
    expect(itemsOf('[\n  {\n "a" : 1 ,\n "a" : 2\n }\n]')).toEqual([0]);
  });
});
