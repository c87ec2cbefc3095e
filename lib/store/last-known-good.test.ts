import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { createLastKnownGood, LAST_KNOWN_GOOD_TTL_SECONDS } from "./last-known-good";
import { SKIP_WINDOW_MS } from "./saved-view-memo";
import type { SharedStore } from "./shared-store";

const SECRET = "test-nextauth-secret-of-enough-length-0123456789";
/** A save made for a session that is still signed in. */
const signedIn = async () => true;
const listView = z.object({ headline: z.string(), checkouts: z.array(z.object({ id: z.string() })) });
const alexList = { headline: "2 checkouts", checkouts: [{ id: "chk_1" }, { id: "chk_2" }] };

describeWithEachStore("last known good", (current) => {
  const setup = () => {
    const harness = current();
    const writes: { key: string; value: string }[] = [];
    // Records what reaches the store, so tests can look at and tamper with raw entries.
    const recording: SharedStore = {
      ...harness.store,
      set: (key, value, ttl) => {
        writes.push({ key, value });
        return harness.store.set(key, value, ttl);
      },
    };
    const lkg = createLastKnownGood(recording, SECRET, { now: harness.now });
    return { ...harness, lkg, writes };
  };

  it("gives back the view it was given, with when it was saved", async () => {
    const { lkg, now } = setup();
    expect(await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn)).toBe("saved");
    expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).toEqual({
      view: alexList,
      savedAt: new Date(now()),
    });
    expect(await lkg.lastKnownView("usr_alex", "list:all:2", listView)).toBeNull();
  });

  it("stores ciphertext under a key that names neither the customer nor the content", async () => {
    const { lkg, writes } = setup();
    await lkg.rememberView("usr_alex", "checkout:chk_1", alexList, signedIn);
    const [written] = writes;
    expect(written?.key).toMatch(/^lkg:[0-9a-f]{40}:checkout:chk_1$/);
    expect(written?.key).not.toContain("usr_alex");
    expect(written?.value).not.toContain("2 checkouts");
  });

  it("never lets another customer read it, not even by copying the entry under their key", async () => {
    const { lkg, store, writes } = setup();
    await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
    expect(await lkg.lastKnownView("usr_blair", "list:all:1", listView)).toBeNull();

    await lkg.rememberView("usr_blair", "list:all:1", { headline: "none", checkouts: [] }, signedIn);
    const [alexEntry, blairEntry] = writes;
    if (!alexEntry || !blairEntry) throw new Error("expected two writes");
    await store.set(blairEntry.key, alexEntry.value, 60);
    expect(await lkg.lastKnownView("usr_blair", "list:all:1", listView)).toBeNull();
  });

  it("reads a tampered or foreign entry as null", async () => {
    const { lkg, store, writes, now } = setup();
    await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
    const entry = writes[0];
    if (!entry) throw new Error("expected a write");
    const last = entry.value.at(-2) === "A" ? "B" : "A";
    await store.set(entry.key, `${entry.value.slice(0, -2)}${last}${entry.value.at(-1)}`, 60);
    expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).toBeNull();
    await store.set(entry.key, "not an entry", 60);
    expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).toBeNull();

    await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
    const otherSecret = createLastKnownGood(store, `${SECRET}-rotated`, { now });
    expect(await otherSecret.lastKnownView("usr_alex", "list:all:1", listView)).toBeNull();
  });

  it("reads a view that no longer matches the page's schema as null", async () => {
    const { lkg } = setup();
    await lkg.rememberView("usr_alex", "list:all:1", { headline: 42 }, signedIn);
    expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).toBeNull();
  });

  it("keeps a view for 24 hours", async () => {
    const { lkg, advanceSeconds } = setup();
    await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
    await advanceSeconds(LAST_KNOWN_GOOD_TTL_SECONDS - 1);
    expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).not.toBeNull();
    await advanceSeconds(1);
    expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).toBeNull();
  });

  it("forgets every view of one customer, and only theirs", async () => {
    const { lkg } = setup();
    await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
    await lkg.rememberView("usr_alex", "checkout:chk_1", alexList, signedIn);
    await lkg.rememberView("usr_alex1", "list:all:1", alexList, signedIn);
    expect(await lkg.forgetCustomer("usr_alex")).toBe(true);
    expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).toBeNull();
    expect(await lkg.lastKnownView("usr_alex", "checkout:chk_1", listView)).toBeNull();
    expect(await lkg.lastKnownView("usr_alex1", "list:all:1", listView)).not.toBeNull();
  });

  it("never fails a page when the store is unavailable", async () => {
    const { lkg, breakStore } = setup();
    await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
    breakStore();
    const changed = { ...alexList, headline: "3 checkouts" };
    expect(await lkg.rememberView("usr_alex", "list:all:1", changed, signedIn)).toBe("unavailable");
    expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).toBeNull();
    expect(await lkg.forgetCustomer("usr_alex")).toBe(false);
  });

  it("refuses view names that could run into other keys", async () => {
    const { lkg } = setup();
    await expect(lkg.rememberView("usr_alex", "list all", alexList, signedIn)).rejects.toThrow(RangeError);
    await expect(lkg.rememberView("usr_alex", "", alexList, signedIn)).rejects.toThrow(RangeError);
  });

  describe("not writing the same view again (saved-view memo)", () => {
    const windowSeconds = SKIP_WINDOW_MS / 1000;

    it("writes the same view twice in a row once, and still answers it", async () => {
      const { lkg, writes } = setup();
      expect(await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn)).toBe("saved");
      expect(await lkg.rememberView("usr_alex", "list:all:1", structuredClone(alexList), signedIn)).toBe(
        "saved",
      );
      expect(writes).toHaveLength(1);
      expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).not.toBeNull();
    });

    it("writes a changed view at once", async () => {
      const { lkg, writes } = setup();
      await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      const changed = { headline: "1 checkout", checkouts: [{ id: "chk_1" }] };
      await lkg.rememberView("usr_alex", "list:all:1", changed, signedIn);
      expect(writes).toHaveLength(2);
      expect((await lkg.lastKnownView("usr_alex", "list:all:1", listView))?.view).toEqual(changed);
    });

    it("writes the same view again once the last write is 5 minutes old, so it never expires while read", async () => {
      const { lkg, writes, advanceSeconds, now } = setup();
      await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      await advanceSeconds(windowSeconds - 1);
      await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      expect(writes).toHaveLength(1);
      await advanceSeconds(1);
      await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      expect(writes).toHaveLength(2);
      // The stored copy (and the banner's "as of") is the fresh write's.
      expect((await lkg.lastKnownView("usr_alex", "list:all:1", listView))?.savedAt).toEqual(new Date(now()));
      // Read every few minutes for longer than the TTL: the copy is still there.
      for (let minutes = 0; minutes < 26 * 60; minutes += 4) {
        await advanceSeconds(4 * 60);
        await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      }
      expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).not.toBeNull();
    });

    it("writes for another customer or another view name", async () => {
      const { lkg, writes } = setup();
      await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      await lkg.rememberView("usr_blair", "list:all:1", alexList, signedIn);
      await lkg.rememberView("usr_alex", "list:all:2", alexList, signedIn);
      await lkg.rememberView("usr_alex", "list:es:all:1", alexList, signedIn);
      expect(writes.map((write) => write.key)).toHaveLength(4);
      expect(new Set(writes.map((write) => write.key)).size).toBe(4);
      expect(await lkg.lastKnownView("usr_blair", "list:all:1", listView)).not.toBeNull();
    });

    it("writes the first view after sign-out in this instance, even when it is the same", async () => {
      const { lkg, writes } = setup();
      await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      await lkg.rememberView("usr_blair", "list:all:1", alexList, signedIn);
      expect(await lkg.forgetCustomer("usr_alex")).toBe(true);
      await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      await lkg.rememberView("usr_blair", "list:all:1", alexList, signedIn);
      expect(writes).toHaveLength(3);
      expect(await lkg.lastKnownView("usr_alex", "list:all:1", listView)).not.toBeNull();
    });

    it("shares what was saved with sign-out's own module over the same store (one memo per process)", async () => {
      const { store, writes, now } = setup();
      const recording: SharedStore = {
        ...store,
        set: (key, value, ttl) => {
          writes.push({ key, value });
          return store.set(key, value, ttl);
        },
      };
      const pages = createLastKnownGood(recording, SECRET, { now });
      const signOut = createLastKnownGood(recording, SECRET, { now });
      await pages.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      await pages.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      expect(writes).toHaveLength(1);
      await signOut.forgetCustomer("usr_alex");
      await pages.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      expect(writes).toHaveLength(2);
      expect(await pages.lastKnownView("usr_alex", "list:all:1", listView)).not.toBeNull();
    });

    it("does not vouch for a write that failed: the next one is made", async () => {
      const { lkg, writes, breakStore, restore } = setup();
      await lkg.rememberView("usr_alex", "list:all:1", alexList, signedIn);
      breakStore();
      const changed = { headline: "1 checkout", checkouts: [] };
      expect(await lkg.rememberView("usr_alex", "list:all:1", changed, signedIn)).toBe("unavailable");
      restore();
      expect(await lkg.rememberView("usr_alex", "list:all:1", changed, signedIn)).toBe("saved");
      expect((await lkg.lastKnownView("usr_alex", "list:all:1", listView))?.view).toEqual(changed);
      expect(writes.length).toBeGreaterThanOrEqual(2);
    });
  });
});
