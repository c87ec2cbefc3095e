import { describe, expect, it } from "vitest";
import { LAST_KNOWN_GOOD_TTL_SECONDS } from "./last-known-good";
import { createMemoryStore } from "./memory-store";
import { createSavedViewMemo, SKIP_WINDOW_MS, savedViewMemoFor } from "./saved-view-memo";

const START = Date.UTC(2026, 0, 1, 12);
const VIEW = JSON.stringify({ headline: "2 checkouts", checkouts: [{ id: "chk_1" }] });

describe("saved-view memo", () => {
  it("vouches for the same view, customer and name within the window only", () => {
    const memo = createSavedViewMemo();
    const ticket = memo.ticket("usr_alex", "list:en:all:1", VIEW);
    expect(memo.savedRecently(ticket, START)).toBe(false);
    memo.recordSaved(ticket, START);
    expect(
      memo.savedRecently(memo.ticket("usr_alex", "list:en:all:1", VIEW), START + SKIP_WINDOW_MS - 1),
    ).toBe(true);
    expect(memo.savedRecently(ticket, START + SKIP_WINDOW_MS)).toBe(false);
    // A clock that went backwards trusts nothing.
    expect(memo.savedRecently(ticket, START - 1)).toBe(false);
  });

  it("does not vouch for another view, customer or name", () => {
    const memo = createSavedViewMemo();
    memo.recordSaved(memo.ticket("usr_alex", "list:en:all:1", VIEW), START);
    expect(memo.savedRecently(memo.ticket("usr_alex", "list:en:all:1", `${VIEW} `), START)).toBe(false);
    expect(memo.savedRecently(memo.ticket("usr_blair", "list:en:all:1", VIEW), START)).toBe(false);
    expect(memo.savedRecently(memo.ticket("usr_alex", "list:en:all:2", VIEW), START)).toBe(false);
    // Parts are delimited: moving characters between user id and name is another entry.
    expect(memo.savedRecently(memo.ticket("usr_alexl", "ist:en:all:1", VIEW), START)).toBe(false);
  });

  it("keeps digests only, under a key of its own", () => {
    const memo = createSavedViewMemo();
    const ticket = memo.ticket("usr_alex", "checkout:en:chk_1", VIEW);
    const text = JSON.stringify(ticket);
    for (const clear of ["usr_alex", "chk_1", "checkout", "2 checkouts"]) expect(text).not.toContain(clear);
    // Another memo (another process) digests the same inputs differently: nothing to compare against.
    expect(createSavedViewMemo().ticket("usr_alex", "checkout:en:chk_1", VIEW)).not.toEqual(ticket);
  });

  it("is bounded, least recently used out first", () => {
    const memo = createSavedViewMemo({ maxEntries: 3 });
    const tickets = [1, 2, 3, 4].map((page) => memo.ticket("usr_alex", `list:en:all:${page}`, VIEW));
    const [first, second, third, fourth] = tickets;
    if (!first || !second || !third || !fourth) throw new Error("expected four tickets");
    for (const ticket of [first, second, third]) memo.recordSaved(ticket, START);
    expect(memo.savedRecently(first, START)).toBe(true); // used: now the most recent
    memo.recordSaved(fourth, START);
    expect(memo.size).toBe(3);
    expect(memo.savedRecently(second, START)).toBe(false);
    for (const ticket of [first, third, fourth]) expect(memo.savedRecently(ticket, START)).toBe(true);

    const bounded = createSavedViewMemo();
    for (let user = 0; user < 5000; user++)
      bounded.recordSaved(bounded.ticket(`usr_${user}`, "list:en:all:1", VIEW), START);
    expect(bounded.size).toBe(4096);
  });

  it("forgets one customer (sign-out) and nobody else", () => {
    const memo = createSavedViewMemo();
    const alexList = memo.ticket("usr_alex", "list:en:all:1", VIEW);
    const alexCheckout = memo.ticket("usr_alex", "checkout:en:chk_1", VIEW);
    const blairList = memo.ticket("usr_blair", "list:en:all:1", VIEW);
    for (const ticket of [alexList, alexCheckout, blairList]) memo.recordSaved(ticket, START);
    memo.forgetCustomer("usr_alex");
    expect(memo.savedRecently(alexList, START)).toBe(false);
    expect(memo.savedRecently(alexCheckout, START)).toBe(false);
    expect(memo.savedRecently(blairList, START)).toBe(true);
  });

  it("re-saves well before a saved view could expire", () => {
    expect(SKIP_WINDOW_MS).toBeLessThanOrEqual((LAST_KNOWN_GOOD_TTL_SECONDS * 1000) / 2);
  });

  it("is one per store and secret in the process, so sign-out clears what the pages' saves use", () => {
    const store = createMemoryStore();
    const other = createMemoryStore();
    expect(savedViewMemoFor(store, "secret-a")).toBe(savedViewMemoFor(store, "secret-a"));
    expect(savedViewMemoFor(store, "secret-b")).not.toBe(savedViewMemoFor(store, "secret-a"));
    expect(savedViewMemoFor(other, "secret-a")).not.toBe(savedViewMemoFor(store, "secret-a"));
  });
});
