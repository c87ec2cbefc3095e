"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import useSWR, { type SWRConfiguration } from "swr";
import { POLL_SECONDS, pollDelayMs, STRETCHED_POLL_SECONDS } from "@/lib/checkout/poll-timing";
import type { DateContext } from "@/lib/dates";
import { formatDate } from "@/lib/dates";
import { checkoutFingerprintPath } from "@/lib/urls/portal-urls";
import styles from "./LiveCheckout.module.css";

type LiveCheckoutWords = { updating: string; failed: string };

class RefreshError extends Error {
  constructor(
    readonly status: number,
    /** The server's Retry-After, in ms. */
    readonly retryAfterMs: number | null,
  ) {
    super(`refresh failed with ${status}`);
  }
}

/**
 * The checkout's current fingerprint; `known` when the server answers "unchanged" (304, or 204 to a
 * poller that sent none). Every answer says when to ask next (`Retry-After`): `schedule` is told.
 */
async function fetchFingerprint(
  url: string,
  known: string | null,
  schedule: (delayMs: number) => void,
): Promise<string | null> {
  const response = await fetch(url, {
    cache: "no-store",
    headers: { Accept: "application/json", ...(known ? { "If-None-Match": `"${known}"` } : {}) },
  });
  const retryAfter = response.headers.get("retry-after");
  if (response.status === 304 || response.status === 204) {
    schedule(pollDelayMs(retryAfter));
    return known;
  }
  if (!response.ok) throw new RefreshError(response.status, retryAfter ? pollDelayMs(retryAfter) : null);
  const body: { fingerprint?: unknown } = await response.json();
  if (typeof body.fingerprint !== "string") throw new RefreshError(response.status, null);
  schedule(pollDelayMs(retryAfter));
  return body.fingerprint;
}

/**
 * After a failed refresh: wait what the server asked (Retry-After), else back off from 5 s up to the
 * stretched interval. Never while the tab is hidden (SWR's own retry would): the focus check on return
 * asks again. Signed out or gone (401, 404): retrying will not help.
 */
const retryAfterFailure: NonNullable<SWRConfiguration["onErrorRetry"]> = (
  failure,
  _key,
  _config,
  revalidate,
  { retryCount },
) => {
  if (failure instanceof RefreshError && [401, 404].includes(failure.status)) return;
  if (document.visibilityState === "hidden") return;
  const backOffMs = Math.min(5000 * 2 ** (retryCount - 1), STRETCHED_POLL_SECONDS * 1000);
  const waitMs =
    failure instanceof RefreshError && failure.retryAfterMs !== null ? failure.retryAfterMs : backOffMs;
  setTimeout(() => revalidate({ retryCount }), waitMs);
};

/**
 * Keeps a moving checkout current while the panels stay server components: SWR asks for the view's
 * fingerprint when the last answer said to (Retry-After: every 30 s, stretched to 2 min or more while
 * the portal's upstream budget is under pressure), and on focus and reconnect, but never before that
 * time; only when the fingerprint changed does the page re-render on the server (router.refresh()).
 * A hidden tab does not poll: SWR 2.5 skips interval polls while `document.visibilityState` is hidden
 * (refreshWhenHidden is off by default) and asks on return (revalidateOnFocus listens to
 * visibilitychange). A failed refresh keeps the page as it is and says so here. Rendered only for
 * live checkouts, so a finished checkout (or one that finishes while watched: the refresh renders it
 * without this) does not poll at all. Without JavaScript it shows nothing.
 */
export function LiveCheckout({
  checkoutId,
  fingerprint,
  stale,
  dates,
  words,
}: {
  checkoutId: string;
  /** The fingerprint of the view the server just rendered. */
  fingerprint: string;
  /** The server answered from last known good: the first good answer re-renders (and drops the banner). */
  stale: boolean;
  dates: DateContext;
  /**
   * Its words, already in the customer's language (a client component never loads the messages):
   * `failed` holds the literal placeholder `{time}` for the time it fills in.
   */
  words: LiveCheckoutWords;
}) {
  const router = useRouter();
  // What is on screen now; null while it is a saved view, so any good answer refreshes.
  const shown = useRef<string | null>(stale ? null : fingerprint);
  // When the page last had fresh data. Set in effects only, so the server and the first client render agree.
  const [freshAt, setFreshAt] = useState<string | null>(null);
  useEffect(() => {
    shown.current = stale ? null : fingerprint;
    setFreshAt(new Date().toISOString());
  }, [fingerprint, stale]);

  // When the server said to ask next; focus and reconnect checks before then are answered from here.
  const delayMs = useRef(POLL_SECONDS * 1000);
  const notBefore = useRef(0);
  const schedule = useCallback((nextDelayMs: number) => {
    delayMs.current = nextDelayMs;
    notBefore.current = Date.now() + nextDelayMs;
  }, []);
  const refreshInterval = useCallback(() => delayMs.current, []);
  useEffect(() => schedule(POLL_SECONDS * 1000), [schedule]);

  const { error } = useSWR<string | null, Error>(
    checkoutFingerprintPath(checkoutId),
    (url: string) =>
      // A second of slack: the interval's own timer may fire a hair early.
      Date.now() + 1000 < notBefore.current
        ? Promise.resolve(shown.current)
        : fetchFingerprint(url, shown.current, schedule),
    {
      revalidateOnMount: false,
      revalidateOnFocus: true,
      revalidateOnReconnect: true,
      refreshWhenHidden: false,
      refreshInterval,
      onErrorRetry: retryAfterFailure,
      onSuccess: (latest) => {
        setFreshAt(new Date().toISOString());
        if (latest === null || latest === shown.current) return;
        shown.current = latest;
        router.refresh();
      },
    },
  );

  // One status element that stays put: screen readers announce only the change of its text. It speaks
  // only once the refreshing runs (after hydration: without JavaScript the page does not update itself).
  const noteText =
    freshAt === null
      ? ""
      : error
        ? words.failed.replace("{time}", formatDate(freshAt, dates, true) ?? freshAt)
        : words.updating;
  return (
    <p className={styles.note}>
      {noteText ? (
        <span className={error ? `${styles.liveDot} ${styles.stale}` : styles.liveDot} aria-hidden="true" />
      ) : null}
      <span role="status">{noteText}</span>
    </p>
  );
}
