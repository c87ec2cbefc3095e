import { describe, expect, it } from "vitest";
import { callRateFigures, callsDuringPause, percentile } from "./blast-figures";

describe("blast figures", () => {
  it("reads calls per second over the wave, quiet seconds included, the health probe's apart from the budget's", () => {
    const seconds = [
      { second: 99, calls: 50, limited: 0, probes: 0 },
      { second: 100, calls: 22, limited: 0, probes: 2 },
      { second: 102, calls: 22, limited: 1, probes: 1 },
    ];
    expect(callRateFigures(seconds, 100_000, 103_999, 20)).toEqual({
      maxPerSecond: 22,
      meanPerSecond: 11,
      maxBudgetedPerSecond: 21,
      secondsOver: 1,
      probes: 3,
      limited: 1,
      seconds: 4,
    });
  });

  it("takes nearest-rank percentiles", () => {
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 0.95)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
  });

  it("counts the calls that reached the API during a 429's pause, past those already in flight", () => {
    expect(callsDuringPause([1000, 1100, 1400, 2500, 3999, 4000], 1000, 3, 250)).toBe(3);
  });
});
