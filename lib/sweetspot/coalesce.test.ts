import { describe, expect, it } from "vitest";
import { coalesced } from "./coalesce";
import { UpstreamUnavailableError } from "./errors";
import type { HttpClient, JsonResponse, RequestSpec } from "./http";

/** A transport whose calls stay open until the test settles them. */
function heldTransport() {
  const calls: { spec: RequestSpec; settle: (value: JsonResponse) => void; fail: (e: unknown) => void }[] =
    [];
  const http: HttpClient = {
    requestJson: (spec) =>
      new Promise((resolve, reject) => calls.push({ spec, settle: resolve, fail: reject })),
  };
  return { http, calls };
}

const answer = (value: unknown): JsonResponse => ({ value, text: JSON.stringify(value) });
const listFor = (userId: string, extra: Record<string, string> = {}): RequestSpec => ({
  path: "/v1/checkouts",
  query: new URLSearchParams({ userId, limit: "21", ...extra }),
  userId,
});

describe("coalescing identical in-flight requests", () => {
  it("shares one upstream call between identical requests of the same customer", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const first = client.requestJson(listFor("usr_alex"));
    const second = client.requestJson(listFor("usr_alex"));
    expect(calls).toHaveLength(1);
    calls[0]?.settle(answer(["alex's"]));
    expect((await first).value).toEqual(["alex's"]);
    expect((await second).value).toEqual(["alex's"]);
    // Nothing is kept once the call is done: the next request asks again.
    expect(client.inFlight()).toBe(0);
    void client.requestJson(listFor("usr_alex"));
    expect(calls).toHaveLength(2);
  });

  it("never shares between customers, nor between different queries", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const alex = client.requestJson(listFor("usr_alex"));
    const blair = client.requestJson(listFor("usr_blair"));
    const alexPage2 = client.requestJson(listFor("usr_alex", { offset: "20" }));
    // Same URL, but made for another customer (the detail endpoint's URL carries no user id).
    const detail = (userId: string): RequestSpec => ({
      path: "/v1/checkouts/{id}",
      pathParams: { id: "chk_1" },
      userId,
    });
    const alexDetail = client.requestJson(detail("usr_alex"));
    const blairDetail = client.requestJson(detail("usr_blair"));
    expect(calls).toHaveLength(5);
    for (const [index, call] of calls.entries()) call.settle(answer(index));
    expect((await alex).value).toBe(0);
    expect((await blair).value).toBe(1);
    expect((await alexPage2).value).toBe(2);
    expect((await alexDetail).value).toBe(3);
    expect((await blairDetail).value).toBe(4);
  });

  it("gives every waiting caller the failure, and a caller that aborts leaves the others waiting", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const leaving = new AbortController();
    const first = client.requestJson({ ...listFor("usr_alex"), signal: leaving.signal });
    const second = client.requestJson(listFor("usr_alex"));
    expect(calls[0]?.spec.signal).toBeUndefined();
    leaving.abort(new DOMException("gone", "AbortError"));
    await expect(first).rejects.toHaveProperty("name", "AbortError");
    calls[0]?.fail(new UpstreamUnavailableError("down"));
    await expect(second).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(client.inFlight()).toBe(0);
  });

  it("does not coalesce writes", () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    void client.requestJson({ path: "/v1/things", method: "POST" });
    void client.requestJson({ path: "/v1/things", method: "POST" });
    expect(calls).toHaveLength(2);
  });
});
