import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CUSTOMERS, MANY_CHECKOUT_COUNT, SCENARIOS } from "./scenarios";
import { SANDBOX_DEV_API_KEY } from "./server";
import {
  expectError,
  idsOf,
  type JsonObject,
  type RunningSandbox,
  startSandbox,
  TEST_API_KEY,
} from "./testing";

// Field names copied from the list endpoint's document (seeds/000), not from the implementation.
const DOCUMENTED_ALWAYS_PRESENT = [
  "createdAt",
  "id",
  "insuranceStatus",
  "lifecycle",
  "offtakePartnerId",
  "recurringPaymentStatus",
  "updatedAt",
  "checkoutUrl",
  "customerId",
  "progress",
];
const DOCUMENTED_OPTIONAL = [
  "billingAddress",
  "billingAddressLocked",
  "cancelUrl",
  "deliveredAt",
  "depositInvoiceId",
  "depositPreauthExpiresAt",
  "depositTimestamp",
  "externalOrderId",
  "failureUrl",
  "lastPaymentError",
  "lastPaymentErrorAt",
  "lastPaymentErrorCode",
  "leaseDocumentId",
  "leaseEndDate",
  "leaseStartDate",
  "leaseTermId",
  "paymentFailureCount",
  "pickupLocationId",
  "previousLifecycle",
  "purchaseItems",
  "recurringPaymentMethod",
  "recurringPaymentMethodId",
  "returnCancelledAt",
  "returnCompletedAt",
  "returnInitiatedAt",
  "returnNotes",
  "returnReason",
  "shippedAt",
  "shippingAddress",
  "shippingAddressLocked",
  "signedBy",
  "stripeDepositPaymentIntentId",
  "stripeSubscriptionId",
  "successUrl",
  "trackingCarrier",
  "trackingNumber",
  "trackingStatus",
  "waitlistLocationAddress",
  "waitlistLocationReasonCode",
  "waitlistReason",
  "locationMessage",
  "organizationId",
];

const DOCUMENTED_EXAMPLE_QUERY =
  "offset=0&limit=10&userId=id_123&id=id_123&organizationId=123&organizationIds=[123]&lifecycle=created" +
  "&lifecycles=string&waitlistReason=inventory&sortBy=created_at&sortOrder=created_at&externalOrderId=id_123";

const ALEX = DEMO_CUSTOMERS.alex.id;
const MANY = DEMO_CUSTOMERS.many.id;
const BLAIR = DEMO_CUSTOMERS.blair.id;
const HOSTILE = DEMO_CUSTOMERS.hostile.id;

let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

describe("authentication", () => {
  it("rejects a request without a key with 401 unauthorized", async () => {
    await expectError(await fetch(`${running.baseUrl}/v1/checkouts`), 401, "unauthorized");
  });

  it("rejects a wrong key, the dev key when another is configured, and non-bearer schemes", async () => {
    for (const authorization of [
      "Bearer nope",
      `Bearer ${SANDBOX_DEV_API_KEY}`,
      `Basic ${TEST_API_KEY}`,
      TEST_API_KEY,
    ]) {
      const response = await fetch(`${running.baseUrl}/v1/checkouts`, {
        headers: { Authorization: authorization },
      });
      await expectError(response, 401, "unauthorized");
    }
  });

  it("accepts the configured key, whatever the case of the scheme", async () => {
    const response = await fetch(`${running.baseUrl}/v1/checkouts?userId=${ALEX}`, {
      headers: { Authorization: `bearer ${TEST_API_KEY}` },
    });
    expect(response.status).toBe(200);
  });

  it("answers the documented example request (which sends no credentials) with 401", async () => {
    const response = await fetch(`${running.baseUrl}/v1/checkouts?${DOCUMENTED_EXAMPLE_QUERY}`, {
      headers: { "Content-Type": "application/json" },
    });
    await expectError(response, 401, "unauthorized");
  });
});

describe("the documented example request", () => {
  it("gets a clear 400 naming sortOrder, because it sends sortOrder=created_at", async () => {
    const error = await expectError(
      await running.api(`/v1/checkouts?${DOCUMENTED_EXAMPLE_QUERY}`),
      400,
      "invalid_parameter",
    );
    expect(error.message).toContain("sortOrder");
    expect(error.message).toContain("created_at");
  });

  it("returns an empty array once sortOrder=desc", async () => {
    const query = DOCUMENTED_EXAMPLE_QUERY.replace("sortOrder=created_at", "sortOrder=desc");
    expect(await running.list(query)).toEqual([]);
  });
});

describe("response shape", () => {
  it("is a bare JSON array", async () => {
    const response = await running.api(`/v1/checkouts?userId=${ALEX}`);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Array.isArray(await response.json())).toBe(true);
  });

  it("uses only documented keys and always sends the always-present ones, for every seeded checkout", async () => {
    const everyItem: JsonObject[] = [];
    for (const customer of Object.values(DEMO_CUSTOMERS)) {
      everyItem.push(...(await running.list(`userId=${customer.id}&limit=100`)));
    }
    expect(everyItem.length).toBeGreaterThan(90);
    for (const item of everyItem) {
      const keys = Object.keys(item);
      expect(keys, String(item.id)).toEqual(expect.arrayContaining(DOCUMENTED_ALWAYS_PRESENT));
      for (const key of keys) {
        expect([...DOCUMENTED_ALWAYS_PRESENT, ...DOCUMENTED_OPTIONAL], `${item.id}.${key}`).toContain(key);
      }
    }
  });

  it("sends always-present keys as null when they have no value, and leaves unset optional keys out", async () => {
    const [cancelled] = await running.list(`id=${SCENARIOS.cancelled}`);
    expect(cancelled).toHaveProperty("checkoutUrl", null);
    const [unfinished] = await running.list(`id=${SCENARIOS.unfinished}`);
    expect(unfinished).toHaveProperty("progress", null);
    for (const key of ["shippedAt", "trackingNumber", "deliveredAt", "returnReason", "leaseStartDate"]) {
      expect(unfinished).not.toHaveProperty(key);
    }
    for (const [key, value] of Object.entries(unfinished ?? {})) {
      if (DOCUMENTED_OPTIONAL.includes(key)) expect(value, key).not.toBeNull();
    }
  });
});

describe("filters", () => {
  it("userId returns only that customer's checkouts", async () => {
    const alex = await running.list(`userId=${ALEX}&limit=100`);
    expect(alex).toHaveLength(17);
    expect(new Set(alex.map((item) => item.customerId))).toEqual(new Set([ALEX]));
    expect(await running.list("userId=usr_nobody")).toEqual([]);
    expect(await running.list(`userId=${DEMO_CUSTOMERS.empty.id}`)).toEqual([]);
  });

  it("id returns that checkout, and nothing when combined with another customer's userId", async () => {
    expect(idsOf(await running.list(`id=${SCENARIOS.shippedUps}`))).toEqual([SCENARIOS.shippedUps]);
    expect(idsOf(await running.list(`id=${SCENARIOS.shippedUps}&userId=${ALEX}`))).toEqual([
      SCENARIOS.shippedUps,
    ]);
    expect(await running.list(`id=${SCENARIOS.shippedUps}&userId=${BLAIR}`)).toEqual([]);
    expect(await running.list("id=chk_doesnotexist")).toEqual([]);
  });

  it("organizationId returns only that organization, across customers", async () => {
    const blairOrg = await running.list("organizationId=202&limit=100");
    expect(blairOrg.length).toBeGreaterThanOrEqual(3);
    expect(new Set(blairOrg.map((item) => item.organizationId))).toEqual(new Set([202]));
    const alexOrg = await running.list("organizationId=101&limit=100");
    expect(new Set(alexOrg.map((item) => item.customerId))).toEqual(new Set([ALEX, MANY]));
    expect(await running.list(`organizationId=202&userId=${ALEX}`)).toEqual([]);
  });

  it("organizationId must be an integer", async () => {
    const error = await expectError(
      await running.api("/v1/checkouts?organizationId=abc"),
      400,
      "invalid_parameter",
    );
    expect(error.message).toContain("organizationId");
  });

  it.each([
    ["the documented [id] form", "organizationIds=[202]", [202]],
    ["the documented form, percent-encoded", "organizationIds=%5B202%5D", [202]],
    ["a bracketed list", "organizationIds=[202,404]", [202, 404]],
    ["a bare comma list", "organizationIds=202,404", [202, 404]],
    ["repeated parameters", "organizationIds=202&organizationIds=404", [202, 404]],
  ])("organizationIds accepts %s", async (_form, query, organizations) => {
    const items = await running.list(`${query}&limit=100`);
    expect(new Set(items.map((item) => item.organizationId))).toEqual(new Set(organizations));
  });

  it("organizationIds rejects non-integers, naming the parameter", async () => {
    for (const bad of ["[abc]", "[1,x]", "[]", "1;2"]) {
      const error = await expectError(
        await running.api(`/v1/checkouts?organizationIds=${encodeURIComponent(bad)}`),
        400,
        "invalid_parameter",
      );
      expect(error.message).toContain("organizationIds");
    }
  });

  it("organizationId and organizationIds both apply", async () => {
    expect(await running.list("organizationId=101&organizationIds=[202]")).toEqual([]);
    expect((await running.list("organizationId=202&organizationIds=[202,101]")).length).toBeGreaterThan(0);
  });

  it("lifecycle matches one lifecycle", async () => {
    const shipped = await running.list(`userId=${ALEX}&lifecycle=shipped`);
    expect(idsOf(shipped).sort()).toEqual(
      [SCENARIOS.shippedUps, SCENARIOS.shippedFedex, SCENARIOS.shippedUsps, SCENARIOS.shippedDhl].sort(),
    );
    expect(await running.list(`userId=${ALEX}&lifecycle=string`)).toEqual([]);
  });

  it("lifecycles matches a comma-separated list", async () => {
    const items = await running.list(
      `userId=${ALEX}&lifecycles=${encodeURIComponent("delivered, readyForPickup")}`,
    );
    expect(idsOf(items).sort()).toEqual([SCENARIOS.delivered, SCENARIOS.readyForPickup].sort());
    const documented = await running.list(`userId=${ALEX}&lifecycles=orderConfirmed,leaseActive`);
    expect(new Set(documented.map((item) => item.lifecycle))).toEqual(
      new Set(["orderConfirmed", "leaseActive"]),
    );
  });

  it("waitlistReason matches inventory or location and rejects anything else", async () => {
    expect(idsOf(await running.list(`userId=${ALEX}&waitlistReason=inventory`))).toEqual([
      SCENARIOS.waitlistedInventory,
    ]);
    expect(idsOf(await running.list(`userId=${ALEX}&waitlistReason=location`))).toEqual([
      SCENARIOS.waitlistedLocation,
    ]);
    const error = await expectError(
      await running.api("/v1/checkouts?waitlistReason=weather"),
      400,
      "invalid_parameter",
    );
    expect(error.message).toContain("waitlistReason");
  });

  it("externalOrderId matches exactly", async () => {
    expect(idsOf(await running.list("externalOrderId=SHOP-10433"))).toEqual([SCENARIOS.orderConfirmed]);
    expect(await running.list("externalOrderId=SHOP-1043")).toEqual([]);
  });

  it("rejects empty filters instead of ignoring them (an empty userId must never mean everyone)", async () => {
    for (const name of ["userId", "id", "lifecycle", "externalOrderId"]) {
      const error = await expectError(await running.api(`/v1/checkouts?${name}=`), 400, "invalid_parameter");
      expect(error.message).toContain(name);
    }
  });

  it("rejects a parameter given twice", async () => {
    const error = await expectError(
      await running.api(`/v1/checkouts?userId=${ALEX}&userId=${BLAIR}`),
      400,
      "invalid_parameter",
    );
    expect(error.message).toContain("userId");
  });
});

describe("sorting", () => {
  const timestampsOf = (items: JsonObject[], column: string) => items.map((item) => String(item[column]));
  const ascending = (values: string[]) => [...values].sort();

  it.each([
    ["created_at", "createdAt"],
    ["createdAt", "createdAt"],
    ["updated_at", "updatedAt"],
    ["updatedAt", "updatedAt"],
  ])("sortBy=%s orders by %s both ways", async (sortBy, column) => {
    for (const customer of [ALEX, MANY]) {
      const asc = await running.list(`userId=${customer}&limit=100&sortBy=${sortBy}&sortOrder=asc`);
      const desc = await running.list(`userId=${customer}&limit=100&sortBy=${sortBy}&sortOrder=desc`);
      expect(timestampsOf(asc, column)).toEqual(ascending(timestampsOf(asc, column)));
      expect(timestampsOf(desc, column)).toEqual(ascending(timestampsOf(desc, column)).reverse());
      expect(idsOf(desc)).toEqual(idsOf(asc).reverse());
    }
  });

  it("orders by created and updated time differently (the seed makes the column matter)", async () => {
    const byCreated = await running.list(`userId=${ALEX}&limit=100&sortBy=created_at`);
    const byUpdated = await running.list(`userId=${ALEX}&limit=100&sortBy=updated_at`);
    expect(idsOf(byCreated)).not.toEqual(idsOf(byUpdated));
  });

  it("defaults to newest created first", async () => {
    const byDefault = await running.list(`userId=${ALEX}&limit=100`);
    expect(idsOf(byDefault)).toEqual(
      idsOf(await running.list(`userId=${ALEX}&limit=100&sortBy=created_at&sortOrder=desc`)),
    );
    expect(byDefault[0]?.id).toBe(SCENARIOS.unfinished);
    expect(byDefault.at(-1)?.id).toBe(SCENARIOS.cancelled);
  });

  it("puts checkouts without a timestamp last in both orders", async () => {
    for (const order of ["asc", "desc"]) {
      const items = await running.list(`userId=${HOSTILE}&limit=100&sortOrder=${order}`);
      expect(items.at(-1)?.id).toBe(SCENARIOS.hostileNullCreatedAt);
    }
  });

  it("rejects unknown sortBy and sortOrder values, naming the parameter", async () => {
    for (const [query, name] of [
      ["sortBy=price", "sortBy"],
      ["sortBy=created", "sortBy"],
      ["sortOrder=up", "sortOrder"],
      ["sortOrder=DESC", "sortOrder"],
    ] as const) {
      const error = await expectError(await running.api(`/v1/checkouts?${query}`), 400, "invalid_parameter");
      expect(error.message).toContain(name);
    }
  });
});

describe("pagination", () => {
  it("defaults to 20 items", async () => {
    expect(await running.list(`userId=${MANY}`)).toHaveLength(20);
  });

  it("walks 65 checkouts in pages without gaps or repeats", async () => {
    const all = idsOf(await running.list(`userId=${MANY}&limit=100`));
    expect(all).toHaveLength(MANY_CHECKOUT_COUNT);
    const pages: string[] = [];
    for (let offset = 0; offset < 80; offset += 20) {
      const page = idsOf(await running.list(`userId=${MANY}&offset=${offset}&limit=20`));
      expect(page.length).toBe(Math.min(20, Math.max(0, MANY_CHECKOUT_COUNT - offset)));
      pages.push(...page);
    }
    expect(pages).toEqual(all);
  });

  it("answers [] past the end and accepts limit=100", async () => {
    expect(await running.list(`userId=${MANY}&offset=65`)).toEqual([]);
    expect(await running.list(`userId=${MANY}&offset=1000`)).toEqual([]);
    expect(await running.list(`userId=${MANY}&limit=100`)).toHaveLength(65);
    expect(await running.list(`userId=${MANY}&offset=64&limit=100`)).toHaveLength(1);
  });

  it.each([
    ["limit", "101"],
    ["limit", "0"],
    ["limit", "-1"],
    ["limit", "1.5"],
    ["limit", "abc"],
    ["limit", "1e2"],
    ["limit", ""],
    ["offset", "-1"],
    ["offset", "1.5"],
    ["offset", "abc"],
    ["offset", "99999999999999999999"],
    ["offset", "1000001"],
  ])("rejects %s=%s with 400 naming the parameter", async (name, value) => {
    const error = await expectError(
      await running.api(`/v1/checkouts?${name}=${encodeURIComponent(value)}`),
      400,
      "invalid_parameter",
    );
    expect(error.message).toContain(name);
  });
});
