import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type FakeHandler,
  type FakeUpstream,
  sendJson,
  startFakeUpstream,
} from "@/test-support/fake-upstream";
import { createSweetspotClient, MAX_REQUESTS_PER_PAGE, type SweetspotClientOptions } from "./checkouts";
import {
  CheckoutNotFoundError,
  CheckoutUnreadableError,
  UpstreamInvalidResponseError,
  UpstreamUnavailableError,
} from "./errors";
import type { RecordSkippedEntry, UpstreamLogEntry } from "./log";

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
  const skips: RecordSkippedEntry[] = [];
  const client = createSweetspotClient({
    baseUrl: upstream.url,
    apiKey: API_KEY,
    authHeader: "Authorization",
    timeoutMs: 1000,
    logger: (entry) => logs.push(entry),
    recordLogger: (entry) => skips.push(entry),
    sleep: async () => {},
    ...overrides,
  });
  return { api: upstream, client, logs, skips };
}

const isDetail = (request: IncomingMessage) => (request.url ?? "").startsWith("/v1/checkouts/");
const query = (url: string | undefined) => new URL(url ?? "", "http://x").searchParams;
/** A list API with these records and nothing after them (a follow-up request past them gets []). */
const listOf =
  (body: unknown[]): FakeHandler =>
  (request, res) =>
    sendJson(res, 200, Number(query(request.url).get("offset") ?? 0) === 0 ? body : []);
const item = (id: string, customerId: string | null = ALICE, extra: object = {}) => ({
  id,
  customerId,
  ...extra,
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

  it("reports no further page when the API has nothing after a short answer", async () => {
    const { api, client } = await setup((request, res) =>
      sendJson(res, 200, query(request.url).get("offset") === "0" ? [item("chk_0"), item("chk_1")] : []),
    );
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 5 });
    expect(page).toMatchObject({ hasMore: false, skipped: 0 });
    expect(page.checkouts).toHaveLength(2);
    // A short answer may be a cap: one more request, from where the answer stopped, settles it.
    expect(query(api.requests[1]?.url).get("offset")).toBe("2");
    expect(query(api.requests[1]?.url).get("limit")).toBe("4");
  });

  it("needs no follow-up for a short answer once the API has given a larger one (it cannot be the cap)", async () => {
    const bob = "usr_bob";
    const { api, client } = await setup((request, res) => {
      const sent = query(request.url);
      if (sent.get("offset") !== "0") return sendJson(res, 200, []);
      const owner = sent.get("userId") ?? "";
      const count = owner === bob ? 4 : 2;
      sendJson(
        res,
        200,
        Array.from({ length: count }, (_, index) => item(`chk_${index}`, owner)),
      );
    });
    await client.getCustomerCheckouts(bob, { offset: 0, limit: 5 });
    expect(api.requests).toHaveLength(2);
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 5 });
    expect(page).toMatchObject({ hasMore: false, skipped: 0 });
    expect(page.checkouts).toHaveLength(2);
    expect(api.requests).toHaveLength(3);
  });

  it("leaves out another customer's checkout and an unassigned one, and counts them", async () => {
    const { client, skips } = await setup((_, res) =>
      sendJson(res, 200, [item("chk_0"), item("chk_1", "usr_bob"), item("chk_2", null), item("chk_3")]),
    );
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 3 });
    expect(page.checkouts.map((record) => record.id)).toEqual(["chk_0"]);
    expect(page).toMatchObject({ skipped: 2, hasMore: true });
    expect(skips).toEqual([
      { event: "upstream_record_skipped", path: "/v1/checkouts", index: 1, field: "customerId" },
      { event: "upstream_record_skipped", path: "/v1/checkouts", index: 2, field: "customerId" },
    ]);
  });

  it("skips an unreadable record, keeps the rest, and logs where it was, never what it said", async () => {
    const { client, skips } = await setup(
      listOf([item("chk_0"), { id: null, customerId: ALICE, returnNotes: "secret" }, item("chk_2")]),
    );
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 5 });
    expect(page.checkouts.map((record) => record.id)).toEqual(["chk_0", "chk_2"]);
    expect(page.skipped).toBe(1);
    expect(skips).toEqual([
      { event: "upstream_record_skipped", path: "/v1/checkouts", index: 1, field: "id" },
    ]);
    expect(JSON.stringify(skips)).not.toContain("secret");
  });

  it("skips a record with a repeated key", async () => {
    const { client } = await setup((request, res) => {
      if (query(request.url).get("offset") !== "0") return sendJson(res, 200, []);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        `[{"id":"chk_0","customerId":"${ALICE}"},{"id":"chk_1","customerId":"${ALICE}","customerId":"usr_bob"}]`,
      );
    });
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 5 });
    expect(page.checkouts.map((record) => record.id)).toEqual(["chk_0"]);
    expect(page.skipped).toBe(1);
  });

  it("fills a page from an API that caps limit, and still finds the next page", async () => {
    const all = Array.from({ length: 30 }, (_, index) => item(`chk_${index}`));
    const { api, client } = await setup((request, res) => {
      const sent = query(request.url);
      const offset = Number(sent.get("offset"));
      sendJson(res, 200, all.slice(offset, offset + Math.min(Number(sent.get("limit")), 8)));
    });
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 20 });
    expect(page.checkouts.map((record) => record.id)).toEqual(all.slice(0, 20).map((record) => record.id));
    expect(page.hasMore).toBe(true);
    expect(api.requests.map((request) => query(request.url).get("offset"))).toEqual(["0", "8", "16"]);
  });

  it("stops after a bounded number of requests against an API that answers one record at a time", async () => {
    const { api, client } = await setup((request, res) =>
      sendJson(res, 200, [item(`chk_${query(request.url).get("offset")}`)]),
    );
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 20 });
    expect(api.requests).toHaveLength(MAX_REQUESTS_PER_PAGE);
    expect(page.checkouts).toHaveLength(MAX_REQUESTS_PER_PAGE);
  });

  it("stops following up when an API that ignores offset sends the same body again", async () => {
    const { api, client } = await setup((_, res) => sendJson(res, 200, [item("chk_0"), { id: null }]));
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 20 });
    expect(api.requests).toHaveLength(2);
    expect(page).toMatchObject({ skipped: 1, hasMore: false });
    expect(page.checkouts.map((record) => record.id)).toEqual(["chk_0"]);
  });

  it("stops following up when an API that ignores offset repeats records in another order", async () => {
    let calls = 0;
    const { api, client } = await setup((_, res) =>
      sendJson(res, 200, calls++ === 0 ? [item("chk_0"), item("chk_1")] : [item("chk_1"), item("chk_0")]),
    );
    const page = await client.getCustomerCheckouts(ALICE, { offset: 0, limit: 20 });
    expect(api.requests).toHaveLength(2);
    expect(page).toMatchObject({ skipped: 0, hasMore: false });
    expect(page.checkouts.map((record) => record.id)).toEqual(["chk_0", "chk_1"]);
  });

  it("shows limit items from an API that ignores limit, and knows there is more", async () => {
    const all = Array.from({ length: 60 }, (_, index) => item(`chk_${index}`));
    const { api, client } = await setup((request, res) =>
      sendJson(res, 200, all.slice(Number(query(request.url).get("offset")))),
    );
    const page = await client.getCustomerCheckouts(ALICE, { offset: 20, limit: 20 });
    expect(page.checkouts.map((record) => record.id)).toEqual(all.slice(20, 40).map((record) => record.id));
    expect(page.hasMore).toBe(true);
    expect(api.requests).toHaveLength(1);
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

/**
 * A list API holding `orders[user]` (newest first) that answers `offset`/`limit` honestly, or at most
 * `cap` records per request when given. `orders` may change between reads (a new order goes first).
 */
function pagedApi(orders: Record<string, string[]>, cap?: number | (() => number | undefined)): FakeHandler {
  return (request, res) => {
    const sent = query(request.url);
    const owner = sent.get("userId") ?? "";
    const offset = Number(sent.get("offset") ?? 0);
    const capNow = typeof cap === "function" ? cap() : cap;
    const limit = Math.min(Number(sent.get("limit")), capNow ?? Number.POSITIVE_INFINITY);
    const ids = (orders[owner] ?? []).slice(offset, offset + limit);
    sendJson(
      res,
      200,
      ids.map((id) => item(id, owner)),
    );
  };
}
const ordersNamed = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `chk_${prefix}${index}`);
/** One page read: what the customer sees, and how many API requests it took. */
async function view(
  client: ReturnType<typeof createSweetspotClient>,
  api: FakeUpstream,
  userId: string,
  page: { offset: number; limit: number; lifecycles?: readonly string[] },
) {
  const before = api.requests.length;
  const result = await client.getCustomerCheckouts(userId, page);
  return {
    ids: result.checkouts.map((record) => record.id),
    hasMore: result.hasMore,
    calls: api.requests.length - before,
  };
}

describe("getCustomerCheckouts: one request when one answer can tell whether there is more", () => {
  const BOB = "usr_bob";
  const CAROL = "usr_carol";
  const PAGE = { offset: 0, limit: 20 };

  it("an empty list is one request, with no next page", async () => {
    const { api, client } = await setup(pagedApi({}));
    expect(await view(client, api, ALICE, PAGE)).toEqual({ ids: [], hasMore: false, calls: 1 });
  });

  it("honest API: a page answered in full (limit + 1) is one request and has a next page", async () => {
    const orders = { [ALICE]: ordersNamed("a", 45) };
    const { api, client } = await setup(pagedApi(orders));
    const first = await view(client, api, ALICE, PAGE);
    expect(first).toMatchObject({ hasMore: true, calls: 1 });
    expect(first.ids).toEqual(orders[ALICE].slice(0, 20));
    // The API has now answered 21 records at once: shorter answers are the end, in one request.
    const last = await view(client, api, ALICE, { offset: 40, limit: 20 });
    expect(last).toEqual({ ids: orders[ALICE].slice(40), hasMore: false, calls: 1 });
  });

  it("honest API: a short answer is checked once, then the same answer is one request", async () => {
    const orders = { [ALICE]: ordersNamed("a", 17) };
    const { api, client } = await setup(pagedApi(orders));
    // Nothing known yet: 17 could be the API's cap, so the first read asks from where it stopped.
    expect(await view(client, api, ALICE, PAGE)).toEqual({ ids: orders[ALICE], hasMore: false, calls: 2 });
    expect(await view(client, api, ALICE, PAGE)).toEqual({ ids: orders[ALICE], hasMore: false, calls: 1 });
    expect(await view(client, api, ALICE, PAGE)).toEqual({ ids: orders[ALICE], hasMore: false, calls: 1 });
  });

  it("honest API: a new order changes the answer, which is checked again, and shows", async () => {
    const orders = { [ALICE]: ordersNamed("a", 17) };
    const { api, client } = await setup(pagedApi(orders));
    await view(client, api, ALICE, PAGE);
    orders[ALICE] = ["chk_new", ...orders[ALICE]];
    expect(await view(client, api, ALICE, PAGE)).toEqual({ ids: orders[ALICE], hasMore: false, calls: 2 });
  });

  it("a short answer found complete is trusted for ten minutes, then checked again", async () => {
    let now = 0;
    const orders = { [ALICE]: ordersNamed("a", 5) };
    const { api, client } = await setup(pagedApi(orders), { monotonicNow: () => now });
    await view(client, api, ALICE, PAGE);
    now += 9 * 60_000;
    expect((await view(client, api, ALICE, PAGE)).calls).toBe(1);
    now += 2 * 60_000;
    expect((await view(client, api, ALICE, PAGE)).calls).toBe(2);
  });

  it("a filtered list's short answer is always checked (an older order can join it by changing lifecycle)", async () => {
    const orders = { [ALICE]: ordersNamed("a", 5) };
    const { api, client } = await setup(pagedApi(orders));
    const filtered = { ...PAGE, lifecycles: ["leaseActive"] };
    expect((await view(client, api, ALICE, filtered)).calls).toBe(2);
    expect((await view(client, api, ALICE, filtered)).calls).toBe(2);
  });

  it("exact multiples of the page size: 20 orders is one page with no next, 40 is two pages", async () => {
    const orders = { [ALICE]: ordersNamed("a", 20), [BOB]: ordersNamed("b", 40) };
    const { api, client } = await setup(pagedApi(orders));
    expect(await view(client, api, ALICE, PAGE)).toEqual({ ids: orders[ALICE], hasMore: false, calls: 2 });
    expect(await view(client, api, BOB, PAGE)).toEqual({
      ids: orders[BOB].slice(0, 20),
      hasMore: true,
      calls: 1,
    });
    expect(await view(client, api, BOB, { offset: 20, limit: 20 })).toEqual({
      ids: orders[BOB].slice(20),
      hasMore: false,
      calls: 1,
    });
    expect(await view(client, api, ALICE, PAGE)).toEqual({ ids: orders[ALICE], hasMore: false, calls: 1 });
  });

  it("capping API: fills the page and finds the next one; then an answer below the cap is one request", async () => {
    const orders = {
      [ALICE]: ordersNamed("a", 30),
      [BOB]: ordersNamed("b", 5),
      [CAROL]: ordersNamed("c", 8),
    };
    const { api, client } = await setup(pagedApi(orders, 8));
    expect(await view(client, api, ALICE, PAGE)).toEqual({
      ids: orders[ALICE].slice(0, 20),
      hasMore: true,
      calls: 3,
    });
    expect(await view(client, api, BOB, PAGE)).toEqual({ ids: orders[BOB], hasMore: false, calls: 1 });
    // Exactly the cap: it cannot be told from a capped answer, so it is always followed up.
    expect(await view(client, api, CAROL, PAGE)).toEqual({ ids: orders[CAROL], hasMore: false, calls: 2 });
    expect(await view(client, api, CAROL, PAGE)).toEqual({ ids: orders[CAROL], hasMore: false, calls: 2 });
  });

  it("an API that starts capping mid-process: ten minutes after its last full answer, every order shows again", async () => {
    let now = 0;
    let cap: number | undefined;
    const orders = { [ALICE]: ordersNamed("a", 45), [BOB]: ordersNamed("b", 12) };
    const { api, client } = await setup(
      pagedApi(orders, () => cap),
      { monotonicNow: () => now },
    );
    expect(await view(client, api, ALICE, PAGE)).toMatchObject({ hasMore: true, calls: 1 });
    cap = 8; // a deploy
    now += 10 * 60_000 + 1;
    // 8 back is no longer taken for the end of Bob's list: the follow-up finds the rest.
    expect(await view(client, api, BOB, PAGE)).toEqual({ ids: orders[BOB], hasMore: false, calls: 2 });
    // And the new cap is known: Alice's first page fills and still has a next page.
    expect(await view(client, api, ALICE, PAGE)).toEqual({
      ids: orders[ALICE].slice(0, 20),
      hasMore: true,
      calls: 3,
    });
  });

  it("an API that lowers its cap mid-process: after ten minutes the new cap is learned", async () => {
    let now = 0;
    let cap = 8;
    const orders = { [ALICE]: ordersNamed("a", 30), [BOB]: ordersNamed("b", 7) };
    const { api, client } = await setup(
      pagedApi(orders, () => cap),
      { monotonicNow: () => now },
    );
    expect(await view(client, api, ALICE, PAGE)).toMatchObject({ hasMore: true, calls: 3 });
    cap = 5;
    now += 10 * 60_000 + 1;
    // 5 back is below the old cap, but the old cap is no longer trusted: the follow-up finds the rest.
    expect(await view(client, api, BOB, PAGE)).toEqual({ ids: orders[BOB], hasMore: false, calls: 2 });
  });

  it("capping API at exactly the count first seen: a later order is never hidden", async () => {
    const orders = { [ALICE]: ordersNamed("a", 20) };
    const { api, client } = await setup(pagedApi(orders, 20));
    expect(await view(client, api, ALICE, PAGE)).toEqual({ ids: orders[ALICE], hasMore: false, calls: 2 });
    // Still 20 records back (the cap), but the newest is new: the answer changed, so it is followed up.
    orders[ALICE] = ["chk_new", ...orders[ALICE]];
    expect(await view(client, api, ALICE, PAGE)).toEqual({
      ids: orders[ALICE].slice(0, 20),
      hasMore: true,
      calls: 2,
    });
    // And now the cap is known: 20 back is capped, every time, and page 2 is complete below it.
    expect(await view(client, api, ALICE, PAGE)).toMatchObject({ hasMore: true, calls: 2 });
    expect(await view(client, api, ALICE, { offset: 20, limit: 20 })).toEqual({
      ids: orders[ALICE].slice(20),
      hasMore: false,
      calls: 1,
    });
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

  it.each([
    ["an empty answer", []],
    ["an item whose customerId is null (the filter alone does not vouch for it)", [item(CHK, null)]],
    ["an item without customerId", [{ id: CHK }]],
    ["another customer's checkout", [item(CHK, "usr_bob")]],
    ["a different checkout", [item("chk_other")]],
  ])("answers %s with CheckoutNotFoundError", async (_, body) => {
    const { client } = await setup((_, res) => sendJson(res, 200, body));
    await expect(client.getCustomerCheckout(ALICE, CHK)).rejects.toBeInstanceOf(CheckoutNotFoundError);
  });

  it("says the customer's record is unreadable rather than missing", async () => {
    const { client } = await setup((_, res) => sendJson(res, 200, [{ id: 42, customerId: ALICE }]));
    await expect(client.getCustomerCheckout(ALICE, CHK)).rejects.toBeInstanceOf(CheckoutUnreadableError);
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
    // A transport that answers nothing until told: if the reads ran one after the other, the second
    // request could not exist before the first is answered.
    const pending: { url: string; answer: (body: unknown) => void }[] = [];
    const fetch = (url: string) =>
      new Promise<Response>((resolve) => {
        pending.push({ url, answer: (body) => resolve(Response.json(body)) });
      });
    const { client } = await setup(() => {}, { fetch });
    const result = client.getCustomerCheckoutWithDetail(ALICE, CHK);
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    expect(
      pending.map((request) => new URL(request.url).pathname + new URL(request.url).search).sort(),
    ).toEqual([`/v1/checkouts/${CHK}`, `/v1/checkouts?limit=2&userId=${ALICE}&id=${CHK}`]);
    for (const request of pending) request.answer(request.url.includes("?") ? [item(CHK)] : detail());
    await expect(result).resolves.toMatchObject({
      checkout: { id: CHK },
      detail: { id: CHK, state: "deposited" },
    });
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

  it("drops a detail that repeats a key", async () => {
    const { client } = await setup((request, res) => {
      if (!isDetail(request)) return sendJson(res, 200, [item(CHK)]);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"id":"${CHK}","customerId":"usr_bob","customerId":"${ALICE}","state":"deposited"}`);
    });
    await expect(client.getCustomerCheckoutWithDetail(ALICE, CHK)).resolves.toMatchObject({ detail: null });
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
