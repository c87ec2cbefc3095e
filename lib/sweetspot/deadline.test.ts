import { describe, expect, it } from "vitest";
import { createDeadline } from "./deadline";

describe("createDeadline", () => {
  it("counts down on the injected clock and stops at zero", () => {
    let now = 1000;
    const deadline = createDeadline(4000, () => now);
    expect(deadline.remainingMs()).toBe(4000);
    now += 1500;
    expect(deadline.remainingMs()).toBe(2500);
    now += 10_000;
    expect(deadline.remainingMs()).toBe(0);
    expect(deadline.totalMs).toBe(4000);
  });
});
