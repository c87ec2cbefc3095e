import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryStore } from "./memory-store";
import { checkSecretMarker, keepSecretMarker, SECRET_MARKER_KEY, writeSecretMarker } from "./secret-marker";
import { type SharedStore, StoreUnavailableError } from "./shared-store";

const SECRET = "secret-marker-test-secret-0123456789abcd";

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

  it("is written as the portal starts, tried again a minute after a failed write, and kept fresh daily", async () => {
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
    /**
     * Until the write numbered `attempt` is done and the next one is scheduled. Web Crypto works on
     * Node's thread pool, truly async, and slower on a busy machine: wait up to 5 s of real time
     * (only the timers are fake), not a number of turns.
     */
    const written = async (attempt: number) => {
      const giveUpAt = Date.now() + 5_000;
      while (!(attempts === attempt && vi.getTimerCount() === 1) && Date.now() < giveUpAt) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect([attempts, vi.getTimerCount()]).toEqual([attempt, 1]);
    };
    const logged: string[] = [];
    const stop = keepSecretMarker(flaky, SECRET, (line) => logged.push(line));
    await written(1);
    expect(await checkSecretMarker(store, SECRET)).toBe("absent");

    reachable = true;
    vi.advanceTimersByTime(59_999);
    expect(attempts).toBe(1);
    vi.advanceTimersByTime(1);
    await written(2);
    expect(await checkSecretMarker(store, SECRET)).toBe("matches");

    // Redis restarted empty: written again within the day.
    await store.delete(SECRET_MARKER_KEY);
    vi.advanceTimersByTime(24 * 60 * 60 * 1000 - 1);
    expect(attempts).toBe(2);
    vi.advanceTimersByTime(1);
    await written(3);
    expect(await checkSecretMarker(store, SECRET)).toBe("matches");
    expect(logged).toEqual([]); // outages are the store's to log
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
