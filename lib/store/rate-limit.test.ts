import { expect, it } from "vitest";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { createRateLimiter } from "./rate-limit";

describeWithEachStore("rate limits", (current) => {
  // Start each test on a window boundary so the arithmetic reads plainly.
  const setup = async (windowSeconds = 60) => {
    const harness = current();
    const intoWindow = (harness.now() / 1000) % windowSeconds;
    if (intoWindow !== 0) await harness.advanceSeconds(windowSeconds - intoWindow);
    return { ...harness, limiter: createRateLimiter(harness.store, { now: harness.now }) };
  };

  it("allows up to the limit, then refuses with the seconds left in the window", async () => {
    const { limiter, advanceSeconds } = await setup();
    expect(await limiter.consume("link:ip:203.0.113.9", 3, 60)).toEqual({
      allowed: true,
      remaining: 2,
      retryAfterSeconds: 0,
      degraded: false,
    });
    await limiter.consume("link:ip:203.0.113.9", 3, 60);
    expect((await limiter.consume("link:ip:203.0.113.9", 3, 60)).remaining).toBe(0);
    await advanceSeconds(20);
    expect(await limiter.consume("link:ip:203.0.113.9", 3, 60)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 40,
      degraded: false,
    });
  });

  it("starts counting afresh in the next window", async () => {
    const { limiter, advanceSeconds } = await setup();
    await limiter.consume("signin:ip:a", 1, 60);
    expect((await limiter.consume("signin:ip:a", 1, 60)).allowed).toBe(false);
    await advanceSeconds(60);
    expect((await limiter.consume("signin:ip:a", 1, 60)).allowed).toBe(true);
  });

  it("counts each key on its own", async () => {
    const { limiter } = await setup();
    await limiter.consume("signin:ip:a", 1, 60);
    expect((await limiter.consume("signin:ip:b", 1, 60)).allowed).toBe(true);
  });

  it("shares counts between limiters over the same store, as instances do", async () => {
    const { store, now } = await setup();
    const instanceA = createRateLimiter(store, { now });
    const instanceB = createRateLimiter(store, { now });
    await instanceA.consume("image:token:t1", 2, 60);
    await instanceA.consume("image:token:t1", 2, 60);
    expect((await instanceB.consume("image:token:t1", 2, 60)).allowed).toBe(false);
  });

  it("allows when the store is unavailable, unless the caller asks to fail closed", async () => {
    const { limiter, breakStore } = await setup();
    breakStore();
    expect(await limiter.consume("k", 1, 60)).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterSeconds: 0,
      degraded: true,
    });
    expect(await limiter.consume("k", 1, 60, { onStoreUnavailable: "refuse" })).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 60,
      degraded: true,
    });
  });

  it("refuses nonsense limits", async () => {
    const { limiter } = await setup();
    await expect(limiter.consume("k", 0, 60)).rejects.toThrow(RangeError);
    await expect(limiter.consume("k", 1, 0)).rejects.toThrow(RangeError);
  });
});
