import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HEALTH_PROBE_USER_ID } from "../lib/sweetspot/ids";
import { SandboxRateLimit } from "./rate-limit";
import { expectError, postJson, type RunningSandbox, startSandbox } from "./testing";

const LIST = "/v1/checkouts?userId=usr_demo_alex";

describe("the sandbox's rate limit (an injected clock)", () => {
  it("answers 429 above N calls in one second of the clock, and counts every call per second", () => {
    let now = Date.parse("2026-12-06T12:00:00.200Z");
    const limit = new SandboxRateLimit(() => now);
    limit.set({ callsPerSecond: 3, retryAfterSeconds: 2 });
    const answers = Array.from({ length: 5 }, () => limit.admit());
    expect(answers).toEqual([null, null, null, { retryAfterSeconds: 2 }, { retryAfterSeconds: 2 }]);
    now += 1000;
    expect(limit.admit()).toBeNull();
    const second = Math.floor(Date.parse("2026-12-06T12:00:00Z") / 1000);
    expect(limit.callRate()).toEqual([
      { second, calls: 5, limited: 2, probes: 0 },
      { second: second + 1, calls: 1, limited: 0, probes: 0 },
    ]);
  });

  it("only counts while no limit is set", () => {
    const limit = new SandboxRateLimit(() => 0);
    expect(Array.from({ length: 100 }, () => limit.admit()).every((answer) => answer === null)).toBe(true);
    expect(limit.callRate()).toEqual([{ second: 0, calls: 100, limited: 0, probes: 0 }]);
  });

  it("counts the portal's health probe apart (the portal's budget exempts it), and limits it like any call", () => {
    const limit = new SandboxRateLimit(() => 0);
    limit.set({ callsPerSecond: 2 });
    expect([limit.admit(), limit.admit(true), limit.admit(true)]).toEqual([
      null,
      null,
      { retryAfterSeconds: 1 },
    ]);
    expect(limit.callRate()).toEqual([{ second: 0, calls: 3, limited: 1, probes: 2 }]);
  });
});

describe("/__sandbox/rate-limit and /__sandbox/call-rate", () => {
  let running: RunningSandbox;
  beforeEach(async () => {
    running = await startSandbox();
  });
  afterEach(() => running.close());

  it("reports the portal's health probe calls apart from the others", async () => {
    await (await running.api(LIST)).text();
    await (
      await running.api(`/v1/checkouts?id=chk_health_probe&userId=${HEALTH_PROBE_USER_ID}&limit=1`)
    ).text();
    const { seconds } = (await (await running.control("/call-rate")).json()) as {
      seconds: { calls: number; probes: number }[];
    };
    expect(seconds.reduce((sum, entry) => sum + entry.calls, 0)).toBe(2);
    expect(seconds.reduce((sum, entry) => sum + entry.probes, 0)).toBe(1);
  });

  it("sets a limit that answers 429 with Retry-After, reports the calls, and is lifted by DELETE or reset", async () => {
    expect(
      (await running.control("/rate-limit", postJson({ callsPerSecond: 1, retryAfterSeconds: 7 }))).status,
    ).toBe(200);
    // Two calls in a row: at most one can be in a second of its own, and then the limit allows it.
    const answers = [await running.api(LIST), await running.api(LIST), await running.api(LIST)];
    const [limited, ...moreLimited] = answers.filter((answer) => answer.status === 429);
    if (!limited) throw new Error("expected a 429 among three calls with a limit of one a second");
    expect(limited.headers.get("retry-after")).toBe("7");
    await expectError(limited, 429, "rate_limited");
    await Promise.all(answers.filter((answer) => answer !== limited).map((answer) => answer.text()));

    const { seconds } = (await (await running.control("/call-rate")).json()) as {
      seconds: { calls: number; limited: number }[];
    };
    expect(seconds.reduce((sum, entry) => sum + entry.calls, 0)).toBe(3);
    expect(seconds.reduce((sum, entry) => sum + entry.limited, 0)).toBe(1 + moreLimited.length);

    await running.control("/rate-limit", { method: "DELETE" });
    expect((await running.list()).length).toBeGreaterThanOrEqual(0);
    await running.control("/rate-limit", postJson({ callsPerSecond: 1 }));
    await running.control("/reset", { method: "POST" });
    expect(await (await running.control("/rate-limit")).json()).toEqual({ rateLimit: null });
  });

  it("refuses a malformed limit", async () => {
    await expectError(
      await running.control("/rate-limit", postJson({ callsPerSecond: 0 })),
      400,
      "invalid_rate_limit",
    );
  });
});
