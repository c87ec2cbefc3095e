import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DETAIL_EXAMPLE_BODY, LIST_EXAMPLE_BODY } from "@/test-support/fixtures/api-document-examples";
import { SCENARIOS } from "./scenarios";
import { expectError, postJson, type RunningSandbox, startSandbox } from "./testing";

const LIST = "/v1/checkouts?userId=usr_demo_alex";
const DETAIL = `/v1/checkouts/${SCENARIOS.unfinished}`;

/** A random source that replays `values` in a loop, so `rate` is testable. */
function replay(values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
}

let running: RunningSandbox;
let random = replay([0.5]);

beforeEach(async () => {
  random = replay([0.5]);
  running = await startSandbox({ random: () => random() });
});
afterEach(() => running.close());

async function addFault(spec: Record<string, unknown>): Promise<Response> {
  return running.control("/faults", postJson(spec));
}

describe("managing faults", () => {
  it("adds a fault (201), lists it, and clears the list", async () => {
    const created = await addFault({ status: 500, path: "/v1/checkouts", count: 2 });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { fault: { id: string }; faults: unknown[] };
    expect(body.fault).toMatchObject({
      id: expect.stringMatching(/^flt_/),
      status: 500,
      count: 2,
      remaining: 2,
    });
    expect(body.faults).toHaveLength(1);

    await addFault({ latencyMs: 10 });
    const listed = (await (await running.control("/faults")).json()) as { faults: unknown[] };
    expect(listed.faults).toHaveLength(2);

    const cleared = await running.control("/faults", { method: "DELETE" });
    expect(await cleared.json()).toEqual({ faults: [] });
    expect((await running.api(LIST)).status).toBe(200);
  });

  it.each([
    ["an empty fault", {}],
    ["an unknown mode", { mode: "explode" }],
    ["a non-numeric status", { status: "500" }],
    ["a success status", { status: 200 }],
    ["a negative latency", { latencyMs: -5 }],
    ["a zero count", { status: 500, count: 0 }],
    ["a rate above 1", { status: 500, rate: 1.5 }],
    ["a relative path", { status: 500, path: "v1/checkouts" }],
    ["an unknown field", { status: 500, when: "always" }],
    ["both status and mode", { status: 500, mode: "hang" }],
    ["an array", [{ status: 500 }]],
  ])("rejects %s with 400", async (_label, spec) => {
    await expectError(await addFault(spec as Record<string, unknown>), 400, "invalid_fault");
    expect(((await (await running.control("/faults")).json()) as { faults: unknown[] }).faults).toEqual([]);
  });

  it("rejects a body that is not JSON", async () => {
    const response = await running.control("/faults", { method: "POST", body: "status=500" });
    await expectError(response, 400, "invalid_json");
  });
});

describe("fault modes", () => {
  it("status answers with that status and a JSON error body", async () => {
    await addFault({ status: 500 });
    const response = await running.api(LIST);
    await expectError(response, 500, "internal_error");
    expect(response.headers.get("retry-after")).toBeNull();
  });

  it.each([429, 503])("status %i adds Retry-After: 1", async (status) => {
    await addFault({ status });
    const response = await running.api(LIST);
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe("1");
    await response.body?.cancel();
  });

  it("a status fault sends its own Retry-After: seconds or an HTTP date, as written", async () => {
    await addFault({ status: 429, retryAfter: 30, count: 1 });
    const first = await running.api(LIST);
    expect(first.headers.get("retry-after")).toBe("30");
    const date = "Sun, 06 Dec 2026 15:00:00 GMT";
    await addFault({ status: 503, retryAfter: date, count: 1 });
    const second = await running.api(LIST);
    expect(second.headers.get("retry-after")).toBe(date);
    await Promise.all([first.body?.cancel(), second.body?.cancel()]);
    await expectError(await addFault({ mode: "hang", retryAfter: 5 }), 400, "invalid_fault");
  });

  it("latencyMs delays the normal answer", async () => {
    await addFault({ latencyMs: 300 });
    const started = performance.now();
    const response = await running.api(LIST);
    expect(response.status).toBe(200);
    expect(Array.isArray(await response.json())).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("latencyMs delays a faulted answer too", async () => {
    await addFault({ status: 502, latencyMs: 300 });
    const started = performance.now();
    await expectError(await running.api(LIST), 502, "bad_gateway");
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("hang never answers; the client gives up and the sandbox carries on", async () => {
    await addFault({ mode: "hang", count: 1 });
    await expect(running.api(LIST, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect((await running.api(LIST)).status).toBe(200);
  });

  it("closing the sandbox drops hung requests instead of waiting for them", async () => {
    await addFault({ mode: "hang" });
    const hung = running.api(LIST).then(
      () => "answered",
      () => "dropped",
    );
    // Let the request reach the server before closing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await running.close();
    expect(await hung).toBe("dropped");
  });

  it("garbage answers 200 with a body that is not JSON", async () => {
    await addFault({ mode: "garbage" });
    const response = await running.api(LIST);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("wrong-shape answers an object for the list and an array for the detail", async () => {
    await addFault({ mode: "wrong-shape" });
    const list: unknown = await (await running.api(LIST)).json();
    expect(typeof list === "object" && list !== null && !Array.isArray(list)).toBe(true);
    const detail: unknown = await (await running.api(DETAIL)).json();
    expect(Array.isArray(detail)).toBe(true);
  });
});

describe("the documented-example mode", () => {
  it("answers the documents' example bodies verbatim", async () => {
    await addFault({ mode: "documented-example" });
    expect(await (await running.api(LIST)).text()).toBe(LIST_EXAMPLE_BODY);
    expect(await (await running.api(DETAIL)).text()).toBe(DETAIL_EXAMPLE_BODY);
  });
});

describe("which requests a fault hits", () => {
  it("count: only the next N matching requests, then the fault is gone", async () => {
    await addFault({ status: 500, count: 2 });
    expect((await running.api(LIST)).status).toBe(500);
    expect((await running.api(DETAIL)).status).toBe(500);
    expect((await running.api(LIST)).status).toBe(200);
    expect(((await (await running.control("/faults")).json()) as { faults: unknown[] }).faults).toEqual([]);
  });

  it("path: only requests whose path starts with it", async () => {
    await addFault({ status: 503, path: "/v1/checkouts/" });
    expect((await running.api(LIST)).status).toBe(200);
    expect((await running.api(DETAIL)).status).toBe(503);
  });

  it("rate: only the drawn fraction of requests", async () => {
    random = replay([0.1, 0.9, 0.3, 0.7]);
    await addFault({ status: 500, rate: 0.5 });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) statuses.push((await running.api(LIST)).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
  });

  it("rate and count together: requests skipped by the draw do not use up the count", async () => {
    random = replay([0.9, 0.1, 0.9, 0.1, 0.1]);
    await addFault({ status: 500, rate: 0.5, count: 2 });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) statuses.push((await running.api(LIST)).status);
    expect(statuses).toEqual([200, 500, 200, 500, 200]);
  });

  it("several faults: latencies add up and the earliest added decides the answer", async () => {
    await addFault({ latencyMs: 150 });
    await addFault({ status: 429, latencyMs: 150 });
    await addFault({ mode: "garbage" });
    const started = performance.now();
    const response = await running.api(LIST);
    expect(response.status).toBe(429);
    await response.body?.cancel();
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("applies to the API only, never to the control endpoints", async () => {
    await addFault({ status: 500 });
    expect((await running.control("/health")).status).toBe(200);
    expect((await running.control("/customers")).status).toBe(200);
  });

  it("records the fault that answered in the request log", async () => {
    const { fault } = (await (await addFault({ status: 500, count: 1 })).json()) as { fault: { id: string } };
    await running.api(LIST);
    await running.api(LIST);
    const { requests } = (await (await running.control("/requests")).json()) as {
      requests: { status: number; faultId?: string }[];
    };
    expect(requests.map((entry) => [entry.status, entry.faultId])).toEqual([
      [500, fault.id],
      [200, undefined],
    ]);
  });
});
