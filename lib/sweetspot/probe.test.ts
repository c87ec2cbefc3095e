import { describe, expect, it, vi } from "vitest";
import { UpstreamAuthError, UpstreamInvalidResponseError, UpstreamUnavailableError } from "./errors";
import { classifyProbe, createApiProbe, describeProbe, SLOW_API_MS } from "./probe";

/** A clock the test moves by hand; `request` can advance it to stand for the API's latency. */
function manualClock() {
  let time = 0;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe("createApiProbe", () => {
  it("asks the API at most once every few seconds, however often health is polled", async () => {
    const clock = manualClock();
    const request = vi.fn().mockResolvedValue([]);
    const probe = createApiProbe({ request, now: clock.now });
    await Promise.all([probe(), probe(), probe()]);
    expect(request).toHaveBeenCalledTimes(1);
    clock.advance(6000);
    expect((await probe()).status).toBe("ok");
    expect(request).toHaveBeenCalledTimes(2);
  });

  it("reports a refused key as unauthorized", async () => {
    const request = vi.fn().mockRejectedValue(new UpstreamAuthError("401", { status: 401 }));
    const probe = createApiProbe({ request, now: manualClock().now });
    expect((await probe()).status).toBe("unauthorized");
  });

  it.each([
    ["a 5xx or a timeout", new UpstreamUnavailableError("down", { status: 503 })],
    ["something else answering at the URL", new UpstreamInvalidResponseError("404", { status: 404 })],
    ["a network failure", new TypeError("fetch failed")],
  ])("reports %s as unreachable", async (_, error) => {
    const probe = createApiProbe({ request: vi.fn().mockRejectedValue(error), now: manualClock().now });
    expect((await probe()).status).toBe("unreachable");
  });

  it("reports an API that answers, but slower than the threshold, as slow, with its latency", async () => {
    const clock = manualClock();
    const request = vi.fn(async () => {
      clock.advance(SLOW_API_MS + 1);
      return [];
    });
    const probe = createApiProbe({ request, now: clock.now });
    expect(await probe()).toEqual({ status: "slow", latencyMs: SLOW_API_MS + 1 });
  });
});

describe("classifyProbe", () => {
  it("is ok up to the threshold, slow above it", () => {
    expect(classifyProbe({}, SLOW_API_MS)).toBe("ok");
    expect(classifyProbe({}, SLOW_API_MS + 1)).toBe("slow");
  });
});

describe("describeProbe", () => {
  it("says in one line which API and what to check, never the key", () => {
    const line = describeProbe("https://api.example.test", { status: "unauthorized", latencyMs: 42 });
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toContain("https://api.example.test");
    expect(line).toContain("SWEETSPOT_API_KEY");
  });
});
