import { describe, expect, it } from "vitest";
import { type LoadResult, mergeLoads } from "./load";

const run = (overrides: Partial<LoadResult>): LoadResult => ({
  connections: 32,
  seconds: 3,
  requests: 90,
  requestsPerSecond: 30,
  p50Ms: 100,
  p99Ms: 300,
  statuses: { "200": 90 },
  cpuMsPerRequest: 20,
  ...overrides,
});

describe("mergeLoads", () => {
  it("adds counts, averages rates and the median, and keeps the worse p99", () => {
    const merged = mergeLoads(
      run({}),
      run({
        requests: 60,
        requestsPerSecond: 20,
        p50Ms: 120,
        p99Ms: 250,
        statuses: { "200": 59, "503": 1 },
        cpuMsPerRequest: 30,
      }),
    );
    expect(merged).toEqual({
      connections: 32,
      seconds: 6,
      requests: 150,
      requestsPerSecond: 25,
      p50Ms: 110,
      p99Ms: 300,
      statuses: { "200": 149, "503": 1 },
      cpuMsPerRequest: 24,
    });
  });

  it("has no CPU figure when a run lacks one", () => {
    expect(mergeLoads(run({}), run({ cpuMsPerRequest: null })).cpuMsPerRequest).toBeNull();
  });
});
