import { createHash, createHmac, randomBytes } from "node:crypto";
import type { SharedStore } from "./shared-store";

/**
 * What this instance saved recently as last known good, so that a page read live whose view is the
 * same as the one saved a moment ago skips the JSON-to-ciphertext-to-store round (about 0.3 ms of
 * CPU for the list, docs/performance.md "Round 2d"). Only an optimisation: see `SKIP_WINDOW_MS` for
 * why the stored copy can never expire or stay wrong for long because of a skip.
 *
 * Holds digests only: HMAC-SHA-256 under a random key made when the memo is, kept nowhere else, of
 * the customer, of the customer + view name, and of the view's JSON. Neither user ids, view names
 * nor views are kept, and the digests cannot be tested against guesses (known user ids, a view one
 * could rebuild) without that key. Bounded: least recently used out first.
 */

/**
 * How long a save is trusted. A save is skipped only when this instance itself wrote the same view
 * for the same customer and name less than this long ago; after that, the next read saves again.
 * - Expiry: saves are re-made at least every 5 minutes while the customer keeps reading, far inside
 *   the entry's 24 h TTL (a skip never shortens it: the copy written 5 minutes ago lives 24 h).
 * - Changes: a different view is a different digest, so it is always written at once.
 * - Other instances (Redis) may write or delete the stored copy without this one knowing: another
 *   instance saving a newer view that later reverts to this one, sign-out there (which deletes the
 *   customer's views), `npm run revoke -- --user`, store eviction or a Redis restart. Then, for at
 *   most this long, the store holds an older copy of the customer's own view or nothing at all:
 *   during an outage in that window the page shows that older view under its own "as of" time, or
 *   the error page — never another customer's data, never a time fresher than the copy.
 * - "As of": the banner's time is when the copy was written, so it may be up to this long before
 *   the last moment the page was confirmed unchanged. It still tells the truth (things stood so then).
 * Sign-out in this instance forgets the customer here at once (`forgetCustomer`), so the first read
 * after signing in again always saves. Keying by session id instead would cover other instances'
 * sign-outs exactly, but the read-through knows the customer, not the session; 5 minutes bound it.
 */
export const SKIP_WINDOW_MS = 5 * 60 * 1000;

/** Enough for every customer active within the window on one instance; each entry is ~200 bytes. */
export const SAVED_VIEW_MEMO_MAX_ENTRIES = 4096;

/** One prospective save, digested once: ask `savedRecently`, then `recordSaved` or `forget`. */
export type SaveTicket = { readonly customer: string; readonly entry: string; readonly content: string };

export type SavedViewMemo = {
  ticket(userId: string, name: string, viewJson: string): SaveTicket;
  /** True when this instance saved exactly this view, for this customer and name, within the window. */
  savedRecently(ticket: SaveTicket, nowMs: number): boolean;
  recordSaved(ticket: SaveTicket, nowMs: number): void;
  /** After a failed save: whatever the store holds now, do not vouch for it. */
  forget(ticket: SaveTicket): void;
  /** Sign-out / revocation in this instance: the next save of each of their views is made. */
  forgetCustomer(userId: string): void;
  readonly size: number;
};

type Remembered = { customer: string; content: string; savedAtMs: number };

export function createSavedViewMemo(options: { maxEntries?: number; windowMs?: number } = {}): SavedViewMemo {
  const maxEntries = options.maxEntries ?? SAVED_VIEW_MEMO_MAX_ENTRIES;
  const windowMs = options.windowMs ?? SKIP_WINDOW_MS;
  const key = randomBytes(32);
  const digest = (purpose: string, ...parts: string[]) => {
    const hmac = createHmac("sha256", key).update(purpose);
    // Lengths first, so ("ab", "c") and ("a", "bc") never digest alike.
    for (const part of parts) hmac.update(`\0${part.length}\0`).update(part);
    return hmac.digest("base64url");
  };
  const entries = new Map<string, Remembered>();

  return {
    ticket(userId, name, viewJson) {
      return {
        customer: digest("customer", userId),
        entry: digest("entry", userId, name),
        content: digest("content", viewJson),
      };
    },
    savedRecently(ticket, nowMs) {
      const known = entries.get(ticket.entry);
      if (!known || known.content !== ticket.content) return false;
      // A clock that went backwards trusts nothing.
      if (nowMs < known.savedAtMs || nowMs - known.savedAtMs >= windowMs) return false;
      // Least recently used goes first: a hit moves to the end.
      entries.delete(ticket.entry);
      entries.set(ticket.entry, known);
      return true;
    },
    recordSaved(ticket, nowMs) {
      entries.delete(ticket.entry);
      entries.set(ticket.entry, { customer: ticket.customer, content: ticket.content, savedAtMs: nowMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    forget(ticket) {
      entries.delete(ticket.entry);
    },
    forgetCustomer(userId) {
      const customer = digest("customer", userId);
      for (const [entry, known] of entries) if (known.customer === customer) entries.delete(entry);
    },
    get size() {
      return entries.size;
    },
  };
}

// On globalThis: Next bundles the store modules more than once (pages, routes, instrumentation),
// and sign-out (lib/auth/session-guard.ts) must clear the memo the pages' saves use.
const holder = globalThis as typeof globalThis & {
  __portalSavedViewMemos?: WeakMap<SharedStore, Map<string, SavedViewMemo>>;
};

/**
 * The memo of saves into `store` under `secret`: one per process for the portal's one store, so
 * every last-known-good module over that store (pages, sign-out) shares it. Per secret, as views
 * sealed under another secret are other entries (only a fingerprint of it is kept).
 */
export function savedViewMemoFor(store: SharedStore, secret: string): SavedViewMemo {
  holder.__portalSavedViewMemos ??= new WeakMap();
  let bySecret = holder.__portalSavedViewMemos.get(store);
  if (!bySecret) {
    bySecret = new Map();
    holder.__portalSavedViewMemos.set(store, bySecret);
  }
  const fingerprint = createHash("sha256").update(secret).digest("base64url");
  let memo = bySecret.get(fingerprint);
  if (!memo) {
    memo = createSavedViewMemo();
    bySecret.set(fingerprint, memo);
  }
  return memo;
}
