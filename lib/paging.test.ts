import { describe, expect, it } from "vitest";
import { MAX_PAGE, PAGE_SIZE, pageOffset, parsePageNumber } from "./paging";

describe("parsePageNumber", () => {
  it("reads whole page numbers", () => {
    expect(parsePageNumber("1")).toBe(1);
    expect(parsePageNumber("2")).toBe(2);
    expect(parsePageNumber(String(MAX_PAGE))).toBe(MAX_PAGE);
  });

  it.each([undefined, "", "0", "-1", "1.5", "abc", "1e3", " 2", "0x10", "999999", String(MAX_PAGE + 1)])(
    "falls back to page 1 for %j",
    (value) => {
      expect(parsePageNumber(value)).toBe(1);
    },
  );

  it("falls back to page 1 for a repeated parameter", () => {
    expect(parsePageNumber(["2", "3"])).toBe(1);
  });

  it("turns pages into offsets", () => {
    expect(pageOffset(1)).toBe(0);
    expect(pageOffset(3)).toBe(2 * PAGE_SIZE);
  });
});
