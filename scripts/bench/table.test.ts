import { describe, expect, it } from "vitest";
import { formatTable, formatTargets } from "./table";

describe("formatTable", () => {
  it("left-aligns the first column, right-aligns the rest and shows null as a dash", () => {
    expect(
      formatTable([
        ["page", "req/s"],
        ["list", 25.8],
        ["checkout", null],
      ]),
    ).toBe(["page      req/s", "--------  -----", "list       25.8", "checkout      –"].join("\n"));
  });
});

describe("formatTargets", () => {
  it("marks each target met, missed or not applicable", () => {
    const text = formatTargets([
      { name: "a", target: "1", actual: "1", met: true },
      { name: "b", target: "1", actual: "2", met: false },
      { name: "c", target: "1", actual: "–", met: null },
    ]);
    expect(
      text
        .split("\n")
        .slice(2)
        .map((line) => line.trim().split(/\s+/).at(-1)),
    ).toEqual(["met", "MISSED", "n/a"]);
  });
});
