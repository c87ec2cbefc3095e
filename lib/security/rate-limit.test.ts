import { describe, expect, it } from "vitest";
import { InProcessRateLimiter } from "./rate-limit";

describe("InProcessRateLimiter", () => {
  it("allows `limit` uses per window, then says how long to wait", async () => {
    let now = 1_000_000;
    const limiter = new InProcessRateLimiter(() => now);
    for (let use = 0; use < 3; use++) {
      expect(await limiter.consume("token-a", 3, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    }
    expect(await limiter.consume("token-a", 3, 60)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    now += 45_500;
    expect(await limiter.consume("token-a", 3, 60)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    now += 14_500;
    expect((await limiter.consume("token-a", 3, 60)).allowed).toBe(true);
  });

  it("counts each key on its own", async () => {
    const limiter = new InProcessRateLimiter(() => 0);
    expect((await limiter.consume("a", 1, 60)).allowed).toBe(true);
    expect((await limiter.consume("a", 1, 60)).allowed).toBe(false);
    expect((await limiter.consume("b", 1, 60)).allowed).toBe(true);
  });

  it("forgets the oldest keys rather than growing without bound", async () => {
    const limiter = new InProcessRateLimiter(() => 0, 2);
    await limiter.consume("a", 1, 60);
    await limiter.consume("b", 1, 60);
    await limiter.consume("c", 1, 60);
    // "a" was evicted, so it starts a fresh window; "c" is still counted.
    expect((await limiter.consume("a", 1, 60)).allowed).toBe(true);
    expect((await limiter.consume("c", 1, 60)).allowed).toBe(false);
  });
});
