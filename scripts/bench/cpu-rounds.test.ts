import { describe, expect, it } from "vitest";
import { summariseCpuRounds } from "./cpu-rounds";

type Route = "baseline" | "list";
const round = (baseline: number, list: number) =>
  new Map<Route, number>([
    ["baseline", baseline],
    ["list", list],
  ]);

describe("summariseCpuRounds", () => {
  it("takes each ratio within its round, so a disturbed round does not skew the others", () => {
    // The third round ran while something else loaded the machine: both figures are high.
    const summary = summariseCpuRounds(
      [round(20, 28), round(21, 30), round(40, 70), round(19, 27)],
      "baseline",
    );
    const list = summary.get("list");
    expect(list?.medianRatio).toBeCloseTo((27 / 19 + 30 / 21) / 2, 5);
    expect(list?.maxRatio).toBeCloseTo(70 / 40, 5);
    expect(list?.medianMs).toBe(29);
    expect(list?.minMs).toBe(27);
    expect(summary.get("baseline")?.medianRatio).toBe(1);
  });

  it("leaves out rounds where a figure is missing or unusable", () => {
    const summary = summariseCpuRounds(
      [round(20, Number.POSITIVE_INFINITY), round(0, 25), round(20, 30)],
      "baseline",
    );
    expect(summary.get("list")?.medianRatio).toBe(1.5);
    expect(summary.get("list")?.maxMs).toBe(30);
  });
});
