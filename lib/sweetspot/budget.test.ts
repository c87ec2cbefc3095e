import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRedisStore } from "@/lib/store/redis-store";
import type { SharedStore } from "@/lib/store/shared-store";
import { recordingChanges } from "@/test-support/recording-store";
import { type RedisServer, startRedisServer } from "@/test-support/redis-server";
import { type CallPriority, createUpstreamBudget, type UpstreamBudgetOptions } from "./budget";
import type { Deadline } from "./deadline";
import { UpstreamHeldBackError } from "./errors";

/** A wall clock the test moves; budgets sleep by moving it (no real waiting). */
function fakeClock(start = Date.parse("2026-12-06T12:00:00.000Z")) {
  let at = start;
  return {
    now: () => at,
    advance: (ms: number) => {
      at += ms;
    },
  };
}

type Clock = ReturnType<typeof fakeClock>;

function budgetOn(store: SharedStore, clock: Clock, options: Partial<UpstreamBudgetOptions> = {}) {
  const slept: number[] = [];
  const budget = createUpstreamBudget({
    store,
    callsPerSecond: 10,
    now: clock.now,
    sleep: async (ms) => {
      slept.push(ms);
      clock.advance(ms);
    },
    ...options,
  });
  return { budget, slept };
}

/** A deadline on the same fake clock. */
function deadlineOf(clock: Clock, totalMs = 4000): Deadline {
  const endsAt = clock.now() + totalMs;
  return { totalMs, remainingMs: () => Math.max(0, endsAt - clock.now()) };
}

/** What `count` calls of one priority get, one after another: admitted or held back (and why). */
async function outcomes(
  budget: ReturnType<typeof createUpstreamBudget>,
  priority: CallPriority,
  count: number,
  deadline: () => Deadline,
) {
  const results: string[] = [];
  for (let index = 0; index < count; index++) {
    try {
      await budget.admit(priority, deadline());
      results.push("admitted");
    } catch (error) {
      if (!(error instanceof UpstreamHeldBackError)) throw error;
      results.push(error.reason);
    }
  }
  return results;
}

const tally = (results: string[]) =>
  results.reduce<Record<string, number>>((counts, result) => {
    counts[result] = (counts[result] ?? 0) + 1;
    return counts;
  }, {});

describe("the upstream budget (one instance, in-process store)", () => {
  it("lets page views use the whole second's budget, paced over it, then makes the next one wait for the next second", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.400Z"));
    const { budget } = budgetOn(createMemoryStore({ now: clock.now }), clock);
    const started = clock.now();
    expect(tally(await outcomes(budget, "page", 10, () => deadlineOf(clock)))).toEqual({ admitted: 10 });
    // The n-th call of a second starts no earlier than (n − 1)/10 of its first 900 ms: the tenth at 0.81 s.
    expect(clock.now() % 1000).toBe(810);

    await budget.admit("page", deadlineOf(clock));
    expect(Math.floor(clock.now() / 1000)).toBe(Math.floor(started / 1000) + 1);
  });

  it("refuses a page view when no slot comes within its deadline", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.400Z"));
    const { budget } = budgetOn(createMemoryStore({ now: clock.now }), clock);
    await outcomes(budget, "page", 10, () => deadlineOf(clock));
    const refusedAt = clock.now();
    // 100 ms to the next second, but a call needs 250 ms of the deadline left after the wait.
    const error = await budget.admit("page", deadlineOf(clock, 300)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamHeldBackError);
    expect(error).toMatchObject({ reason: "budget", retryAfterSeconds: 1 });
    expect(clock.now()).toBe(refusedAt);
  });

  it("gives polls at most half the budget and refuses the rest at once", async () => {
    const clock = fakeClock();
    const { budget } = budgetOn(createMemoryStore({ now: clock.now }), clock);
    expect(tally(await outcomes(budget, "poll", 5, () => deadlineOf(clock)))).toEqual({ admitted: 5 });
    const refusedAt = clock.now();
    expect(tally(await outcomes(budget, "poll", 3, () => deadlineOf(clock)))).toEqual({ budget: 3 });
    expect(clock.now()).toBe(refusedAt);
  });

  it("keeps page views their headroom however many polls are refused", async () => {
    const clock = fakeClock();
    const { budget } = budgetOn(createMemoryStore({ now: clock.now }), clock);
    await outcomes(budget, "poll", 200, () => deadlineOf(clock));
    expect(tally(await outcomes(budget, "page", 5, () => deadlineOf(clock)))).toEqual({ admitted: 5 });
  });

  it("serves page views before polls: once page views have spent the second, polls are refused", async () => {
    const clock = fakeClock();
    const { budget } = budgetOn(createMemoryStore({ now: clock.now }), clock);
    await outcomes(budget, "page", 10, () => deadlineOf(clock));
    expect(tally(await outcomes(budget, "poll", 3, () => deadlineOf(clock)))).toEqual({ budget: 3 });
  });

  it("switched off, lets every call through as before and counts nothing", async () => {
    const clock = fakeClock();
    const { store, changes } = recordingChanges(createMemoryStore({ now: clock.now }));
    const { budget, slept } = budgetOn(store, clock, { callsPerSecond: null });
    expect(tally(await outcomes(budget, "page", 100, () => deadlineOf(clock)))).toEqual({ admitted: 100 });
    expect(tally(await outcomes(budget, "poll", 100, () => deadlineOf(clock)))).toEqual({ admitted: 100 });
    expect(slept).toEqual([]);
    expect(changes).toEqual([]);
    expect(await budget.state()).toMatchObject({ callsPerSecond: null, pausedUntil: null });
  });

  it("after a 429, refuses polls and makes page views wait until its Retry-After has passed", async () => {
    const clock = fakeClock();
    const { budget, slept } = budgetOn(createMemoryStore({ now: clock.now }), clock);
    await budget.pause(3);
    expect(await outcomes(budget, "poll", 1, () => deadlineOf(clock))).toEqual(["paused"]);
    // A deadline shorter than the pause: refused at once, so the page answers from last known good.
    expect(await outcomes(budget, "page", 1, () => deadlineOf(clock, 2000))).toEqual(["paused"]);
    const pauseEnds = clock.now() + 3000;
    expect(await outcomes(budget, "page", 1, () => deadlineOf(clock, 4000))).toEqual(["admitted"]);
    expect(clock.now()).toBeGreaterThanOrEqual(pauseEnds);
    expect(slept).toEqual([3000]);
  });

  it("does not send a call that waited for its place in the second once a 429 has paused everyone", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.000Z"));
    const store = createMemoryStore({ now: clock.now });
    let pauseDuringWait = true;
    const { budget } = budgetOn(store, clock, {
      sleep: async (ms) => {
        clock.advance(ms);
        // Another instance is answered 429 while this call waits for its place.
        if (pauseDuringWait)
          await createUpstreamBudget({ store, callsPerSecond: 10, now: clock.now }).pause(30);
        pauseDuringWait = false;
      },
    });
    await budget.admit("page", deadlineOf(clock));
    // The second call of the second waits 100 ms for its place, and the pause comes meanwhile.
    expect(await outcomes(budget, "poll", 1, () => deadlineOf(clock))).toEqual(["paused"]);
  });

  it("does not send a call after its second's sending span, when the process woke too late for it", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.000Z"));
    const sentIn: number[] = [];
    let sleeps = 0;
    const { budget } = budgetOn(createMemoryStore({ now: clock.now }), clock, {
      observer: { admitted: () => sentIn.push(clock.now()) },
      sleep: async (ms) => {
        // The process is busy when the second's last place comes (at 810 ms): it wakes 100 ms late, in
        // the last 100 ms of the second, which are left for calls already on their way to reach the API.
        clock.advance(++sleeps === 9 ? ms + 100 : ms);
      },
    });
    expect(tally(await outcomes(budget, "page", 20, () => deadlineOf(clock)))).toEqual({ admitted: 20 });
    // Calls sent per second: never more than the budget, though the late call was counted in the first;
    // and none in the first second's last 100 ms.
    expect(tally(sentIn.map((at) => String(Math.floor(at / 1000))))).toEqual({
      "1796558400": 9,
      "1796558401": 10,
      "1796558402": 1,
    });
    expect(sentIn.filter((at) => at % 1000 >= 900)).toEqual([]);
  });

  it("gives a call that asks in a second's last 100 ms a place at the start of the next, poll or page view", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.950Z"));
    const { budget, slept } = budgetOn(createMemoryStore({ now: clock.now }), clock);
    expect(await outcomes(budget, "poll", 1, () => deadlineOf(clock))).toEqual(["admitted"]);
    expect(clock.now()).toBe(Date.parse("2026-12-06T12:00:01.000Z"));
    expect(slept).toEqual([50]);
    clock.advance(940);
    expect(await outcomes(budget, "page", 1, () => deadlineOf(clock))).toEqual(["admitted"]);
    expect(clock.now()).toBe(Date.parse("2026-12-06T12:00:02.000Z"));
  });

  it("pauses for a back-off when the 429 gives no Retry-After, and keeps the later of two pauses", async () => {
    const clock = fakeClock();
    const { budget } = budgetOn(createMemoryStore({ now: clock.now }), clock);
    await budget.pause(undefined);
    expect((await budget.state()).pausedUntil?.getTime()).toBe(clock.now() + 5000);
    await budget.pause(60);
    await budget.pause(2);
    expect((await budget.state()).pausedUntil?.getTime()).toBe(clock.now() + 60_000);
  });

  it("honours the pause even while the 429 is on, budget off", async () => {
    const clock = fakeClock();
    const { budget } = budgetOn(createMemoryStore({ now: clock.now }), clock, { callsPerSecond: null });
    await budget.pause(10);
    expect(await outcomes(budget, "poll", 1, () => deadlineOf(clock))).toEqual(["paused"]);
  });
});

describe("the upstream budget shared by two instances on one Redis", () => {
  let redis: RedisServer;
  const stores: SharedStore[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis.dispose();
  });
  const instance = (clock: Clock, options: Partial<UpstreamBudgetOptions> = {}) => {
    // Each instance its own connection, as two portal processes would have.
    const store = createRedisStore({ url: redis.url, namespace: `budget-test-${stores.length >> 1}:` });
    stores.push(store);
    return budgetOn(store, clock, options);
  };

  it("counts every instance's calls against one budget per second", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.100Z"));
    const a = instance(clock);
    const b = instance(clock);
    const both = await Promise.all([
      outcomes(a.budget, "page", 6, () => deadlineOf(clock, 300)),
      outcomes(b.budget, "page", 6, () => deadlineOf(clock, 300)),
    ]);
    expect(tally(both.flat())).toEqual({ admitted: 10, budget: 2 });
    expect((await a.budget.state()).usedThisSecond).toBe(10);
  });

  it("pauses both instances when one of them is answered 429, until the Retry-After has passed", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.100Z"));
    const a = instance(clock);
    const b = instance(clock);
    await a.budget.pause(30);
    expect(await outcomes(b.budget, "poll", 1, () => deadlineOf(clock))).toEqual(["paused"]);
    expect(await outcomes(b.budget, "page", 1, () => deadlineOf(clock))).toEqual(["paused"]);
    expect((await b.budget.state()).pausedUntil?.getTime()).toBe(clock.now() + 30_000);
    clock.advance(29_000);
    expect(await outcomes(b.budget, "page", 1, () => deadlineOf(clock, 500))).toEqual(["paused"]);
    clock.advance(1000);
    expect(await outcomes(b.budget, "page", 1, () => deadlineOf(clock))).toEqual(["admitted"]);
    expect(await outcomes(a.budget, "poll", 1, () => deadlineOf(clock))).toEqual(["admitted"]);
  });
});

describe("the upstream budget while Redis is unreachable", () => {
  let redis: RedisServer;
  const stores: SharedStore[] = [];
  let namespaces = 0;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis.dispose();
  });
  /** `count` instances of one deployment, each with its own connection to the same Redis. */
  const deployment = (clock: Clock, count: number) => {
    const namespace = `budget-outage-${++namespaces}:`;
    return Array.from({ length: count }, () => {
      const store = createRedisStore({ url: redis.url, namespace, commandTimeoutMs: 200 });
      stores.push(store);
      return budgetOn(store, clock).budget;
    });
  };
  /** Redis down for the length of `body`, then back (empty: the test server keeps nothing). */
  const withRedisDown = async (body: () => Promise<void>) => {
    await redis.stop();
    try {
      await body();
    } finally {
      await redis.restart();
    }
  };
  /** One call per instance in each of two 10 s windows: every instance has counted itself and read the other's count. */
  const meetEachOther = async (clock: Clock, budgets: ReturnType<typeof deployment>) => {
    for (const round of [0, 1]) {
      if (round) clock.advance(10_000);
      for (const budget of budgets) await budget.admit("page", deadlineOf(clock));
    }
    clock.advance(1000);
  };

  it("gives each instance only its share: budget ÷ the instances it last saw, not the whole budget each", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.100Z"));
    const [a, b] = deployment(clock, 2);
    if (!a || !b) throw new Error("two instances");
    await meetEachOther(clock, [a, b]);
    expect(await a.state()).toMatchObject({ instances: 2, callsPerSecondAlone: 5 });
    await withRedisDown(async () => {
      const second = Math.floor(clock.now() / 1000);
      const each = [
        await outcomes(a, "page", 8, () => deadlineOf(clock, 300)),
        await outcomes(b, "page", 8, () => deadlineOf(clock, 300)),
      ];
      // 10 calls a second between two instances: 5 each, all within the one second.
      expect(each.map(tally)).toEqual([
        { admitted: 5, budget: 3 },
        { admitted: 5, budget: 3 },
      ]);
      expect(Math.floor(clock.now() / 1000)).toBe(second);
      // Polls: half the share.
      clock.advance(1000);
      expect(tally(await outcomes(a, "poll", 4, () => deadlineOf(clock)))).toEqual({
        admitted: 2,
        budget: 2,
      });
    });
  });

  it("when Redis fails within a second an instance counted through, sends nothing more in it, then its share", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.100Z"));
    const [a, b] = deployment(clock, 2);
    if (!a || !b) throw new Error("two instances");
    await meetEachOther(clock, [a, b]);
    const second = Math.floor(clock.now() / 1000);
    // Three of the second's ten counted in Redis: two by b, one by a.
    expect(tally(await outcomes(b, "page", 2, () => deadlineOf(clock, 300)))).toEqual({ admitted: 2 });
    expect(tally(await outcomes(a, "page", 1, () => deadlineOf(clock, 300)))).toEqual({ admitted: 1 });
    await withRedisDown(async () => {
      // Either may be the one Redis still answers for a while: neither goes on alone in this second.
      expect(tally(await outcomes(a, "page", 3, () => deadlineOf(clock, 300)))).toEqual({ budget: 3 });
      expect(tally(await outcomes(b, "page", 3, () => deadlineOf(clock, 300)))).toEqual({ budget: 3 });
      expect(Math.floor(clock.now() / 1000)).toBe(second);
      // From the next second, each its share: 5 of the 10.
      clock.advance(1000 - (clock.now() % 1000));
      expect(tally(await outcomes(a, "page", 6, () => deadlineOf(clock, 300)))).toEqual({
        admitted: 5,
        budget: 1,
      });
    });
  });

  it("keeps the whole budget for an instance that is alone, or that never reached Redis", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.100Z"));
    const [alone] = deployment(clock, 1);
    if (!alone) throw new Error("one instance");
    await meetEachOther(clock, [alone]);
    await withRedisDown(async () => {
      const [newcomer] = deployment(clock, 1);
      if (!newcomer) throw new Error("one instance");
      expect(tally(await outcomes(alone, "page", 12, () => deadlineOf(clock, 300)))).toEqual({
        admitted: 10,
        budget: 2,
      });
      clock.advance(1000);
      expect(tally(await outcomes(newcomer, "page", 12, () => deadlineOf(clock, 300)))).toEqual({
        admitted: 10,
        budget: 2,
      });
    });
  });

  it("never gives an instance less than one call a second, however many instances there are", async () => {
    const clock = fakeClock(Date.parse("2026-12-06T12:00:00.100Z"));
    const budgets = deployment(clock, 12);
    await meetEachOther(clock, budgets);
    await withRedisDown(async () => {
      const [first] = budgets;
      if (!first) throw new Error("instances");
      expect(tally(await outcomes(first, "page", 3, () => deadlineOf(clock, 300)))).toEqual({
        admitted: 1,
        budget: 2,
      });
    });
  });
});
