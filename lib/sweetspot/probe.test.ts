import { afterEach, describe, expect, it, vi } from "vitest";

const listCheckouts = vi.fn();
vi.mock("./checkouts", () => ({ listCheckouts }));

describe("probeApi", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.resetModules();
    listCheckouts.mockReset();
  });

  it("asks the API at most once every few seconds, however often health is polled", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    listCheckouts.mockResolvedValue([]);
    const { probeApi } = await import("./probe");
    await Promise.all([probeApi(), probeApi(), probeApi()]);
    expect(listCheckouts).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 6000);
    expect((await probeApi()).status).toBe("ok");
    expect(listCheckouts).toHaveBeenCalledTimes(2);
  });

  it("reports an API that does not answer as unavailable, with no customer filter sent", async () => {
    listCheckouts.mockRejectedValue(new Error("down"));
    const { probeApi } = await import("./probe");
    expect((await probeApi()).status).toBe("unavailable");
    expect(listCheckouts.mock.calls[0]?.[0]).toEqual({ id: "chk_health_probe", limit: 1 });
  });
});
