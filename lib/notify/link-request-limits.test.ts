import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRevocations } from "@/lib/auth/revocations";
import { createRateLimiter, type RateLimiter } from "@/lib/store/rate-limit";
import { createRedisStore } from "@/lib/store/redis-store";
import type { SharedStore } from "@/lib/store/shared-store";
import { type RedisServer, startRedisServer } from "@/test-support/redis-server";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { createLinkRequestLimits, LINK_REQUEST_LIMITS } from "./link-request-limits";

const { perCustomerPerHour, perClientIpPerHour } = LINK_REQUEST_LIMITS;
const SECRET = "link-request-limits-test-secret-0123456789";
const HOUR = 3600;

/** The limits as the portal wires them (lib/notify/fresh-link-dependencies.ts), one per limiter. */
const consumeLinkRequestAllowance = (limiter: RateLimiter, request: { userId: string; clientIp: string }) =>
  createLinkRequestLimits(limiter, SECRET).consume(request);

describeWithEachStore("new-link request limits", (current) => {
  const setup = async () => {
    const harness = current();
    // Start on an hour boundary so "this hour" reads plainly.
    const intoHour = (harness.now() / 1000) % 3600;
    if (intoHour !== 0) await harness.advanceSeconds(3600 - intoHour);
    const counted: string[] = [];
    // Records the counters touched, so tests can see what a look at the store would.
    const recording: SharedStore = {
      ...harness.store,
      increment: (key, ttl) => {
        counted.push(key);
        return harness.store.increment(key, ttl);
      },
    };
    return { ...harness, counted, limiter: createRateLimiter(recording, { now: harness.now }) };
  };

  it("counts a customer under a keyed digest of their id: not the id, not its plain SHA-256", async () => {
    const { limiter, counted, store } = await setup();
    await consumeLinkRequestAllowance(limiter, { userId: "usr_alex", clientIp: "203.0.113.1" });
    const customerCounters = counted.filter((key) => !key.startsWith("ratelimit:link-request:ip:"));
    expect(customerCounters).toEqual([
      expect.stringMatching(/^ratelimit:link-request:customer:[0-9a-f]{40}:3600:\d+$/),
    ]);
    const name = customerCounters[0]?.split(":")[3] ?? "";
    expect(createHash("sha256").update("usr_alex").digest("hex")).not.toContain(name.slice(0, 16));
    // Another purpose, another name: the customer's revocation key does not match their counter.
    const revocationKeys: string[] = [];
    await createRevocations(
      { ...store, set: async (key) => void revocationKeys.push(key) },
      SECRET,
    ).revokeUser("usr_alex", Date.now() / 1000 + HOUR);
    expect(revocationKeys).toEqual([expect.stringMatching(/^revoked:customer:[0-9a-f]{40}$/)]);
    expect(revocationKeys[0]).not.toContain(name);
  });

  it("counts an address under a keyed digest too, never the address itself", async () => {
    const { limiter, counted } = await setup();
    await consumeLinkRequestAllowance(limiter, { userId: "usr_alex", clientIp: "203.0.113.1" });
    await consumeLinkRequestAllowance(limiter, { userId: "usr_alex", clientIp: "2001:db8::1" });
    const addressCounters = counted.filter((key) => key.startsWith("ratelimit:link-request:ip:"));
    expect(addressCounters).toEqual([
      expect.stringMatching(/^ratelimit:link-request:ip:[0-9a-f]{40}:3600:\d+$/),
      expect.stringMatching(/^ratelimit:link-request:ip:[0-9a-f]{40}:3600:\d+$/),
    ]);
    expect(addressCounters[0]).not.toBe(addressCounters[1]);
    expect(counted.join(" ")).not.toMatch(/203\.0\.113\.1|2001:db8/);
  });

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
