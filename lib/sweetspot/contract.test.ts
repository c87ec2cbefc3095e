import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { toCheckoutSummary, toCheckoutView } from "@/lib/checkout/view-model";
import { translatorFor } from "@/lib/i18n/translator";
import { type FakeHandler, type FakeUpstream, startFakeUpstream } from "@/test-support/fake-upstream";
import {
  DETAIL_EXAMPLE_BODY,
  DETAIL_EXAMPLE_SOURCE,
  LIST_EXAMPLE_BODY,
  LIST_EXAMPLE_SOURCE,
} from "@/test-support/fixtures/api-document-examples";
import { createSweetspotClient } from "./checkouts";
import { CheckoutNotFoundError, SweetspotError, UpstreamInvalidResponseError } from "./errors";

/**
 * Contract suite (issue 12): the real client, over real HTTP, against a stub API serving the documents'
 * own example bodies and mutations the documents allow or don't rule out. For each it asserts what the
 * customer would see: never another customer's data, no upstream error for a bad record (a 500 page),
 * and a skipped count whenever something was left out.
 */

const ALICE = "usr_alice_contract";
const BOB = "usr_bob_contract";
/** Planted in other customers' records: it must never appear in anything Alice is shown. */
const BOB_SECRET = "BOB-PRIVATE-7f3a";
const CHK = "chk_contract0001";
const VIEW = {
  now: new Date("2026-01-15T12:00:00Z"),
  allowHttpCheckoutUrl: false,
  supportEmail: "help@example.com",
  t: translatorFor("en"),
  locale: "en",
} as const;

const DOCUMENTED_ITEM = (JSON.parse(LIST_EXAMPLE_BODY) as Record<string, unknown>[])[0] ?? {};

/** The documented list example, completed with the fields the documents call "always present". */
const BASE: Record<string, unknown> = {
  ...DOCUMENTED_ITEM,
  id: CHK,
  customerId: ALICE,
  createdAt: "2025-12-10T18:00:53.262Z",
  updatedAt: "2025-12-12T09:30:00.000Z",
  lifecycle: "orderConfirmed",
  insuranceStatus: "approved",
  recurringPaymentStatus: "active",
  offtakePartnerId: "otp_1",
  checkoutUrl: "https://checkout.thesweetspot.com/c/contract",
  progress: {
    currentMilestone: "orderConfirmed",
    milestones: [
      { key: "depositPaid", label: "Deposit paid", completedAt: "2025-12-10T18:10:00.000Z" },
      { key: "orderConfirmed", label: "Order confirmed", completedAt: "2025-12-11T08:00:00.000Z" },
    ],
  },
  shippingAddress: {
    line1: "1 Main St",
    city: "Springfield",
    region: "IL",
    postalCode: "62701",
    country: "US",
  },
  purchaseItems: [{ id: "pi_1", name: "Oak sofa", quantity: 1 }],
  trackingCarrier: "ups",
  trackingNumber: "1Z999AA10123456784",
  trackingStatus: "label_created",
  paymentFailureCount: 0,
  depositTimestamp: "2025-12-10T18:10:00.000Z",
  leaseStartDate: "2026-01-01",
  waitlistReason: null,
};

const bobsRecord = (fields: Record<string, unknown> = {}) => ({
  ...BASE,
  id: "chk_contractbob1",
  customerId: BOB,
  signedBy: BOB_SECRET,
  returnNotes: BOB_SECRET,
  ...fields,
});

let upstream: FakeUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

type ListApi = {
  /** Records the API holds, in its order. */
  records: unknown[];
  /** Filter by `userId` like an honest API (default), or ignore it. */
  ignoresUserId?: boolean;
  /** Answer at most this many, whatever `limit` asked. */
  capsLimitAt?: number;
  ignoresLimit?: boolean;
};

function listApi({
  records,
  ignoresUserId = false,
  capsLimitAt,
  ignoresLimit = false,
}: ListApi): FakeHandler {
  return (request, response) => {
    const url = new URL(request.url ?? "", "http://stub");
    if (url.pathname !== "/v1/checkouts") return sendText(response, 404, "{}");
    const query = url.searchParams;
    const matching = records.filter((record) => {
      const fields = (record ?? {}) as Record<string, unknown>;
      if (!ignoresUserId && query.has("userId") && fields.customerId !== query.get("userId")) return false;
      return !query.has("id") || fields.id === query.get("id");
    });
    const offset = Number(query.get("offset") ?? 0);
    const asked = ignoresLimit ? matching.length : Number(query.get("limit") ?? matching.length);
    const limit = Math.min(asked, capsLimitAt ?? asked);
    sendText(response, 200, JSON.stringify(matching.slice(offset, offset + limit)));
  };
}

function sendText(response: Parameters<FakeHandler>[1], status: number, text: string) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(text);
}

/** Serves one raw list body for the first page and [] after it (a short answer is followed up). */
const rawList =
  (text: string): FakeHandler =>
  (request, response) =>
    sendText(
      response,
      200,
      new URL(request.url ?? "", "http://stub").searchParams.get("offset") === "0" ? text : "[]",
    );

async function clientFor(handler: FakeHandler) {
  upstream = await startFakeUpstream(handler);
  return createSweetspotClient({
    baseUrl: upstream.url,
    apiKey: "sk_contract",
    authHeader: "Authorization",
    timeoutMs: 2000,
    logger: () => {},
    recordLogger: () => {},
    sleep: async () => {},
  });
}

/** What Alice's list page is made of: summaries, the skipped note, "next page". */
async function aliceSeesList(handler: FakeHandler, page = { offset: 0, limit: 20 }) {
  const client = await clientFor(handler);
  const result = await client.getCustomerCheckouts(ALICE, page);
  const summaries = result.checkouts.map((checkout) => toCheckoutSummary(checkout, VIEW));
  return { ...result, summaries, text: JSON.stringify(summaries) };
}

function expectNothingOfBob(text: string) {
  expect(text).not.toContain(BOB_SECRET);
  expect(text).not.toContain(BOB);
  expect(text).not.toContain("chk_contractbob1");
}

const withField = (field: string, value: unknown) => ({ ...BASE, [field]: value });
const withoutField = (field: string) =>
  Object.fromEntries(Object.entries(BASE).filter(([key]) => key !== field));

describe("the documents' examples, verbatim", () => {
  it("the fixtures still match the documents (when ../shared is checked out)", () => {
    const seeds = [
      resolve(process.cwd(), "../shared/seeds"),
      resolve(process.cwd(), "../../shared/seeds"),
    ].find(existsSync);
    // CI's clone has no ../shared: there the fixtures are the documents.
    if (!seeds) return;
    expect(readFileSync(resolve(seeds, LIST_EXAMPLE_SOURCE), "utf8")).toContain(LIST_EXAMPLE_BODY);
    expect(readFileSync(resolve(seeds, DETAIL_EXAMPLE_SOURCE), "utf8")).toContain(DETAIL_EXAMPLE_BODY);
  });

  it("the list example renders: its record (no id, no customer) is skipped and counted, not a 500", async () => {
    const seen = await aliceSeesList(rawList(LIST_EXAMPLE_BODY));
    expect(seen).toMatchObject({ summaries: [], skipped: 1, hasMore: false });
  });

  it('the detail example (id null, customerId "string") is dropped; the page renders from the list record', async () => {
    const client = await clientFor((request, response) =>
      request.url?.startsWith("/v1/checkouts/")
        ? sendText(response, 200, DETAIL_EXAMPLE_BODY)
        : listApi({ records: [BASE] })(request, response, 0),
    );
    const { checkout, detail } = await client.getCustomerCheckoutWithDetail(ALICE, CHK);
    expect(detail).toBeNull();
    expect(toCheckoutView(checkout, detail, VIEW)).toMatchObject({ id: CHK });
  });
});

describe("one field at a time: null, missing, wrong-typed", () => {
  const SHOWN_FIELDS = Object.keys(BASE).filter((field) => field !== "id" && field !== "customerId");
  const mutations = SHOWN_FIELDS.flatMap((field) => [
    [`${field} null`, withField(field, null)],
    [`${field} missing`, withoutField(field)],
    [`${field} a number`, withField(field, 12345)],
    [`${field} an object`, withField(field, { unexpected: [true] })],
  ]);

  it.each(mutations)("%s: the record still shows, nothing skipped", async (_, record) => {
    const seen = await aliceSeesList(listApi({ records: [record] }));
    expect(seen.summaries.map((summary) => summary.id)).toEqual([CHK]);
    expect(seen.skipped).toBe(0);
  });

  it.each([
    ["id null", withField("id", null)],
    ["id missing", withoutField("id")],
    ["id a number", withField("id", 12345)],
    ["id empty", withField("id", "")],
    ["id with path syntax", withField("id", "../../admin")],
  ])("%s: skipped and counted, the rest shows", async (_, record) => {
    const seen = await aliceSeesList(
      listApi({ records: [{ ...BASE, id: "chk_contractgood" }, record], ignoresUserId: true }),
    );
    expect(seen.summaries.map((summary) => summary.id)).toEqual(["chk_contractgood"]);
    expect(seen.skipped).toBe(1);
  });

  it.each([
    ["customerId null", withField("customerId", null)],
    ["customerId missing", withoutField("customerId")],
    ["customerId a number", withField("customerId", 12345)],
    ["customerId in another case", withField("customerId", ALICE.toUpperCase())],
  ])("%s: left out (the filter alone does not vouch for it), and counted", async (_, record) => {
    const seen = await aliceSeesList(listApi({ records: [record], ignoresUserId: true }));
    expect(seen.summaries).toEqual([]);
    expect(seen.skipped).toBe(1);
  });
});

describe("values the documents don't rule out", () => {
  const shownAs = async (record: Record<string, unknown>) => {
    const seen = await aliceSeesList(listApi({ records: [record] }));
    expect(seen.skipped).toBe(0);
    const [summary] = seen.summaries;
    if (!summary) throw new Error("expected the record to show");
    return summary;
  };

  it.each([
    ["lifecycle", "ORDER_CONFIRMED"],
    ["lifecycle", "order-confirmed"],
    ["lifecycle", "Order Confirmed"],
    ["trackingStatus", "LABEL-CREATED"],
    ["trackingCarrier", "UPS"],
    ["insuranceStatus", "APPROVED"],
    ["recurringPaymentStatus", " Active "],
  ])("%s spelled %j reads as the canonical value", async (field, variant) => {
    expect(await shownAs(withField(field, variant))).toEqual(await shownAs(BASE));
  });

  it("extra fields, internal ids among them, are stripped", async () => {
    const summary = await shownAs({
      ...BASE,
      somethingNew: { nested: BOB_SECRET },
      stripeSubscriptionId: "sub_INTERNAL",
    });
    expect(JSON.stringify(summary)).not.toContain(BOB_SECRET);
    expect(JSON.stringify(summary)).not.toContain("sub_INTERNAL");
  });

  it.each([
    ["createdAt", "0"],
    ["createdAt", "2025"],
    ["updatedAt", "yesterday"],
    ["depositTimestamp", "2025-12-10"],
  ])("%s %j is not a timestamp: the record shows without it", async (field, value) => {
    const summary = await shownAs(withField(field, value));
    expect(JSON.stringify(summary)).not.toContain(`"${value}"`);
  });

  it("numeric strings where numbers are expected are read", async () => {
    const seen = await aliceSeesList(
      listApi({ records: [{ ...BASE, purchaseItems: [{ id: "pi_1", name: "Oak sofa", quantity: "2" }] }] }),
    );
    expect(seen.text).toContain("Oak sofa");
    expect(seen.summaries).toEqual(
      (
        await aliceSeesList(
          listApi({ records: [{ ...BASE, purchaseItems: [{ id: "pi_1", name: "Oak sofa", quantity: 2 }] }] }),
        )
      ).summaries,
    );
  });
});

describe("repeated keys", () => {
  const raw = (record: string) => `[${JSON.stringify({ ...BASE, id: "chk_contractgood" })},${record}]`;
  const withoutKeys = (...keys: string[]) =>
    JSON.stringify(Object.fromEntries(Object.entries(BASE).filter(([key]) => !keys.includes(key)))).slice(
      1,
      -1,
    );

  it("a duplicated id: skipped, counted", async () => {
    const seen = await aliceSeesList(
      rawList(raw(`{"id":"${CHK}","id":"chk_contractother",${withoutKeys("id")}}`)),
    );
    expect(seen.summaries.map((summary) => summary.id)).toEqual(["chk_contractgood"]);
    expect(seen.skipped).toBe(1);
  });

  it("a duplicated customerId whose last value is Alice (JSON.parse would keep it): skipped", async () => {
    const record = `{"customerId":"${BOB}","signedBy":"${BOB_SECRET}","customerId":"${ALICE}",${withoutKeys("customerId")}}`;
    const seen = await aliceSeesList(rawList(raw(record)));
    expect(seen.skipped).toBe(1);
    expectNothingOfBob(seen.text);
  });
});

describe("the hostile API", () => {
  it("ignores userId: only Alice's records show, the others are counted", async () => {
    const records = [bobsRecord(), BASE, bobsRecord({ id: "chk_contractbob2" })];
    const seen = await aliceSeesList(listApi({ records, ignoresUserId: true }));
    expect(seen.summaries.map((summary) => summary.id)).toEqual([CHK]);
    expect(seen.skipped).toBe(2);
    expectNothingOfBob(seen.text);
  });

  it("returns another customer's record under Alice's filter", async () => {
    const seen = await aliceSeesList(rawList(JSON.stringify([bobsRecord()])));
    expect(seen).toMatchObject({ summaries: [], skipped: 1 });
    expectNothingOfBob(seen.text);
  });

  it("returns another customer's record with customerId null", async () => {
    const seen = await aliceSeesList(rawList(JSON.stringify([bobsRecord({ customerId: null }), BASE])));
    expect(seen.summaries.map((summary) => summary.id)).toEqual([CHK]);
    expect(seen.skipped).toBe(1);
    expectNothingOfBob(seen.text);
  });

  it("answers a single-checkout read with another customer's checkout: not found, nothing shown", async () => {
    const client = await clientFor(listApi({ records: [bobsRecord({ id: CHK })], ignoresUserId: true }));
    await expect(client.getCustomerCheckout(ALICE, CHK)).rejects.toBeInstanceOf(CheckoutNotFoundError);
  });

  it("answers the detail endpoint with another customer's checkout: the detail is dropped", async () => {
    const client = await clientFor((request, response) =>
      request.url?.startsWith("/v1/checkouts/")
        ? sendText(
            response,
            200,
            JSON.stringify({
              id: CHK,
              customerId: BOB,
              arbitraryFees: [{ name: BOB_SECRET, amountCents: 1 }],
            }),
          )
        : listApi({ records: [BASE] })(request, response, 0),
    );
    const { checkout, detail } = await client.getCustomerCheckoutWithDetail(ALICE, CHK);
    expect(detail).toBeNull();
    expectNothingOfBob(JSON.stringify(toCheckoutView(checkout, detail, VIEW)));
  });
});

describe("paging", () => {
  const many = Array.from({ length: 130 }, (_, index) => ({
    ...BASE,
    id: `chk_contract${String(index).padStart(4, "0")}`,
  }));

  it("an API that caps limit at 50: a 100-item page is filled and the next page is known", async () => {
    const seen = await aliceSeesList(listApi({ records: many, capsLimitAt: 50 }), { offset: 0, limit: 100 });
    expect(seen.summaries.map((summary) => summary.id)).toEqual(
      many.slice(0, 100).map((record) => record.id),
    );
    expect(seen.hasMore).toBe(true);
  });

  it("an API that caps limit at 8: the portal's 20-item page is still right", async () => {
    const seen = await aliceSeesList(listApi({ records: many, capsLimitAt: 8 }), { offset: 100, limit: 20 });
    expect(seen.summaries.map((summary) => summary.id)).toEqual(
      many.slice(100, 120).map((record) => record.id),
    );
    expect(seen.hasMore).toBe(true);
  });

  it("an API that ignores limit: one page shown, the next page known", async () => {
    const seen = await aliceSeesList(listApi({ records: many, ignoresLimit: true }), {
      offset: 120,
      limit: 20,
    });
    expect(seen.summaries.map((summary) => summary.id)).toEqual(many.slice(120).map((record) => record.id));
    expect(seen.hasMore).toBe(false);
  });
});

describe("an API that ignores offset", () => {
  it("the same records are not shown twice, and no next page is invented", async () => {
    const records = [BASE, { ...BASE, id: "chk_contract0002" }, bobsRecord()];
    const seen = await aliceSeesList((_request, response) =>
      sendText(response, 200, JSON.stringify(records)),
    );
    expect(seen.summaries.map((summary) => summary.id)).toEqual([CHK, "chk_contract0002"]);
    expect(seen).toMatchObject({ skipped: 1, hasMore: false });
    expectNothingOfBob(seen.text);
  });
});

describe("a wrong envelope is an upstream failure (the error page), never a partial page", () => {
  it.each([
    ["not JSON", "<html>Bad Gateway</html>"],
    ["empty", ""],
    ["an object", '{"data":[]}'],
    ["null", "null"],
    ["a string", '"[]"'],
  ])("%s", async (_, text) => {
    const client = await clientFor((_request, response) => sendText(response, 200, text));
    const failure = await client
      .getCustomerCheckouts(ALICE, { offset: 0, limit: 20 })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(String(failure)).not.toContain("Bad Gateway");
  });

  it("a bad record never surfaces as an upstream error", async () => {
    const records = [null, "chk_x", 7, [], { id: {} }, BASE];
    const outcome = await aliceSeesList(listApi({ records, ignoresUserId: true })).catch(
      (error: unknown) => error,
    );
    expect(outcome).not.toBeInstanceOf(SweetspotError);
    expect(outcome).toMatchObject({ skipped: 5 });
  });
});
