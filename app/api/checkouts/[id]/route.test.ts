import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_CUSTOMERS, SCENARIOS } from "@/sandbox/scenarios";
import { type RunningSandbox, startSandbox, TEST_API_KEY } from "@/sandbox/testing";
import { sandboxConfig } from "@/test-support/sandbox-config";

/*
 * The live JSON route under every fault the sandbox can inject: the real route, loader, client,
 * breaker and budget, talking HTTP to an in-process sandbox. This is where the fault table lives;
 * the browser keeps the journeys (e2e/resilience.spec.ts) and one check of the headers as the
 * production server sends them (e2e/status-codes.spec.ts).
 *
 * Time is injected rather than waited for: a 250 ms attempt timeout stands in for e2e's 1500 ms, so a
 * hung API costs this file about a second instead of four, and a 429's pause is ended by moving the
 * faked Date past it, not by sleeping through it.
 */

const config = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock("@/lib/env", () => ({ env: () => config.current }));
vi.mock("@/lib/request/locale", () => ({ getLocale: async () => "en" }));
vi.mock("@/lib/auth/customer-session", () => ({
  customerForRoute: async () => ({ userId: DEMO_CUSTOMERS.alex.id }),
}));

const { GET } = await import("./route");

const CHECKOUT = SCENARIOS.shippedUps;

type FaultCase = {
  name: string;
  fault: Record<string, unknown>;
  status: number;
  code: string;
  /** Words of the sandbox's own answer (sandbox/fault-responses.ts): none may reach the customer. */
  upstreamWords: string[];
};

const FAULTS: FaultCase[] = [
  {
    name: "the API answers 503",
    fault: { status: 503 },
    status: 503,
    code: "upstream_unavailable",
    upstreamWords: ["service_unavailable", "Injected fault"],
  },
  {
    name: "the API hangs past the timeout",
    fault: { mode: "hang" },
    status: 504,
    code: "upstream_timeout",
    upstreamWords: [],
  },
  {
    name: "the API answers HTML instead of JSON",
    fault: { mode: "garbage" },
    status: 503,
    code: "upstream_unavailable",
    upstreamWords: ["Bad Gateway", "The upstream server returned an invalid response"],
  },
  {
    name: "the API answers JSON of the wrong shape",
    fault: { mode: "wrong-shape" },
    status: 503,
    code: "upstream_unavailable",
    upstreamWords: ["wrong shape on purpose", "chk_wrongshape"],
  },
  {
    name: "the API rate-limits with 429 and Retry-After",
    fault: { status: 429 },
    status: 503,
    code: "upstream_unavailable",
    upstreamWords: ["rate_limited", "Injected fault"],
  },
];

/** What must never reach a browser: pieces of a stack trace, of our source, of the key. */
const STACK_TRACE_SIGNS = [
  /\bat [\w.<>]+ \(/,
  /node_modules/,
  /Sweet ?Spot API (unavailable|did not answer|sent)/,
  /Upstream\w*Error/,
  new RegExp(TEST_API_KEY),
];

let running: RunningSandbox;

const liveStatus = () =>
  GET(new Request(`http://portal.test/api/checkouts/${CHECKOUT}`), {
    params: Promise.resolve({ id: CHECKOUT }),
  });

beforeAll(async () => {
  // Only Date is faked, once for the file (the budget keeps the Date.now it was made with): sockets
  // and timeouts run for real, and the budget's 429 pause reads this clock. It stands early in a
  // second: in a second's last 100 ms the budget waits for the next one, which a frozen clock never reaches.
  const realNow = Date.now();
  vi.useFakeTimers({ toFake: ["Date"], now: realNow - (realNow % 1000) + 100 });
  running = await startSandbox();
  config.current = sandboxConfig({
    SANDBOX_PORT: new URL(running.baseUrl).port,
    SWEETSPOT_API_KEY: TEST_API_KEY,
    // Short enough for a fast file, long enough for a loaded 2-core machine's answers in time.
    SWEETSPOT_TIMEOUT_MS: "250",
    SWEETSPOT_DEADLINE_MS: "1000",
    // The table fails the API many times in a row: an open breaker would answer for the API
    // (lib/sweetspot/breaker.test.ts covers it) and hide the fault under test.
    SWEETSPOT_BREAKER_FAILURES: "1000",
  });
  // The first call loads the client, budget and schemas: warm them up outside the timed attempts.
  vi.spyOn(console, "log").mockImplementation(() => {});
  expect((await liveStatus()).status, "the route answers while the API is well").toBe(200);
});

afterAll(async () => {
  vi.useRealTimers();
  await running.close();
});

beforeEach(async () => {
  // Past any 429 pause an earlier case left behind (the sandbox's is 1 s, at most 30 s here).
  vi.setSystemTime(Date.now() + 60_000);
  // The client logs each upstream call and failure as JSON lines: expected here, not test output.
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  await running.control("/faults", { method: "DELETE" });
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function addFault(fault: Record<string, unknown>) {
  const added = await running.control("/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...fault, path: "/v1/" }),
  });
  expect(added.status, `the sandbox took the fault ${JSON.stringify(fault)}`).toBe(201);
}

describe("the live JSON route when the API fails", () => {
  it.each(FAULTS)(
    "$name: answers $status with Retry-After and nothing of the API's answer, then recovers",
    async ({ fault, status, code, upstreamWords }) => {
      await addFault(fault);
      const failed = await liveStatus();
      expect(failed.status).toBe(status);
      expect(Number(failed.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(failed.headers.get("cache-control")).toContain("no-store");
      const text = await failed.text();
      expect(JSON.parse(text)).toEqual({ error: { code, message: expect.any(String) } });
      for (const words of upstreamWords) expect(text, `upstream text "${words}"`).not.toContain(words);
      for (const sign of STACK_TRACE_SIGNS) expect(text, `stack trace sign ${sign}`).not.toMatch(sign);

      await running.control("/faults", { method: "DELETE" });
      // A 429 pauses every call until its Retry-After (1 s from the sandbox) has passed: move past it.
      vi.setSystemTime(Date.now() + 2_000);
      const recovered = await liveStatus();
      expect(recovered.status).toBe(200);
      expect(await recovered.json()).toMatchObject({ id: CHECKOUT });
    },
  );

  it("passes on the API's own Retry-After from a 429, within the route's bounds", async () => {
    await addFault({ status: 429, retryAfter: 30 });
    const failed = await liveStatus();
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("30");
  });
});
