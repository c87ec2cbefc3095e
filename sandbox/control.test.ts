import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_LOGGED_REQUESTS, RequestLog } from "./request-log";
import { DEMO_CUSTOMERS, SCENARIOS, type ScenarioName } from "./scenarios";
import { expectError, type JsonObject, postJson, type RunningSandbox, startSandbox } from "./testing";

const SEEDED_AT = new Date("2026-03-10T12:00:00.000Z");
const ADVANCED_AT = new Date("2026-03-11T09:30:00.000Z");

type Progress = { currentMilestone: string; milestones: { key: string; completedAt: string | null }[] };

let running: RunningSandbox;

beforeEach(async () => {
  running = await startSandbox({ now: SEEDED_AT, currentTime: () => ADVANCED_AT });
});
afterEach(() => running.close());

async function advance(id: string): Promise<Response> {
  return running.control(`/checkouts/${encodeURIComponent(id)}/advance`, { method: "POST" });
}

async function advanceOk(id: string): Promise<JsonObject> {
  const response = await advance(id);
  const body = (await response.json()) as JsonObject;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

async function listItem(id: string): Promise<JsonObject | undefined> {
  return (await running.list(`id=${id}`))[0];
}

describe("GET /__sandbox/health", () => {
  it("answers ok without a key", async () => {
    const response = await running.control("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("GET /__sandbox/customers", () => {
  it("lists the demo customers with their checkout counts, without a key", async () => {
    const { customers } = (await (await running.control("/customers")).json()) as { customers: JsonObject[] };
    expect(customers).toEqual([
      { ...DEMO_CUSTOMERS.alex, checkoutCount: 17 },
      { ...DEMO_CUSTOMERS.many, checkoutCount: 65 },
      { ...DEMO_CUSTOMERS.empty, checkoutCount: 0 },
      { ...DEMO_CUSTOMERS.hostile, checkoutCount: 9 },
      { ...DEMO_CUSTOMERS.blair, checkoutCount: 3 },
    ]);
    for (const customer of customers) expect(String(customer.description).length).toBeGreaterThan(0);
  });
});

describe("control routing", () => {
  it("answers unknown control paths with 404 and wrong methods with 405, both as JSON", async () => {
    await expectError(await running.control("/nope"), 404, "not_found");
    await expectError(await running.control("/reset"), 405, "method_not_allowed");
    await expectError(await running.control("/health", { method: "POST" }), 405, "method_not_allowed");
  });
});

describe("POST /__sandbox/checkouts/{id}/advance", () => {
  it("walks an unfinished checkout through its whole life, with fresh times and milestones", async () => {
    const seeded = await listItem(SCENARIOS.unfinished);
    const at = ADVANCED_AT.toISOString();

    const confirmed = await advanceOk(SCENARIOS.unfinished);
    expect(confirmed).toMatchObject({ id: SCENARIOS.unfinished, lifecycle: "orderConfirmed", updatedAt: at });
    expect(confirmed.depositTimestamp).toBe(at);
    const confirmedProgress = confirmed.progress as Progress;
    expect(confirmedProgress.currentMilestone).toBe("orderConfirmed");
    expect(confirmedProgress.milestones[0]).toMatchObject({
      key: "checkoutStarted",
      completedAt: seeded?.createdAt,
    });

    const shipped = await advanceOk(SCENARIOS.unfinished);
    expect(shipped).toMatchObject({ lifecycle: "shipped", shippedAt: at, trackingStatus: "in_transit" });
    expect(shipped.trackingCarrier).toEqual(expect.any(String));
    expect(shipped.trackingNumber).toEqual(expect.any(String));
    expect((shipped.progress as Progress).currentMilestone).toBe("shipped");

    const delivered = await advanceOk(SCENARIOS.unfinished);
    expect(delivered).toMatchObject({ lifecycle: "delivered", deliveredAt: at, trackingStatus: "delivered" });

    const leased = await advanceOk(SCENARIOS.unfinished);
    expect(leased).toMatchObject({
      lifecycle: "leaseActive",
      leaseStartDate: "2026-03-11",
      leaseEndDate: "2027-03-11",
      recurringPaymentStatus: "active",
    });
    expect(
      (leased.progress as Progress).milestones.every((milestone) => milestone.completedAt !== null),
    ).toBe(true);

    await expectError(await advance(SCENARIOS.unfinished), 409, "no_next_lifecycle");
  });

  it("changes what the API serves, not just the control answer", async () => {
    await advanceOk(SCENARIOS.depositPending);
    const item = await listItem(SCENARIOS.depositPending);
    expect(item).toMatchObject({ lifecycle: "orderConfirmed", updatedAt: ADVANCED_AT.toISOString() });
    expect(item).not.toHaveProperty("depositPreauthExpiresAt");
    expect((await running.detail(SCENARIOS.depositPending)).state).toBe("deposited");
    // The customer's list sees it too (its cached order is rebuilt).
    const alex = await running.list(`userId=${DEMO_CUSTOMERS.alex.id}&sortBy=updated_at&limit=1`);
    expect(alex[0]?.id).toBe(SCENARIOS.depositPending);
  });

  it("keeps earlier milestone times and completes the next one", async () => {
    const before = (await listItem(SCENARIOS.shippedUps))?.progress as Progress;
    const after = (await advanceOk(SCENARIOS.shippedUps)).progress as Progress;
    const completed = (progress: Progress) =>
      progress.milestones.filter((milestone) => milestone.completedAt);
    expect(completed(after).slice(0, -1)).toEqual(completed(before));
    expect(completed(after).at(-1)).toMatchObject({
      key: "delivered",
      completedAt: ADVANCED_AT.toISOString(),
    });
  });

  it("confirms a waitlisted checkout and ends its waitlist", async () => {
    const confirmed = await advanceOk(SCENARIOS.waitlistedLocation);
    expect(confirmed.lifecycle).toBe("orderConfirmed");
    for (const key of [
      "waitlistReason",
      "locationMessage",
      "waitlistLocationReasonCode",
      "waitlistLocationAddress",
    ]) {
      expect(confirmed).not.toHaveProperty(key);
    }
  });

  it("moves a pickup checkout through pickedUp to leaseActive", async () => {
    const pickedUp = await advanceOk(SCENARIOS.readyForPickup);
    expect(pickedUp.lifecycle).toBe("pickedUp");
    expect((pickedUp.progress as Progress).currentMilestone).toBe("pickedUp");
    expect(pickedUp).not.toHaveProperty("trackingNumber");
    expect((await advanceOk(SCENARIOS.readyForPickup)).lifecycle).toBe("leaseActive");
  });

  it("completes a return", async () => {
    const returned = await advanceOk(SCENARIOS.returnInitiated);
    expect(returned).toMatchObject({
      lifecycle: "returned",
      returnCompletedAt: ADVANCED_AT.toISOString(),
      previousLifecycle: "returnInitiated",
      recurringPaymentStatus: "cancelled",
    });
    expect((returned.progress as Progress).currentMilestone).toBe("returnCompleted");
  });

  it.each<ScenarioName>([
    "leaseActive",
    "returnCompleted",
    "cancelled",
    "hostileUnknownValues",
    "hostileNullLifecycle",
  ])("refuses to advance %s (no next lifecycle) with 409", async (name) => {
    await expectError(await advance(SCENARIOS[name]), 409, "no_next_lifecycle");
  });

  it("answers an unknown checkout with 404", async () => {
    await expectError(await advance("chk_doesnotexist"), 404, "not_found");
    await expectError(
      await running.control("/checkouts/%E0%A4%A/advance", { method: "POST" }),
      404,
      "not_found",
    );
  });
});

describe("POST /__sandbox/reset", () => {
  it("restores the seed and clears faults and the request log", async () => {
    const seeded = await listItem(SCENARIOS.unfinished);
    await advanceOk(SCENARIOS.unfinished);
    await running.control("/faults", postJson({ latencyMs: 1 }));

    const response = await running.control("/reset", { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", checkouts: 94 });

    expect(((await (await running.control("/faults")).json()) as { faults: unknown[] }).faults).toEqual([]);
    expect(((await (await running.control("/requests")).json()) as { requests: unknown[] }).requests).toEqual(
      [],
    );
    expect(await listItem(SCENARIOS.unfinished)).toEqual(seeded);
    const alex = await running.list(`userId=${DEMO_CUSTOMERS.alex.id}&limit=1`);
    expect(alex[0]).toEqual(seeded);
  });
});

describe("GET /__sandbox/requests", () => {
  it("logs API requests, newest last, with method, path, query, time and status", async () => {
    await running.api("/v1/checkouts?userId=usr_demo_alex&organizationIds=1&organizationIds=2");
    await running.api(`/v1/checkouts/${SCENARIOS.unfinished}`);
    await running.api("/v1/checkouts/chk_doesnotexist");
    await fetch(`${running.baseUrl}/v1/checkouts`);
    await running.control("/health");

    const { requests } = (await (await running.control("/requests")).json()) as { requests: JsonObject[] };
    expect(requests).toMatchObject([
      {
        method: "GET",
        path: "/v1/checkouts",
        query: { userId: "usr_demo_alex", organizationIds: ["1", "2"] },
        status: 200,
      },
      { method: "GET", path: `/v1/checkouts/${SCENARIOS.unfinished}`, query: {}, status: 200 },
      { path: "/v1/checkouts/chk_doesnotexist", status: 404 },
      { path: "/v1/checkouts", status: 401 },
    ]);
    for (const entry of requests) expect(new Date(String(entry.time)).toISOString()).toBe(entry.time);
  });

  it("clears the log on DELETE", async () => {
    await running.api("/v1/checkouts");
    const cleared = await running.control("/requests", { method: "DELETE" });
    expect(await cleared.json()).toEqual({ requests: [] });
    expect(((await (await running.control("/requests")).json()) as { requests: unknown[] }).requests).toEqual(
      [],
    );
  });

  it("logs a hung request with no status", async () => {
    await running.control("/faults", postJson({ mode: "hang", count: 1 }));
    await expect(running.api("/v1/checkouts", { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const { requests } = (await (await running.control("/requests")).json()) as { requests: JsonObject[] };
    expect(requests).toMatchObject([{ path: "/v1/checkouts", status: null }]);
  });
});

describe("RequestLog", () => {
  it(`keeps only the last ${MAX_LOGGED_REQUESTS} requests`, () => {
    const log = new RequestLog();
    for (let index = 0; index < MAX_LOGGED_REQUESTS + 5; index++) {
      log.record("GET", new URL(`http://sandbox.invalid/v1/checkouts?offset=${index}`));
    }
    expect(log.list()).toHaveLength(MAX_LOGGED_REQUESTS);
    expect(log.list()[0]?.query).toEqual({ offset: "5" });
    expect(log.list().at(-1)?.query).toEqual({ offset: String(MAX_LOGGED_REQUESTS + 4) });
  });
});
