import { describe, expect, it } from "vitest";
import { parsePortalConfig } from "./schema";

const generate = () => "generated-secret".padEnd(32, "x");

describe("deadline and breaker configuration", () => {
  it("defaults to a 4 s page deadline and a breaker opening after 5 failures for 10 s", () => {
    const result = parsePortalConfig({ SWEETSPOT_SANDBOX: "1" }, generate);
    expect(result.ok && result.config.sweetspotDeadlineMs).toBe(4000);
    expect(result.ok && result.config.sweetspotBreaker).toEqual({ failureThreshold: 5, cooldownMs: 10_000 });
  });

  it("reads SWEETSPOT_DEADLINE_MS, SWEETSPOT_BREAKER_FAILURES and SWEETSPOT_BREAKER_COOLDOWN_MS", () => {
    const result = parsePortalConfig(
      {
        SWEETSPOT_SANDBOX: "1",
        SWEETSPOT_DEADLINE_MS: "2500",
        SWEETSPOT_BREAKER_FAILURES: "3",
        SWEETSPOT_BREAKER_COOLDOWN_MS: "2000",
      },
      generate,
    );
    expect(result.ok && result.config.sweetspotDeadlineMs).toBe(2500);
    expect(result.ok && result.config.sweetspotBreaker).toEqual({ failureThreshold: 3, cooldownMs: 2000 });
  });

  it("names each bad value", () => {
    const result = parsePortalConfig(
      {
        SWEETSPOT_SANDBOX: "1",
        SWEETSPOT_DEADLINE_MS: "10",
        SWEETSPOT_BREAKER_FAILURES: "0",
        SWEETSPOT_BREAKER_COOLDOWN_MS: "soon",
      },
      generate,
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? "" : result.problems.join("\n");
    expect(problems).toMatch(/^SWEETSPOT_DEADLINE_MS: /m);
    expect(problems).toMatch(/^SWEETSPOT_BREAKER_FAILURES: /m);
    expect(problems).toMatch(/^SWEETSPOT_BREAKER_COOLDOWN_MS: /m);
  });

  it("budgets 20 upstream calls a second by default, reads SWEETSPOT_API_BUDGET, and switches it off with off or 0", () => {
    const budgetOf = (value?: string) => {
      const result = parsePortalConfig(
        { SWEETSPOT_SANDBOX: "1", ...(value === undefined ? {} : { SWEETSPOT_API_BUDGET: value }) },
        generate,
      );
      return result.ok ? result.config.sweetspotApiBudget : result.problems.join("\n");
    };
    expect(budgetOf()).toBe(20);
    expect(budgetOf("150")).toBe(150);
    expect(budgetOf("off")).toBeNull();
    expect(budgetOf("0")).toBeNull();
    expect(budgetOf("lots")).toMatch(/^SWEETSPOT_API_BUDGET: .*calls per second/);
    expect(budgetOf("-3")).toMatch(/^SWEETSPOT_API_BUDGET: /);
  });
});
