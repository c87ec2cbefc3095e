import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryStore } from "@/lib/store/memory-store";
import type { SharedStore } from "@/lib/store/shared-store";
import { createDeadline } from "@/lib/sweetspot/deadline";
import { sandboxConfig } from "@/test-support/sandbox-config";
import { withSwitch } from "@/test-support/stores-under-test";

/*
 * /api/health's `budget`: what an operator reads during a campaign (docs/deployment.md, the upstream
 * budget). The probe is stubbed: it is not what these tests are about, and it calls the API.
 */

const config = vi.hoisted(() => ({ current: undefined as unknown }));
const store = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock("@/lib/env", () => ({ env: () => config.current }));
vi.mock("@/lib/store/shared", () => ({ sharedStore: () => store.current }));
vi.mock("@/lib/sweetspot/probe", () => ({ probeApi: async () => ({ status: "ok", latencyMs: 3 }) }));

// Early in a second of a frozen clock, so every call below falls in one budget window.
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

/** The route and the process's budget, fresh for `env` (the budget is made once per process). */
async function healthWith(env: Record<string, string>, shared: SharedStore = createMemoryStore()) {
  config.current = sandboxConfig(env);
  store.current = shared;
  vi.resetModules();
  const { GET } = await import("./route");
  const { upstreamBudget } = await import("@/lib/sweetspot/budgets");
  const health = async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    return ((await response.json()) as { budget: unknown }).budget;
  };
  return { health, budget: upstreamBudget() };
}

describe("/api/health's budget", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    // A 429's pause is logged (upstream_rate_limited); not this test's subject.
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("shows the budget on: calls per second, the polls' share, the second's use, and no pause", async () => {
    const { health, budget } = await healthWith({ SWEETSPOT_API_BUDGET: "12" });
    expect(await health()).toEqual({
      callsPerSecond: 12,
      pollCallsPerSecond: 6,
      usedThisSecond: 0,
      pausedUntil: null,
      instances: 1,
      countingAlone: false,
      callsPerSecondAlone: 12,
    });
    await budget.admit("page", createDeadline(4000));
    await budget.admit("page", createDeadline(4000));
    await budget.admit("poll", createDeadline(4000));
    expect(await health()).toMatchObject({ usedThisSecond: 3, pausedUntil: null });
  });

  it("shows until when a 429 pauses every instance", async () => {
    const { health, budget } = await healthWith({});
    await budget.pause(30);
    expect(await health()).toEqual({
      callsPerSecond: 20,
      pollCallsPerSecond: 10,
      usedThisSecond: 0,
      pausedUntil: new Date(NOW + 30_000).toISOString(),
      instances: 1,
      countingAlone: false,
      callsPerSecondAlone: 20,
    });
  });

  it("shows the budget off as nulls, counts nothing, and still shows the API's 429 pause", async () => {
    const { health, budget } = await healthWith({ SWEETSPOT_API_BUDGET: "off" });
    for (let call = 0; call < 5; call++) await budget.admit("page", createDeadline(4000));
    expect(await health()).toEqual({
      callsPerSecond: null,
      pollCallsPerSecond: null,
      usedThisSecond: 0,
      pausedUntil: null,
      instances: 1,
      countingAlone: false,
      callsPerSecondAlone: null,
    });
    await budget.pause(5);
    expect(await health()).toMatchObject({ pausedUntil: new Date(NOW + 5_000).toISOString() });
  });

  it("shows how many instances the budget knows of, and its share while the store is unavailable", async () => {
    // Three instances counted themselves in the store, then the store stops answering.
    const memory = createMemoryStore();
    const switchable = withSwitch(memory, Date.now, async () => {});
    await memory.increment(`upstream:instances:${Math.floor(NOW / 10_000)}`, 30);
    await memory.increment(`upstream:instances:${Math.floor(NOW / 10_000)}`, 30);
    const { health, budget } = await healthWith({ SWEETSPOT_API_BUDGET: "12" }, switchable.store);
    await budget.admit("page", createDeadline(4000));
    expect(await health()).toMatchObject({ instances: 3, countingAlone: false, callsPerSecondAlone: 4 });
    switchable.breakStore();
    expect(await health()).toMatchObject({
      usedThisSecond: 0,
      instances: 3,
      countingAlone: true,
      callsPerSecondAlone: 4,
    });
  });
});
