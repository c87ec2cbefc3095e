import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryStore } from "./memory-store";
import {
  checkSecretMarker,
  keepSecretMarker,
  SECRET_MARKER_KEY,
  SECRET_MARKER_REFRESH_MS,
  SECRET_MARKER_RETRY_MS,
  writeSecretMarker,
} from "./secret-marker";
import { type SharedStore, StoreUnavailableError } from "./shared-store";

const SECRET = "secret-marker-test-secret-0123456789abcd";
const HOUR_MS = 60 * 60 * 1000;

/**
 * Starts keepSecretMarker and hands the test each attempt's outcome as it happens: `attempt()`
 * resolves when the next write has finished and the one after it is scheduled. No polling, no real
 * time (Web Crypto runs on Node's thread pool, so a number of turns would not do either).
 */
function keepWithHook(store: SharedStore, secret: string) {
  const outcomes: Array<"written" | "failed"> = [];
  const waiting: Array<(outcome: "written" | "failed") => void> = [];
  const warnings: string[] = [];
  const stop = keepSecretMarker(store, secret, {
    warn: (line) => warnings.push(line),
    onAttempt: (outcome) => {
      const resolve = waiting.shift();
      if (resolve) resolve(outcome);
      else outcomes.push(outcome);
    },
  });
  const attempt = () =>
    new Promise<"written" | "failed">((resolve) => {
      const done = outcomes.shift();
      if (done) resolve(done);
      else waiting.push(resolve);
    });
  return { stop, attempt, warnings };
}

describe("the secret marker", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("tells the same secret from another, and says when no portal left one", async () => {
    const store = createMemoryStore();
    expect(await checkSecretMarker(store, SECRET)).toBe("absent");
    await writeSecretMarker(store, SECRET);
    expect(await checkSecretMarker(store, SECRET)).toBe("matches");
    expect(await checkSecretMarker(store, `${SECRET}-rotated`)).toBe("differs");
    // A fingerprint, never the secret or part of it.
    const stored = (await store.get(SECRET_MARKER_KEY)) ?? "";
    expect(stored).toMatch(/^[0-9a-f]{32}$/);
    expect(stored).not.toContain(SECRET.slice(0, 8));
  });

  it("is written as the portal starts, tried again a minute after a failed write, and kept fresh hourly", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const store = createMemoryStore();
    let reachable = false;
    let attempts = 0;
    const flaky: SharedStore = {
      ...store,
      set: async (key, value, ttl) => {
        attempts++;
        if (!reachable) throw new StoreUnavailableError("not yet");
        await store.set(key, value, ttl);
      },
    };
    const { stop, attempt, warnings } = keepWithHook(flaky, SECRET);
    expect(await attempt()).toBe("failed");
    expect(await checkSecretMarker(store, SECRET)).toBe("absent");

    reachable = true;
    expect(SECRET_MARKER_RETRY_MS).toBe(60_000);
    vi.advanceTimersByTime(59_999);
    expect(attempts).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await attempt()).toBe("written");
    expect(await checkSecretMarker(store, SECRET)).toBe("matches");

    // Redis restarted empty, or another secret's process overwrote it: written again within the hour.
    expect(SECRET_MARKER_REFRESH_MS).toBe(HOUR_MS);
    await store.delete(SECRET_MARKER_KEY);
    vi.advanceTimersByTime(HOUR_MS - 1);
    expect(attempts).toBe(2);
    vi.advanceTimersByTime(1);
    expect(await attempt()).toBe("written");
    expect(attempts).toBe(3);
    expect(await checkSecretMarker(store, SECRET)).toBe("matches");
    expect(warnings).toEqual([]); // outages are the store's to log; its own marker is no news
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("warns, as a JSON event without secrets, when another secret's marker is in its store, and takes it back", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const store = createMemoryStore();
    const other = `${SECRET}-staging`;
    await writeSecretMarker(store, other);
    const { stop, attempt, warnings } = keepWithHook(store, SECRET);
    expect(await attempt()).toBe("written");
    expect(await checkSecretMarker(store, SECRET)).toBe("matches");
    expect(warnings).toHaveLength(1);
    const event = JSON.parse(warnings[0] ?? "{}") as Record<string, unknown>;
    expect(event).toMatchObject({ event: "store_secret_marker_foreign", store: store.description });
    expect(warnings[0]).not.toContain(SECRET.slice(0, 12));
    expect(warnings[0]).not.toContain((await store.get(SECRET_MARKER_KEY)) ?? "none");

    // Its own marker an hour later: quiet. The other process again: warned again.
    vi.advanceTimersByTime(HOUR_MS);
    expect(await attempt()).toBe("written");
    expect(warnings).toHaveLength(1);
    await writeSecretMarker(store, other);
    vi.advanceTimersByTime(HOUR_MS);
    expect(await attempt()).toBe("written");
    expect(warnings).toHaveLength(2);
    stop();
  });
});
