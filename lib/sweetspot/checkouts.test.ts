import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  type FakeHandler,
  type FakeUpstream,
  sendJson,
  startFakeUpstream,
} from "@/test-support/fake-upstream";
import { createSweetspotClient, type SweetspotClientOptions } from "./checkouts";
import { CheckoutNotFoundError, UpstreamInvalidResponseError, UpstreamUnavailableError } from "./errors";
import type { UpstreamLogEntry } from "./log";

const API_KEY = "sk_test_checkouts_key_0123456789";
const ALICE = "usr_alice";
const CHK = "chk_a1b2c3d4e5f6";

let upstream: FakeUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function setup(handler: FakeHandler, overrides: Partial<SweetspotClientOptions> = {}) {
  upstream = await startFakeUpstream(handler);
  const logs: UpstreamLogEntry[] = [];
  const client = createSweetspotClient({
    baseUrl: upstream.url,
    apiKey: API_KEY,
    authHeader: "Authorization",
    timeoutMs: 1000,
    logger: (entry) => logs.push(entry),
    sleep: async () => {},
    ...overrides,
  });
  return { api: upstream, client, logs };
}

const isDetail = (request: IncomingMessage) => (request.url ?? "").startsWith("/v1/checkouts/");
const query = (url: string | undefined) => new URL(url ?? "", "http://x").searchParams;
const item = (id: string, customerId: string | null = ALICE, extra: object = {}) => ({
  id,
  customerId,
  ...extra,
});

describe("listCheckouts", () => {
  it("builds the documented query and parses the array", async () => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, [item("chk_1"), item("chk_2")]));
    const records = await client.listCheckouts({
      organizationIds: [1, 2],
      lifecycles: ["orderConfirmed", "leaseActive"],
      sortBy: "updatedAt",
      sortOrder: "asc",
    });
    expect(records.map((record) => record.id)).toEqual(["chk_1", "chk_2"]);
    expect(api.requests[0]?.url).toBe(
      "/v1/checkouts?organizationIds=%5B1%2C2%5D&lifecycles=orderConfirmed%2CleaseActive&sortBy=updated_at&sortOrder=asc",
    );
  });

  it("rejects the documented example response (no id)", async () => {
    const { client } = await setup((_, res) =>
      sendJson(res, 200, [{ checkoutUrl: null, customerId: null, progress: null }]),
    );
    await expect(client.listCheckouts()).rejects.toBeInstanceOf(UpstreamInvalidResponseError);
  });

  it("rejects a non-array body", async () => {
    const { client } = await setup((_, res) => sendJson(res, 200, { data: [] }));
    await expect(client.listCheckouts()).rejects.toBeInstanceOf(UpstreamInvalidResponseError);
  });
});

describe("getCheckout", () => {
  it("reads the detail endpoint", async () => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, { id: CHK, state: "deposited" }));
    await expect(client.getCheckout(CHK)).resolves.toMatchObject({ id: CHK, state: "deposited" });
    expect(api.requests[0]?.url).toBe(`/v1/checkouts/${CHK}`);
  });

  it("answers a 404 with CheckoutNotFoundError", async () => {
    const { client } = await setup((_, res) =>
      sendJson(res, 404, { error: { code: "not_found", message: "x" } }),
    );
    await expect(client.getCheckout(CHK)).rejects.toBeInstanceOf(CheckoutNotFoundError);
  });

  it("rejects a malformed id without asking", async () => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, {}));
    await expect(client.getCheckout("../admin")).rejects.toBeInstanceOf(CheckoutNotFoundError);
    await expect(client.getCheckout("")).rejects.toBeInstanceOf(CheckoutNotFoundError);
    expect(api.requests).toHaveLength(0);
  });

  it("rejects the documented example response (id null)", async () => {
    const { client } = await setup((_, res) =>
      sendJson(res, 200, { id: null, state: null, customerId: "string" }),
    );
    await expect(client.getCheckout(CHK)).rejects.toBeInstanceOf(UpstreamInvalidResponseError);
  });
});

describe("getCustomerCheckouts", () => {
  it("asks for limit + 1, newest first, scoped to the customer", async () => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, []));
    await client.getCustomerCheckouts(ALICE, {
      offset: 10,
      limit: 5,
      lifecycles: ["created", "orderConfirmed"],
    });
    expect(api.requests[0]?.url).toBe(
      "/v1/checkouts?offset=10&limit=6&userId=usr_alice&lifecycles=created%2CorderConfirmed&sortBy=created_at&sortOrder=desc",
    );
  });

  it("shows limit items and reports a further page", async () => {
    const items = Array.from({ length: 4 }, (_, index) => item(`chk_${index}`));
    const { client } = await setup((_, res) => sendJson(res, 200, items));
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 3 });
    expect(page.checkouts.map((record) => record.id)).toEqual(["chk_0", "chk_1", "chk_2"]);
    expect(page.hasMore).toBe(true);
  });

  it("reports no further page when the answer is not over-full", async () => {
    const { client } = await setup((_, res) => sendJson(res, 200, [item("chk_0"), item("chk_1", null)]));
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 2 });
    expect(page).toMatchObject({ hasMore: false });
    expect(page.checkouts).toHaveLength(2);
  });

  it("fails loudly if the API returns another customer's checkout", async () => {
    const { client } = await setup((_, res) => sendJson(res, 200, [item("chk_0"), item("chk_1", "usr_bob")]));
    await expect(client.getCustomerCheckouts(ALICE, { offset: 0, limit: 5 })).rejects.toBeInstanceOf(
      UpstreamInvalidResponseError,
    );
  });

  it.each([
    ["a malformed userId", "alice", { offset: 0, limit: 5 }],
    ["an empty userId", "", { offset: 0, limit: 5 }],
    ["limit 0", ALICE, { offset: 0, limit: 0 }],
    ["limit over the maximum", ALICE, { offset: 0, limit: 101 }],
    ["a negative offset", ALICE, { offset: -1, limit: 5 }],
  ])("refuses %s without asking", async (_, userId, page) => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, []));
    await expect(client.getCustomerCheckouts(userId, page)).rejects.toBeInstanceOf(RangeError);
    expect(api.requests).toHaveLength(0);
  });

  it("logs no customer id", async () => {
    const { client, logs } = await setup((_, res) => sendJson(res, 200, []));
    await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 5 });
    const text = JSON.stringify(logs);
    expect(text).not.toContain(ALICE);
    expect(text).not.toContain(API_KEY);
    expect(logs[0]?.query).toEqual(["offset", "limit", "userId", "sortBy", "sortOrder"]);
  });
});

describe("getCustomerCheckout", () => {
  it("filters by both id and userId", async () => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, [item(CHK)]));
    await expect(client.getCustomerCheckout(ALICE, CHK)).resolves.toMatchObject({
      id: CHK,
      customerId: ALICE,
    });
    const sent = query(api.requests[0]?.url);
    expect(sent.get("id")).toBe(CHK);
    expect(sent.get("userId")).toBe(ALICE);
    expect(api.requests[0]?.url).toBe(`/v1/checkouts?limit=2&userId=${ALICE}&id=${CHK}`);
  });

  it("accepts an item whose customerId is null (the filter vouches for it)", async () => {
    const { client } = await setup((_, res) => sendJson(res, 200, [item(CHK, null)]));
    await expect(client.getCustomerCheckout(ALICE, CHK)).resolves.toMatchObject({ id: CHK });
  });

  it.each([
    ["an empty answer", []],
    ["another customer's checkout", [item(CHK, "usr_bob")]],
    ["a different checkout", [item("chk_other")]],
  ])("answers %s with CheckoutNotFoundError", async (_, body) => {
    const { client } = await setup((_, res) => sendJson(res, 200, body));
    await expect(client.getCustomerCheckout(ALICE, CHK)).rejects.toBeInstanceOf(CheckoutNotFoundError);
  });

  it("picks the matching item if the filter lets extra ones through", async () => {
    const { client } = await setup((_, res) => sendJson(res, 200, [item("chk_other"), item(CHK)]));
    await expect(client.getCustomerCheckout(ALICE, CHK)).resolves.toMatchObject({ id: CHK });
  });

  it.each([
    ["a malformed checkout id", ALICE, "chk_1/../../x"],
    ["a too-long checkout id", ALICE, "c".repeat(65)],
    ["a malformed user id", "bob", CHK],
    ["a user id with query syntax", "usr_a&userId=usr_b", CHK],
  ])("answers %s with CheckoutNotFoundError without asking", async (_, userId, checkoutId) => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, [item(CHK)]));
    await expect(client.getCustomerCheckout(userId, checkoutId)).rejects.toBeInstanceOf(
      CheckoutNotFoundError,
    );
    expect(api.requests).toHaveLength(0);
  });

  it("lets an outage through as an outage, not a 404", async () => {
    const { client } = await setup((_, res) => sendJson(res, 503, {}));
    await expect(client.getCustomerCheckout(ALICE, CHK)).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});

describe("getCustomerCheckoutWithDetail", () => {
  const detail = (customerId: string | null = ALICE) => ({ id: CHK, customerId, state: "deposited" });

  it("runs the scoped read and the detail read in parallel", async () => {
    const { api, client } = await setup((request, res) => {
      setTimeout(() => sendJson(res, 200, isDetail(request) ? detail() : [item(CHK)]), 100);
    });
    const started = performance.now();
    const result = await client.getCustomerCheckoutWithDetail(ALICE, CHK);
    const elapsed = performance.now() - started;
    expect(result.checkout.id).toBe(CHK);
    expect(result.detail).toMatchObject({ id: CHK, state: "deposited" });
    expect(api.requests).toHaveLength(2);
    const [first, second] = api.requests;
    // The second request started before the first one's 100 ms answer: they overlapped.
    expect(Math.abs((second?.startedAt ?? 0) - (first?.startedAt ?? 0))).toBeLessThan(80);
    expect(elapsed).toBeLessThan(190);
    expect(api.requests.map((request) => request.url).sort()).toEqual([
      `/v1/checkouts/${CHK}`,
      `/v1/checkouts?limit=2&userId=${ALICE}&id=${CHK}`,
    ]);
  });

  it.each([
    ["another customer's", detail("usr_bob")],
    ["an unowned (null customerId)", detail(null)],
    ["a different checkout's", { ...detail(), id: "chk_other" }],
  ])("drops %s detail", async (_, body) => {
    const { client } = await setup((request, res) =>
      sendJson(res, 200, isDetail(request) ? body : [item(CHK)]),
    );
    const result = await client.getCustomerCheckoutWithDetail(ALICE, CHK);
    expect(result.checkout.id).toBe(CHK);
    expect(result.detail).toBeNull();
  });

  it.each([
    ["a 404", (res: Parameters<FakeHandler>[1]) => sendJson(res, 404, {})],
    ["an invalid body", (res: Parameters<FakeHandler>[1]) => sendJson(res, 200, [])],
    ["an outage", (res: Parameters<FakeHandler>[1]) => sendJson(res, 503, {})],
  ])("keeps the list item when the detail read fails with %s", async (_, failDetail) => {
    const { client } = await setup((request, res) =>
      isDetail(request) ? failDetail(res) : sendJson(res, 200, [item(CHK)]),
    );
    await expect(client.getCustomerCheckoutWithDetail(ALICE, CHK)).resolves.toMatchObject({
      checkout: { id: CHK },
      detail: null,
    });
  });

  it("is not found when the scoped read is empty, whatever the detail says", async () => {
    const { client } = await setup((request, res) =>
      sendJson(res, 200, isDetail(request) ? detail("usr_bob") : []),
    );
    await expect(client.getCustomerCheckoutWithDetail(ALICE, CHK)).rejects.toBeInstanceOf(
      CheckoutNotFoundError,
    );
  });

  it("fails when the scoped read fails, even if the detail succeeds", async () => {
    const { client } = await setup((request, res) =>
      isDetail(request) ? sendJson(res, 200, detail()) : sendJson(res, 400, {}),
    );
    await expect(client.getCustomerCheckoutWithDetail(ALICE, CHK)).rejects.toBeInstanceOf(
      UpstreamInvalidResponseError,
    );
  });

  it("answers malformed ids with CheckoutNotFoundError without asking", async () => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, []));
    await expect(client.getCustomerCheckoutWithDetail(ALICE, "x y")).rejects.toBeInstanceOf(
      CheckoutNotFoundError,
    );
    await expect(client.getCustomerCheckoutWithDetail("usr_", CHK)).rejects.toBeInstanceOf(
      CheckoutNotFoundError,
    );
    expect(api.requests).toHaveLength(0);
  });
});
