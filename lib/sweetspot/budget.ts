import { type SharedStore, StoreUnavailableError } from "@/lib/store/shared-store";
import type { Deadline } from "./deadline";
import { UpstreamHeldBackError } from "./errors";
import { abortableSleep, type Sleep } from "./sleep";

/**
 * The deployment's upstream budget: at most `callsPerSecond` calls to the Sweet Spot API per second,
 * counted in the shared store, so every instance sharing a Redis shares one budget (the organization's
 * key is one key, whatever the number of instances). Windows are whole seconds of the wall clock
 * (`floor(now / 1000)`), so every instance agrees on which window a call falls in.
 *
 * Pacing. A second's calls are spread evenly over its first SEND_WITHIN_MS rather than sent in a burst
 * at its start: the n-th call does not start before (n − 1)/budget of that span. The API counts calls
 * when they arrive, a little after the portal let them go; the second's last SEND_WITHIN_MS..1000 ms
 * are left for that trip, so a call let go in one second is not counted in the API's next one on top
 * of that second's own budget. A call that could not go by then (the store answered late, or the
 * process was too busy to wake) asks again for a place in a later second.
 *
 * Priorities. A customer's page view may use the whole budget, and waits for the next second while
 * its deadline allows. A live page's poll may use only `pollShare` of it, counted in a second key of
 * its own (so refused polls never eat into the page views' headroom), and never waits for a later
 * second (only, like every call, for its place within the second, or for the next second to begin
 * when it asks in the last 100 ms): over the budget it is told to ask again later. The health probe
 * does not come here (lib/sweetspot/probe.ts).
 *
 * A 429 is the API speaking for the whole key: `pause` stores until when nobody may call, and every
 * instance honours it before every attempt. Page views wait it out when it ends within their deadline.
 *
 * The store unavailable: each instance counts alone, in process, against its share of the budget,
 * budget ÷ the instances it last knew of (at least 1 call a second), so a Redis outage neither lets
 * N instances send N × budget nor stops every call. To know how many they are, each instance counts
 * itself in the store once per 10 s (`upstream:instances:<10 s window>`) and reads the previous
 * window's count: the higher of the two is how many called lately. That knowledge is kept through the
 * outage (nothing can refresh it then); an instance that never reached the store knows only itself.
 * When the store fails in the middle of a second this instance counted through it, it sends nothing
 * more in that second: the store may still be counting the other instances' calls, which it cannot
 * see, and its own last command may have been counted there too. It counts alone from the next second.
 */

export type CallPriority = "page" | "poll";

export type BudgetObserver = {
  /** A call was let through. */
  admitted?(priority: CallPriority): void;
  /** A page view waited for a slot (or for a pause to end); told once per wait. */
  deferred?(priority: CallPriority, reason: "budget" | "paused"): void;
  /** A call was refused without reaching the API. */
  refused?(priority: CallPriority, reason: "budget" | "paused"): void;
  /** A 429 paused every instance for `seconds`. */
  paused?(seconds: number): void;
};

export type UpstreamBudgetOptions = {
  store: SharedStore;
  /** Calls per second for the whole deployment; null switches the budget off (the 429 pause stays). */
  callsPerSecond: number | null;
  /** The part of the budget polls may use, in (0, 1]. */
  pollShare?: number;
  /** Wall-clock milliseconds: windows and pauses are shared between instances. */
  now?: () => number;
  sleep?: Sleep;
  observer?: BudgetObserver;
};

export type BudgetState = {
  /** Calls per second for the deployment, or null when the budget is off. */
  callsPerSecond: number | null;
  pollCallsPerSecond: number | null;
  /** Calls counted so far in the current second (across instances sharing the store). */
  usedThisSecond: number;
  /** Until when a 429 pauses every instance, or null. */
  pausedUntil: Date | null;
  /** How many instances called lately, as this one last saw in the store (1 until it has). */
  instances: number;
  /** The budget is on and the store is disconnected: this instance counts its calls alone. */
  countingAlone: boolean;
  /** The calls per second this instance keeps to when it cannot reach the store (null when off). */
  callsPerSecondAlone: number | null;
};

export type UpstreamBudget = {
  /**
   * Resolves when one call may go out now. Throws UpstreamHeldBackError when it may not: at once for
   * a poll, and for a page view when no slot comes (nor the pause ends) within its deadline.
   */
  admit(priority: CallPriority, deadline: Deadline, signal?: AbortSignal): Promise<void>;
  /** The API answered 429: no instance calls for `retryAfterSeconds` (DEFAULT_PAUSE_SECONDS without one). */
  pause(retryAfterSeconds: number | undefined): Promise<void>;
  state(): Promise<BudgetState>;
};

export const DEFAULT_POLL_SHARE = 0.5;
/** A 429 without a usable Retry-After pauses this long; a further 429 after it pauses again. */
export const DEFAULT_PAUSE_SECONDS = 5;
/** A Retry-After longer than this is read as this: pages keep answering from last known good meanwhile. */
export const MAX_PAUSE_SECONDS = 900;
/**
 * Calls go out in the first this-many ms of their second; the rest of it is their trip to the API.
 * 100 ms covers the sandbox bench's loopback trips on a host with every core busy (docs/performance.md).
 */
const SEND_WITHIN_MS = 900;
/** No attempt is started with less than this left before the deadline (as lib/sweetspot/http.ts). */
const MIN_CALL_MS = 250;

const PAUSE_KEY = "upstream:paused-until";
const windowKey = (second: number) => `upstream:budget:${second}`;
const pollWindowKey = (second: number) => `upstream:budget:poll:${second}`;
/** Two seconds: a window's key outlives its second, and an instance whose clock is a little behind still finds it. */
const WINDOW_TTL_SECONDS = 2;
/** Instances count themselves once per this many ms; the count lives for the next window to read. */
const INSTANCES_WINDOW_MS = 10_000;
const INSTANCES_TTL_SECONDS = 30;
const instancesKey = (window: number) => `upstream:instances:${window}`;

export function createUpstreamBudget(options: UpstreamBudgetOptions): UpstreamBudget {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const observer = options.observer ?? {};
  const limit = options.callsPerSecond;
  const pollShare = options.pollShare ?? DEFAULT_POLL_SHARE;
  const pollLimit = limit === null ? null : Math.floor(limit * pollShare);
  /** Per key, in the current second: whether the store counted this instance's calls, and its calls counted alone. */
  const thisSecond = { second: -1, keys: new Map<string, { throughStore: boolean; alone: number }>() };
  /** This instance's own knowledge of a pause: honoured even when the store cannot be read. */
  let localPausedUntil = 0;
  /** How many instances called lately, as last seen in the store (1 until then): sets the share. */
  let instances = 1;
  let countedInWindow: number | null = null;

  const tell = (report: () => void) => {
    try {
      report();
    } catch {
      // Reporting must never break a call.
    }
  };

  /** This instance's share of `whole` calls a second: at least one (none where the whole is none, as polls with a budget of 1). */
  const shareOf = (whole: number) => Math.max(Math.min(1, whole), Math.floor(whole / instances));

  /** Once per window: counts this instance in the store and learns how many called lately. */
  async function countInstances(): Promise<void> {
    const window = Math.floor(now() / INSTANCES_WINDOW_MS);
    if (countedInWindow === window) return;
    // Tried once per window even when the store fails: an outage must not cost every call a timeout.
    countedInWindow = window;
    try {
      // The first to count itself in a window sees 1: the previous window's total says who else there is.
      const counted = await options.store.increment(instancesKey(window), INSTANCES_TTL_SECONDS);
      const previous = Number(await options.store.get(instancesKey(window - 1))) || 0;
      instances = Math.max(1, counted, previous);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
    }
  }

  /**
   * Counts one call in `key`'s window: its place, and out of how many the window has. Shared across
   * instances out of `whole`; with the store unavailable, this instance's calls out of its share.
   */
  async function increment(
    key: string,
    second: number,
    whole: number,
  ): Promise<{ place: number; of: number }> {
    if (second > thisSecond.second) {
      thisSecond.second = second;
      thisSecond.keys.clear();
    }
    const counts = thisSecond.keys.get(key) ?? { throughStore: false, alone: 0 };
    thisSecond.keys.set(key, counts);
    try {
      const place = await options.store.increment(key, WINDOW_TTL_SECONDS);
      counts.throughStore = true;
      return { place, of: whole };
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      if (counts.throughStore) return { place: Number.POSITIVE_INFINITY, of: whole };
      counts.alone++;
      return { place: counts.alone, of: shareOf(whole) };
    }
  }

  async function pausedUntil(): Promise<number> {
    let shared = 0;
    try {
      shared = Number(await options.store.get(PAUSE_KEY)) || 0;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
    }
    return Math.max(shared, localPausedUntil);
  }

  /**
   * Takes a slot in the current second: the ms into the second at which the call may start (its
   * place's share of the sending span), or "budget".
   */
  async function takeSlot(priority: CallPriority, second: number): Promise<number | "budget"> {
    if (limit === null || pollLimit === null) return 0;
    await countInstances();
    if (priority === "poll") {
      const poll = await increment(pollWindowKey(second), second, pollLimit);
      if (poll.place > poll.of) return "budget";
    }
    const { place, of } = await increment(windowKey(second), second, limit);
    return place <= of ? Math.floor(((place - 1) * SEND_WITHIN_MS) / of) : "budget";
  }

  async function admit(priority: CallPriority, deadline: Deadline, signal?: AbortSignal): Promise<void> {
    let toldDeferred = false;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const until = await pausedUntil();
      const at = now();
      let reason: "budget" | "paused";
      let waitMs: number;
      if (until > at) {
        reason = "paused";
        waitMs = until - at;
      } else {
        const second = Math.floor(at / 1000);
        // A second's last 1000 − SEND_WITHIN_MS ms are for calls already on their way: a call asking
        // then waits for the next second and asks with everyone else (booking the next second's
        // places ahead would put these calls, polls included, before the page views asking in it).
        if (at - second * 1000 >= SEND_WITHIN_MS) {
          await sleep((second + 1) * 1000 - at, signal);
          continue;
        }
        const slot = await takeSlot(priority, second);
        if (slot !== "budget") {
          // Never more than a second's fraction of a wait, so polls take it too.
          const startAt = second * 1000 + slot;
          // A 429 may have paused everyone while this call waited for its place: ask again (the place is lost).
          if (startAt > now()) {
            await sleep(startAt - now(), signal);
            if ((await pausedUntil()) > now()) continue;
          }
          // A place is good in its own second's sending span only. When the store answered late, or this
          // process was too busy to wake in time, a call sent now would land in the API's next second on
          // top of that second's own budget (a blast on a loaded host sent a fifth of its calls so): ask again.
          if (now() < second * 1000 + SEND_WITHIN_MS) {
            tell(() => observer.admitted?.(priority));
            return;
          }
        }
        reason = "budget";
        waitMs = Math.max(0, (second + 1) * 1000 - now());
      }
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      // A poll never waits: the page stays as it is and asks again later.
      if (priority === "poll" || waitMs + MIN_CALL_MS > deadline.remainingMs()) {
        tell(() => observer.refused?.(priority, reason));
        throw new UpstreamHeldBackError(reason, retryAfterSeconds);
      }
      if (!toldDeferred) tell(() => observer.deferred?.(priority, reason));
      toldDeferred = true;
      await sleep(waitMs, signal);
    }
  }

  async function pause(retryAfterSeconds: number | undefined): Promise<void> {
    const seconds = Math.min(retryAfterSeconds ?? DEFAULT_PAUSE_SECONDS, MAX_PAUSE_SECONDS);
    // Retry-After: 0 still pauses the rest of this second: the API just said no.
    const until = now() + Math.max(seconds * 1000, 1000 - (now() % 1000));
    localPausedUntil = Math.max(localPausedUntil, until);
    tell(() => observer.paused?.(seconds));
    try {
      // Another instance may have stored a longer pause meanwhile: the later end wins.
      const stored = Number(await options.store.get(PAUSE_KEY)) || 0;
      if (stored >= until) return;
      await options.store.set(PAUSE_KEY, String(until), Math.ceil((until - now()) / 1000) + 1);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
    }
  }

  async function state(): Promise<BudgetState> {
    const until = await pausedUntil();
    let used = 0;
    if (limit !== null) {
      try {
        used = Number(await options.store.get(windowKey(Math.floor(now() / 1000)))) || 0;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
      }
    }
    return {
      callsPerSecond: limit,
      pollCallsPerSecond: pollLimit,
      usedThisSecond: limit === null ? used : Math.min(used, limit),
      pausedUntil: until > now() ? new Date(until) : null,
      instances,
      countingAlone: limit !== null && !options.store.isAvailable(),
      callsPerSecondAlone: limit === null ? null : shareOf(limit),
    };
  }

  return { admit, pause, state };
}
