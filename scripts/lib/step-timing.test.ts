import { describe, expect, it } from "vitest";
import { formatElapsed, formatStepTimes } from "./step-timing";

describe("formatElapsed", () => {
  it("gives whole seconds under a minute and minutes with two-digit seconds above", () => {
    expect(formatElapsed(0)).toBe("0s");
    expect(formatElapsed(41_600)).toBe("42s");
    expect(formatElapsed(60_000)).toBe("1m 00s");
    expect(formatElapsed(187_400)).toBe("3m 07s");
    expect(formatElapsed(12 * 60_000)).toBe("12m 00s");
  });
});

describe("formatStepTimes", () => {
  it("lists each step aligned, marks a failed one, and ends with the whole run's time", () => {
    expect(
      formatStepTimes(
        [
          { name: "lint", milliseconds: 9_000, ok: true },
          { name: "typecheck", milliseconds: 31_000, ok: true },
          { name: "browser", milliseconds: 250_000, ok: false },
        ],
        280_000,
      ),
    ).toEqual(["lint       9s", "typecheck  31s", "browser    4m 10s  (failed)", "total      4m 40s"]);
  });
});
