"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import useSWR from "swr";
import type { DateContext } from "@/lib/dates";
import { formatDate } from "@/lib/dates";
import { checkoutFingerprintPath } from "@/lib/urls/portal-urls";
import styles from "./LiveCheckout.module.css";

const REFRESH_INTERVAL_MS = 30_000;

type LiveCheckoutWords = { updating: string; failed: string };

class RefreshError extends Error {
  constructor(readonly status: number) {
    super(`refresh failed with ${status}`);
  }
}

/** The checkout's current fingerprint; `known` when the server answers 304 (unchanged). */
async function fetchFingerprint(url: string, known: string | null): Promise<string> {
  const response = await fetch(url, {
    cache: "no-store",
    headers: { Accept: "application/json", ...(known ? { "If-None-Match": `"${known}"` } : {}) },
  });
  if (response.status === 304 && known) return known;
  if (!response.ok) throw new RefreshError(response.status);
  const body: { fingerprint?: unknown } = await response.json();
  if (typeof body.fingerprint !== "string") throw new RefreshError(response.status);
  return body.fingerprint;
}

/**
 * Keeps a moving checkout current while the panels stay server components: SWR asks for the view's
 * fingerprint every 30 s, on focus and on reconnect (never while the tab is hidden), and only when it
 * changed does the page re-render on the server (router.refresh()). A failed refresh keeps the page as
 * it is and says so here. Rendered only for live checkouts; without JavaScript it shows nothing.
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

  const { error } = useSWR<string, Error>(
    checkoutFingerprintPath(checkoutId),
    (url: string) => fetchFingerprint(url, shown.current),
    {
      revalidateOnMount: false,
      revalidateOnFocus: true,
      revalidateOnReconnect: true,
      refreshWhenHidden: false,
      refreshInterval: REFRESH_INTERVAL_MS,
      // Signed out or gone: retrying will not help.
      shouldRetryOnError: (failure) =>
        !(failure instanceof RefreshError && [401, 404].includes(failure.status)),
      onSuccess: (latest) => {
        setFreshAt(new Date().toISOString());
        if (latest === shown.current) return;
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
