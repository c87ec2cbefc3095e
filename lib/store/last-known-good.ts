import type { z } from "zod";
import { type SavedViewMemo, savedViewMemoFor } from "./saved-view-memo";
import { deriveSecretKey, keyedStoreName } from "./secret-derived-keys";
import { type SharedStore, StoreUnavailableError } from "./shared-store";

/**
 * Last known good: the view model a page last showed a customer, kept encrypted for 24 h so the page
 * can still answer (with a banner) while the API is down. Only view models go in (what the page
 * showed, never raw API data), under a name such as `list:<filter>:<page>` or `checkout:<id>`.
 *
 * AES-256-GCM (Web Crypto) with a key derived by HKDF from NEXTAUTH_SECRET (./secret-derived-keys.ts),
 * so everything needed to read an entry is the secret every instance already shares. Keys name the
 * customer by an HMAC of the user id (never the id itself), and each ciphertext is bound to its key (additional data), so an
 * entry copied under another customer's key does not decrypt. Anything that does not decrypt or no
 * longer matches the page's schema reads as null: the page shows its error, as without this module.
 *
 * Store outages never fail a page here: writes report false, reads report null.
 *
 * A view the same as the one this instance saved for the customer under that name in the last
 * 5 minutes is not written again (`saved-view-memo.ts` says why that is safe); forgetting a
 * customer clears that memory here first, so the next view after signing in again is written.
 */

export const LAST_KNOWN_GOOD_TTL_SECONDS = 24 * 60 * 60;

export type RememberedView<T> = { view: T; savedAt: Date };

/**
 * - `saved`: stored (or, without a write, this instance saved the same view moments ago);
 * - `unavailable`: the store could not be reached, nothing was stored;
 * - `withdrawn`: written, but the session it was made for had ended meanwhile, so it was deleted again;
 * - `not_withdrawn`: the same, but the store could not be reached to delete it (it expires in 24 h).
 */
export type SaveOutcome = "saved" | "unavailable" | "withdrawn" | "not_withdrawn";

export type LastKnownGood = {
  /**
   * Stores `view` (plain JSON values) for 24 h. After writing, asks `stillSignedIn` whether the
   * session the view was read for is still signed in, and deletes the view if not:
   * see `rememberView` below for why that order closes the race with sign-out.
   */
  rememberView(
    userId: string,
    name: string,
    view: unknown,
    stillSignedIn: () => Promise<boolean>,
  ): Promise<SaveOutcome>;
  /** The view last remembered under `name`, if it still matches `schema`; else null. */
  lastKnownView<T>(userId: string, name: string, schema: z.ZodType<T>): Promise<RememberedView<T> | null>;
  /** Deletes every view of this customer (sign-out, revocation); false when the store is unavailable. */
  forgetCustomer(userId: string): Promise<boolean>;
};

const VIEW_NAME_PATTERN = /^[A-Za-z0-9_.,:=|~%-]{1,200}$/;
const FORMAT = "v1";

export function createLastKnownGood(
  store: SharedStore,
  secret: string,
  options: { now?: () => number; memo?: SavedViewMemo } = {},
): LastKnownGood {
  const now = options.now ?? Date.now;
  const memo = options.memo ?? savedViewMemoFor(store, secret);
  let encryptionKey: Promise<CryptoKey> | null = null;
  const encryption = () => {
    encryptionKey ??= deriveSecretKey(secret, "lastKnownGoodEncryption", { name: "AES-GCM", length: 256 }, [
      "encrypt",
      "decrypt",
    ]);
    return encryptionKey;
  };
  const nameCustomer = keyedStoreName(secret, "lastKnownGoodKeyNames");

  const customerPrefix = async (userId: string) => `lkg:${await nameCustomer(userId)}:`;
  const entryKey = async (userId: string, name: string) => {
    assertViewName(name);
    return (await customerPrefix(userId)) + name;
  };

  return {
    async rememberView(userId, name, view, stillSignedIn) {
      assertViewName(name);
      // JSON once: digested for the memo and, when written, sealed as is (the same text as
      // stringifying { savedAt, view }; a view with no JSON at all is sealed as null).
      const viewJson = JSON.stringify(view) ?? "null";
      const ticket = memo.ticket(userId, name, viewJson);
      const savedAt = now();
      // No write, so nothing to withdraw: the copy was checked when it was written.
      if (memo.savedRecently(ticket, savedAt)) return "saved";
      const key = await entryKey(userId, name);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plaintext = utf8(`{"savedAt":${JSON.stringify(savedAt)},"view":${viewJson}}`);
      const ciphertext = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: utf8(key) },
        await encryption(),
        plaintext,
      );
      const value = [FORMAT, base64url(iv), base64url(ciphertext)].join(".");
      try {
        const saved = await outageAs(false, async () => {
          await store.set(key, value, LAST_KNOWN_GOOD_TTL_SECONDS);
          return true;
        });
        if (!saved) {
          memo.forget(ticket);
          return "unavailable";
        }
        // Recorded before the check below, so a sign-out after that check clears it (forgetCustomer).
        memo.recordSaved(ticket, savedAt);
        // Write, then check; sign-out revokes, then deletes (lib/auth/session-guard.ts). In one store,
        // either this check comes after the revocation and sees it (the view is deleted here), or it
        // comes before, so the write came before the revocation and thus before sign-out's delete,
        // which removes it. No order of the four steps leaves the view of a signed-out session stored.
        // A check that fails, even synchronously, counts as signed out: a save is worth less than
        // that promise.
        if (
          await Promise.resolve()
            .then(stillSignedIn)
            .catch(() => false)
        )
          return "saved";
        memo.forget(ticket);
        return await outageAs("not_withdrawn" as const, async () => {
          await store.delete(key);
          return "withdrawn" as const;
        });
      } catch (error) {
        memo.forget(ticket);
        throw error;
      }
    },

    async lastKnownView(userId, name, schema) {
      const key = await entryKey(userId, name);
      const stored = await outageAs(null, () => store.get(key));
      if (stored === null) return null;
      const plaintext = await decrypt(stored, key, await encryption());
      if (plaintext === null) return null;
      const entry = parseJson(plaintext);
      if (typeof entry !== "object" || entry === null || !("savedAt" in entry) || !("view" in entry))
        return null;
      if (typeof entry.savedAt !== "number") return null;
      const view = schema.safeParse(entry.view);
      return view.success ? { view: view.data, savedAt: new Date(entry.savedAt) } : null;
    },

    async forgetCustomer(userId) {
      // First, and whatever the store answers: no later save for them is skipped on this memory.
      memo.forgetCustomer(userId);
      const prefix = await customerPrefix(userId);
      return outageAs(false, async () => {
        await store.deleteByPrefix(prefix);
        return true;
      });
    },
  };
}

function assertViewName(name: string): void {
  if (!VIEW_NAME_PATTERN.test(name)) throw new RangeError(`not a view name: ${JSON.stringify(name)}`);
}

/** The plaintext, or null for anything malformed, tampered with, or sealed under another key. */
async function decrypt(stored: string, key: string, encryption: CryptoKey): Promise<string | null> {
  const [format, iv, ciphertext, ...rest] = stored.split(".");
  if (format !== FORMAT || !iv || !ciphertext || rest.length > 0) return null;
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: Buffer.from(iv, "base64url"), additionalData: utf8(key) },
      encryption,
      Buffer.from(ciphertext, "base64url"),
    );
    return new TextDecoder().decode(plaintext);
  } catch {
    return null;
  }
}

async function outageAs<T, F>(fallback: F, call: () => Promise<T>): Promise<T | F> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StoreUnavailableError) return fallback;
    throw error;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString("base64url");
}
