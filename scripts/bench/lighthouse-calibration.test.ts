import { describe, expect, it } from "vitest";
import { calibratedCpuSlowdown } from "./lighthouse-calibration";

describe("calibratedCpuSlowdown", () => {
  it("gives Lighthouse's default 4× to a host in the middle of the high-end desktop bracket", () => {
    expect(calibratedCpuSlowdown(1533)).toBe(4);
    expect(calibratedCpuSlowdown(2000)).toBe(6);
  });

  it("lowers the slowdown for slower hosts, as Lighthouse's calculator does", () => {
    expect(calibratedCpuSlowdown(1300)).toBe(3);
    expect(calibratedCpuSlowdown(1050)).toBe(2.5);
    expect(calibratedCpuSlowdown(800)).toBe(2);
    expect(calibratedCpuSlowdown(475)).toBe(1.5);
    expect(calibratedCpuSlowdown(150)).toBe(1);
  });

  it("never speeds a host up, and refuses what is not an index", () => {
    expect(calibratedCpuSlowdown(90)).toBe(1);
    expect(() => calibratedCpuSlowdown(Number.NaN)).toThrow();
    expect(() => calibratedCpuSlowdown(0)).toThrow();
  });
});
