import type { z } from "zod";
import type { LastKnownGood } from "@/lib/store/last-known-good";
import { CheckoutNotFoundError, SweetspotError } from "@/lib/sweetspot/errors";

/**
 * A page read with last known good behind it: a view read live is remembered (after the answer, so
 * the customer never waits for the store), and when the API cannot be read the customer's own view
 * from last time is the answer instead, with when it was saved. "Not found" is an answer, not an
 * outage: it is never papered over with an old view. Nothing saved: the error goes on as before.
 */

export type RememberedRead<T> = {
  view: T;
  /** Null when read live; else when the view being shown was saved (the page says so). */
  savedAt: Date | null;
};

export type ReadThroughOptions = {
  views: LastKnownGood;
  /** Runs `task` once the response is out (Next's `after` in the portal). */
  schedule: (task: () => Promise<void>) => void;
  /** One line per event; never ids or view content. */
  log?: (entry: { event: string; view: string; error?: string }) => void;
  /** Told each time a saved view answers, with the view's kind ("list", "checkout"): for a metric. */
  onServed?: (viewKind: string) => void;
};

/**
 * Whose view it is: the customer, and a check (server-only, made after the answer) that the session
 * the page was read for may still be served, so a save that lands after sign-out is taken back.
 */
export type ViewOwner = { userId: string; stillSignedIn: () => Promise<boolean> };

export type ReadThrough = <T>(
  owner: ViewOwner,
  name: string,
  schema: z.ZodType<T>,
  read: () => Promise<T>,
) => Promise<RememberedRead<T>>;

/** Whether a failed read is the API failing (down, hung, breaker open, unusable answers). */
export function isUpstreamFailure(error: unknown): boolean {
  return error instanceof SweetspotError && !(error instanceof CheckoutNotFoundError);
}

const defaultLog: NonNullable<ReadThroughOptions["log"]> = (entry) => console.warn(JSON.stringify(entry));

export function createReadThrough({
  views,
  schedule,
  log = defaultLog,
  onServed,
}: ReadThroughOptions): ReadThrough {
  /** The kind of view ("list", "checkout"), the only part of its name fit for logs. */
  const kindOf = (name: string) => name.split(":")[0] ?? "view";

  return async (owner, name, schema, read) => {
    const { userId } = owner;
    let view: Awaited<ReturnType<typeof read>>;
    try {
      view = await read();
    } catch (error) {
      if (!isUpstreamFailure(error)) throw error;
      const saved = await views.lastKnownView(userId, name, schema).catch((lookupError: unknown) => {
        log({ event: "last_known_good_read_failed", view: kindOf(name), error: errorName(lookupError) });
        return null;
      });
      if (!saved) throw error;
      log({ event: "last_known_good_served", view: kindOf(name), error: errorName(error) });
      try {
        onServed?.(kindOf(name));
      } catch {
        // A metric must never break a page.
      }
      return { view: saved.view, savedAt: saved.savedAt };
    }
    schedule(async () => {
      try {
        // The store being unavailable never mattered to the page: the log says so.
        const outcome = await views.rememberView(userId, name, view, owner.stillSignedIn);
        if (outcome === "unavailable") {
          log({ event: "last_known_good_not_saved", view: kindOf(name), error: "StoreUnavailableError" });
        } else if (outcome !== "saved") {
          // Signed out while the save was under way.
          log({
            event: "last_known_good_withdrawn",
            view: kindOf(name),
            ...(outcome === "not_withdrawn" ? { error: "StoreUnavailableError" } : {}),
          });
        }
      } catch (error) {
        log({ event: "last_known_good_not_saved", view: kindOf(name), error: errorName(error) });
      }
    });
    return { view, savedAt: null };
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
