import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/store/rate-limit";
import { createRedisStore } from "@/lib/store/redis-store";
import { type RedisServer, startRedisServer } from "@/test-support/redis-server";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { consumeLinkRequestAllowance, LINK_REQUEST_LIMITS } from "./link-request-limits";

const { perCustomerPerHour, perClientIpPerHour } = LINK_REQUEST_LIMITS;

describeWithEachStore("new-link request limits", (current) => {
  const setup = async () => {
    const harness = current();
    // Start on an hour boundary so "this hour" reads plainly.
    const intoHour = (harness.now() / 1000) % 3600;
    if (intoHour !== 0) await harness.advanceSeconds(3600 - intoHour);
    return { ...harness, limiter: createRateLimiter(harness.store, { now: harness.now }) };
  };

  it("allows a few requests per customer an hour, from any address, then refuses until the next hour", async () => {
    const { limiter, advanceSeconds } = await setup();
    for (let index = 0; index < perCustomerPerHour; index++) {
      expect(
        await consumeLinkRequestAllowance(limiter, { userId: "usr_alex", clientIp: `203.0.113.${index}` }),
      ).toBe(true);
    }
    expect(await consumeLinkRequestAllowance(limiter, { userId: "usr_alex", clientIp: "198.51.100.9" })).toBe(
      false,
    );
    expect(
      await consumeLinkRequestAllowance(limiter, { userId: "usr_blair", clientIp: "198.51.100.9" }),
    ).toBe(true);
    await advanceSeconds(3600);
    expect(await consumeLinkRequestAllowance(limiter, { userId: "usr_alex", clientIp: "198.51.100.9" })).toBe(
      true,
    );
  });

  it("limits one address across customers", async () => {
    const { limiter } = await setup();
    for (let index = 0; index < perClientIpPerHour; index++) {
      expect(
        await consumeLinkRequestAllowance(limiter, { userId: `usr_c${index}`, clientIp: "203.0.113.50" }),
      ).toBe(true);
    }
    expect(await consumeLinkRequestAllowance(limiter, { userId: "usr_next", clientIp: "203.0.113.50" })).toBe(
      false,
    );
  });

  it("refuses while the store cannot count", async () => {
    const { limiter, breakStore } = await setup();
    breakStore();
    expect(await consumeLinkRequestAllowance(limiter, { userId: "usr_alex", clientIp: "203.0.113.1" })).toBe(
      false,
    );
  });
});

describe("new-link request limits across two instances", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server?.dispose());

  it("counts one customer's requests together whichever instance takes them", async () => {
    // Two portal instances: two store clients on one redis-server, each with its own limiter.
    const namespace = `limits-two-${process.pid}:`;
    const first = createRedisStore({ url: server.url, namespace });
    const second = createRedisStore({ url: server.url, namespace });
    try {
      // One captured instant, so both instances are in the same clock-aligned window.
      const instant = Date.now();
      const limiters = [
        createRateLimiter(first, { now: () => instant }),
        createRateLimiter(second, { now: () => instant }),
      ];
      const answers: boolean[] = [];
      for (let index = 0; index <= perCustomerPerHour; index++) {
        const limiter = limiters[index % 2];
        if (!limiter) throw new Error("two limiters");
        answers.push(
          await consumeLinkRequestAllowance(limiter, { userId: "usr_alex", clientIp: `203.0.113.${index}` }),
        );
      }
      expect(answers.slice(0, perCustomerPerHour)).toEqual(Array(perCustomerPerHour).fill(true));
      expect(answers.at(-1)).toBe(false);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
