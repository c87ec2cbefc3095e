import { describe, expect, it } from "vitest";
import { createCircuitBreaker, UpstreamCircuitOpenError } from "./breaker";
import { createSweetspotClient } from "./checkouts";
import { createDeadline } from "./deadline";
import { UpstreamUnavailableError } from "./errors";
import type { FetchLike } from "./http";

/** The client as pages use it: breaker in front, identical reads coalesced, one deadline per page read. */

const CHK = "chk_a1b2c3d4e5f6";
const record = (customerId: string) => ({ id: CHK, customerId, lifecycle: "created" });

function clientWith(fetch: FetchLike, extra: { now?: () => number; failures?: number } = {}) {
  const breaker = createCircuitBreaker({
    failureThreshold: extra.failures ?? 2,
    cooldownMs: 10_000,
    now: extra.now ?? (() => 0),
  });
  const client = createSweetspotClient({
    baseUrl: "http://api.test",
    apiKey: "sk_test",
    authHeader: "Authorization",
    timeoutMs: 1000,
    fetch,
    logger: () => {},
    recordLogger: () => {},
    sleep: async () => {},
    breaker,
  });
  return { client, breaker };
}

describe("the Sweet Spot client's resilience", () => {
  it("opens the breaker after consecutive failed reads, then fails fast without calling the API", async () => {
    let calls = 0;
    const { client, breaker } = clientWith(async () => {
      calls++;
      return new Response("down", { status: 503 });
    });
    const page = { offset: 0, limit: 20 };
    await expect(client.getCustomerCheckouts("usr_alex", page)).rejects.toBeInstanceOf(
      UpstreamUnavailableError,
    );
    await expect(client.getCustomerCheckouts("usr_alex", page)).rejects.toBeInstanceOf(
      UpstreamUnavailableError,
    );
    expect(breaker.state()).toBe("open");
    const callsWhenOpened = calls;
    await expect(client.getCustomerCheckouts("usr_alex", page)).rejects.toBeInstanceOf(
      UpstreamCircuitOpenError,
    );
    expect(calls).toBe(callsWhenOpened);
  });

  it("two customers reading at the same moment each get their own call and their own record", async () => {
    const urls: string[] = [];
    const { client } = clientWith(async (url) => {
      urls.push(url);
      const userId = new URL(url).searchParams.get("userId");
      // Held a moment so that both reads are in flight together.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (new URL(url).pathname.endsWith(CHK)) return Response.json({ ...record("usr_other"), id: CHK });
      return Response.json(userId ? [record(userId)] : []);
    });
    const [alex, blair] = await Promise.all([
      client.getCustomerCheckout("usr_alex", CHK),
      client.getCustomerCheckout("usr_blair", CHK),
    ]);
    expect(alex.customerId).toBe("usr_alex");
    expect(blair.customerId).toBe("usr_blair");
    expect(urls.filter((url) => url.includes("userId=usr_alex"))).toHaveLength(1);
    expect(urls.filter((url) => url.includes("userId=usr_blair"))).toHaveLength(1);
  });

  it("identical reads of one customer in flight together make one call", async () => {
    let calls = 0;
    const { client } = clientWith(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return Response.json([record("usr_alex")]);
    });
    const reads = await Promise.all([
      client.getCustomerCheckout("usr_alex", CHK),
      client.getCustomerCheckout("usr_alex", CHK),
      client.getCustomerCheckout("usr_alex", CHK),
    ]);
    expect(reads.map((read) => read.id)).toEqual([CHK, CHK, CHK]);
    expect(calls).toBe(1);
  });

  it("a spent page deadline leaves no time for the page's next request", async () => {
    let clock = 0;
    let calls = 0;
    const { client } = clientWith(
      async () => {
        calls++;
        return new Response("down", { status: 503 });
      },
      { failures: 100 },
    );
    const deadline = createDeadline(4000, () => clock);
    clock = 3900;
    await expect(
      client.getCustomerCheckouts("usr_alex", { offset: 0, limit: 20 }, { deadline }),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(calls).toBe(1);
  });
});
