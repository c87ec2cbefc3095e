import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SCALE_CUSTOMER } from "./scenarios";
import { createSandbox } from "./server";
import { MAX_SYNTHETIC_CHECKOUTS, SCALE_CUSTOMER_CHECKOUTS, syntheticCheckouts } from "./synthetic";
import { idsOf, type JsonObject, type RunningSandbox, startSandbox } from "./testing";

const DEMO_CHECKOUT_COUNT = 94;

describe("SANDBOX_CHECKOUTS=100000", () => {
  let running: RunningSandbox;
  let heapGrowthBytes = 0;

  beforeAll(async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    running = await startSandbox({ extraCheckouts: MAX_SYNTHETIC_CHECKOUTS });
    heapGrowthBytes = process.memoryUsage().heapUsed - heapBefore;
  }, 60_000);
  afterAll(() => running?.close());

  it("adds 100,000 checkouts to the demo data", () => {
    expect(running.sandbox.store.size).toBe(MAX_SYNTHETIC_CHECKOUTS + DEMO_CHECKOUT_COUNT);
  });

  it("gives usr_scale_10k exactly 10,000 and lists that customer for sign-in", async () => {
    const { customers } = (await (await running.control("/customers")).json()) as { customers: JsonObject[] };
    expect(customers.at(-1)).toEqual({ ...SCALE_CUSTOMER, checkoutCount: SCALE_CUSTOMER_CHECKOUTS });
  });

  it("spreads the rest over many customers", () => {
    const customers = new Set(running.sandbox.store.everything().map((record) => record.customerId));
    expect(customers.size).toBeGreaterThan(1000);
  });

  it("serves the last page of usr_scale_10k: offset 9990 returns 10", async () => {
    const page = await running.list(`userId=${SCALE_CUSTOMER.id}&offset=9990&limit=100`);
    expect(page).toHaveLength(10);
    expect(new Set(page.map((item) => item.customerId))).toEqual(new Set([SCALE_CUSTOMER.id]));
    const asc = await running.list(`userId=${SCALE_CUSTOMER.id}&limit=10&sortOrder=asc`);
    expect(idsOf(asc).reverse()).toEqual(idsOf(page));
  });

  it("answers a customer's list through the customer index, never walking every checkout", async () => {
    const ordered = vi.spyOn(running.sandbox.store, "ordered");
    await running.list(`userId=${SCALE_CUSTOMER.id}&offset=5000&limit=100&sortBy=updated_at`);
    await running.list(`userId=usr_synth00042&lifecycles=leaseActive,shipped`);
    expect(ordered.mock.calls).toEqual([
      [SCALE_CUSTOMER.id, "updatedAt"],
      ["usr_synth00042", "createdAt"],
    ]);
    expect(ordered.mock.results.map((result) => (result.value as { dated: unknown[] }).dated.length)).toEqual(
      [SCALE_CUSTOMER_CHECKOUTS, expect.any(Number)],
    );
    ordered.mockRestore();
  });

  it("generates compactly: shared addresses and item lists, and a bounded heap", () => {
    const [first, second] = running.sandbox.store.ofCustomer(SCALE_CUSTOMER.id);
    const sharedAddress = running.sandbox.store
      .ofCustomer(SCALE_CUSTOMER.id)
      .some((record) => record !== first && record.shippingAddress === first?.shippingAddress);
    expect(sharedAddress).toBe(true);
    expect(second).toBeDefined();
    // About 110 MB in practice; far above that means records are being copied or bloated.
    expect(heapGrowthBytes).toBeLessThan(400 * 1024 * 1024);
  });
});

describe("synthetic checkouts", () => {
  it("refuses more than 100,000", () => {
    expect(() => createSandbox({ extraCheckouts: MAX_SYNTHETIC_CHECKOUTS + 1 })).toThrow(/100000/);
    expect(() => syntheticCheckouts(-1, Date.now())).toThrow(RangeError);
  });

  it("gives the scale customer all of a small number", () => {
    const records = syntheticCheckouts(50, Date.now());
    expect(records).toHaveLength(50);
    expect(new Set(records.map((record) => record.customerId))).toEqual(new Set([SCALE_CUSTOMER.id]));
  });

  it("is deterministic for the same moment", () => {
    const now = Date.parse("2026-03-10T12:00:00.000Z");
    expect(syntheticCheckouts(12_000, now)).toEqual(syntheticCheckouts(12_000, now));
  });

  it("keeps every generated checkout's events in order", () => {
    const now = Date.parse("2026-03-10T12:00:00.000Z");
    for (const record of syntheticCheckouts(11_000, now)) {
      const times = [record.createdAt, record.depositTimestamp, record.shippedAt, record.deliveredAt]
        .filter((time): time is string => typeof time === "string")
        .map(Date.parse);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Date.parse(String(record.updatedAt))).toBeLessThanOrEqual(now);
    }
  });
});
