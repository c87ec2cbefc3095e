import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLastKnownGood } from "@/lib/store/last-known-good";
import { createMemoryStore } from "@/lib/store/memory-store";
import type { SharedStore } from "@/lib/store/shared-store";
import { StoreUnavailableError } from "@/lib/store/shared-store";
import { UpstreamCircuitOpenError } from "@/lib/sweetspot/breaker";
import {
  CheckoutNotFoundError,
  UpstreamHeldBackError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "@/lib/sweetspot/errors";
import { createReadThrough, type ViewOwner } from "./remembered-read";
import { checkoutViewName, listViewName } from "./view-names";

const SECRET = "test-nextauth-secret-of-enough-length-0123456789";
const pageSchema = z.object({ headline: z.string() });
const SAVED_AT = Date.parse("2026-03-01T14:05:00Z");

function setup(store: SharedStore = createMemoryStore({ now: () => SAVED_AT })) {
  const scheduled: (() => Promise<void>)[] = [];
  const logs: { event: string; view: string; error?: string }[] = [];
  const served: string[] = [];
  const read = createReadThrough({
    views: createLastKnownGood(store, SECRET, { now: () => SAVED_AT }),
    schedule: (task) => scheduled.push(task),
    log: (entry) => logs.push(entry),
    onServed: (kind) => served.push(kind),
  });
  /** Runs what the page left for after its response. */
  const afterResponse = async () => {
    for (const task of scheduled.splice(0)) await task();
  };
  return { read, logs, served, afterResponse };
}

/** A customer whose session stays signed in. */
const signedIn = (userId: string): ViewOwner => ({ userId, stillSignedIn: async () => true });
const alex = signedIn("usr_alex");
const blair = signedIn("usr_blair");
const live = (headline: string) => async () => ({ headline });
const failing = (error: Error) => async (): Promise<{ headline: string }> => {
  throw error;
};

describe("a page read with last known good", () => {
  it("answers live and saves the view only after the response", async () => {
    const { read, afterResponse } = setup();
    expect(await read(alex, "list:all:1", pageSchema, live("2 orders"))).toEqual({
      view: { headline: "2 orders" },
      savedAt: null,
    });
    // Nothing saved yet: the write waits for the response to be out.
    await expect(
      read(alex, "list:all:1", pageSchema, failing(new UpstreamUnavailableError("down"))),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await afterResponse();
    expect(await read(alex, "list:all:1", pageSchema, failing(new UpstreamUnavailableError("down")))).toEqual(
      { view: { headline: "2 orders" }, savedAt: new Date(SAVED_AT) },
    );
  });

  it.each([
    ["the API answering 503", new UpstreamUnavailableError("down")],
    ["the API hanging past the deadline", new UpstreamTimeoutError("hung")],
    ["the breaker being open", new UpstreamCircuitOpenError("open")],
    ["the API answering garbage", new UpstreamInvalidResponseError("garbage")],
    ["the API rate-limiting the key (429)", new UpstreamRateLimitedError("429", { retryAfterSeconds: 30 })],
    ["the upstream budget spent past the page's deadline", new UpstreamHeldBackError("budget", 1)],
    ["every instance pausing after a 429", new UpstreamHeldBackError("paused", 20)],
  ])("answers the saved view during %s", async (_, error) => {
    const { read, afterResponse, logs, served } = setup();
    await read(alex, "checkout:chk_1", pageSchema, live("On its way"));
    await afterResponse();
    const answer = await read(alex, "checkout:chk_1", pageSchema, failing(error));
    expect(answer.view).toEqual({ headline: "On its way" });
    expect(answer.savedAt).toEqual(new Date(SAVED_AT));
    expect(logs).toContainEqual({ event: "last_known_good_served", view: "checkout", error: error.name });
    expect(served).toEqual(["checkout"]);
  });

  it("never answers one customer with another's view: without their own, the error goes on", async () => {
    const { read, afterResponse } = setup();
    await read(alex, "list:all:1", pageSchema, live("Alex's orders"));
    await afterResponse();
    const down = new UpstreamUnavailableError("down");
    await expect(read(blair, "list:all:1", pageSchema, failing(down))).rejects.toBe(down);
    // Nor another page's view of the same customer.
    await expect(read(alex, "list:all:2", pageSchema, failing(down))).rejects.toBe(down);
  });

  it("does not paper over 'not found' or a bug with an old view", async () => {
    const { read, afterResponse } = setup();
    await read(alex, "checkout:chk_1", pageSchema, live("On its way"));
    await afterResponse();
    const gone = new CheckoutNotFoundError();
    await expect(read(alex, "checkout:chk_1", pageSchema, failing(gone))).rejects.toBe(gone);
    const bug = new TypeError("bug");
    await expect(read(alex, "checkout:chk_1", pageSchema, failing(bug))).rejects.toBe(bug);
  });

  it("a store that cannot save never fails the page; the log says so", async () => {
    const broken: SharedStore = {
      ...createMemoryStore(),
      set: async () => {
        throw new StoreUnavailableError("redis down");
      },
      get: async () => {
        throw new StoreUnavailableError("redis down");
      },
    };
    const { read, afterResponse, logs } = setup(broken);
    expect((await read(alex, "list:all:1", pageSchema, live("2 orders"))).view).toEqual({
      headline: "2 orders",
    });
    await afterResponse();
    expect(logs).toEqual([
      { event: "last_known_good_not_saved", view: "list", error: "StoreUnavailableError" },
    ]);
    const down = new UpstreamUnavailableError("down");
    await expect(read(alex, "list:all:1", pageSchema, failing(down))).rejects.toBe(down);
  });

  it("takes back a save whose session ended before the save was checked; the log says so", async () => {
    const { read, afterResponse, logs } = setup();
    let signedOut = false;
    const leaving: ViewOwner = { userId: "usr_alex", stillSignedIn: async () => !signedOut };
    await read(leaving, "list:all:1", pageSchema, live("2 orders"));
    signedOut = true;
    await afterResponse();
    expect(logs).toEqual([{ event: "last_known_good_withdrawn", view: "list" }]);
    const down = new UpstreamUnavailableError("down");
    await expect(read(alex, "list:all:1", pageSchema, failing(down))).rejects.toBe(down);
  });

  it("takes back a save whose session could not be checked (fail closed)", async () => {
    const { read, afterResponse } = setup();
    const unknown: ViewOwner = {
      userId: "usr_alex",
      stillSignedIn: async () => {
        throw new Error("cannot tell");
      },
    };
    await read(unknown, "list:all:1", pageSchema, live("2 orders"));
    await afterResponse();
    const down = new UpstreamUnavailableError("down");
    await expect(read(alex, "list:all:1", pageSchema, failing(down))).rejects.toBe(down);
  });

  it("never answers the Spanish page with a view saved in English, nor the other way round", async () => {
    const { read, afterResponse, logs, served } = setup();
    await read(alex, checkoutViewName("chk_1", "en"), pageSchema, live("On its way"));
    await read(alex, listViewName("all", 1, "en"), pageSchema, live("2 orders"));
    await afterResponse();
    const down = new UpstreamUnavailableError("down");
    await expect(read(alex, checkoutViewName("chk_1", "es"), pageSchema, failing(down))).rejects.toBe(down);
    await expect(read(alex, listViewName("all", 1, "es"), pageSchema, failing(down))).rejects.toBe(down);
    // Its own language's saved view answers, and logs and metrics still name only the kind of view.
    await read(alex, checkoutViewName("chk_1", "es"), pageSchema, live("En camino"));
    await afterResponse();
    const answer = await read(alex, checkoutViewName("chk_1", "es"), pageSchema, failing(down));
    expect(answer.view).toEqual({ headline: "En camino" });
    expect(served).toEqual(["checkout"]);
    expect(logs.map((entry) => entry.view)).toEqual(["checkout"]);
  });

  it("saves a view read again unchanged once, and a changed one at once", async () => {
    const memory = createMemoryStore({ now: () => SAVED_AT });
    let writes = 0;
    const counting: SharedStore = {
      ...memory,
      set: (key, value, ttl) => {
        writes += 1;
        return memory.set(key, value, ttl);
      },
    };
    const { read, afterResponse } = setup(counting);
    for (const headline of ["2 orders", "2 orders", "2 orders", "3 orders"]) {
      await read(alex, "list:all:1", pageSchema, live(headline));
      await afterResponse();
    }
    expect(writes).toBe(2);
    const down = new UpstreamUnavailableError("down");
    expect((await read(alex, "list:all:1", pageSchema, failing(down))).view).toEqual({
      headline: "3 orders",
    });
  });
});
