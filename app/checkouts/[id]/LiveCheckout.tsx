"use client";

import { useEffect, useState } from "react";
import useSWR from "swr";
import { CheckoutDetail } from "@/components/checkout/CheckoutDetail";
import { StaleViewBanner } from "@/components/ui/StaleViewBanner";
import type { SupportContacts } from "@/lib/checkout/support";
import type { CheckoutView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import { formatDate } from "@/lib/dates";
import { checkoutJsonPath } from "@/lib/urls/portal-urls";
import styles from "./LiveCheckout.module.css";

const REFRESH_INTERVAL_MS = 30_000;

class RefreshError extends Error {
  constructor(readonly status: number) {
    super(`refresh failed with ${status}`);
  }
}

async function fetchCheckoutView(url: string): Promise<CheckoutView> {
  const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  if (!response.ok) throw new RefreshError(response.status);
  return response.json();
}

/**
 * Keeps a moving checkout current: SWR refetches the sanitized view every 30 s, on focus and on
 * reconnect (never while the tab is hidden), backs off on errors and keeps the last good view on
 * screen. The server-rendered view is the starting point, so without JavaScript nothing is missing.
 */
export type LiveCheckoutProps = {
  initialView: CheckoutView;
  dates: DateContext;
  support: SupportContacts;
  /** Set when the server answered from last known good (the API was down): a banner until a refresh succeeds. */
  savedAt?: string | null;
};

export function LiveCheckout({ initialView, dates, support, savedAt = null }: LiveCheckoutProps) {
  // When the page last had fresh data: the server's render (or the saved view's time), then each good
  // refresh. Set in effects only, so the server and the first client render agree.
  const [freshAt, setFreshAt] = useState<string | null>(null);
  const [stale, setStale] = useState(savedAt !== null);
  useEffect(() => setFreshAt(savedAt ?? new Date().toISOString()), [savedAt]);
  const { data, error } = useSWR<CheckoutView, Error>(checkoutJsonPath(initialView.id), fetchCheckoutView, {
    fallbackData: initialView,
    revalidateOnMount: false,
    revalidateOnFocus: true,
    revalidateOnReconnect: true,
    refreshWhenHidden: false,
    // Once the checkout stops moving there is nothing left to watch.
    refreshInterval: (latest) => (latest?.live === false ? 0 : REFRESH_INTERVAL_MS),
    // Signed out or gone: retrying will not help.
    shouldRetryOnError: (failure) =>
      !(failure instanceof RefreshError && [401, 404].includes(failure.status)),
    keepPreviousData: true,
    onSuccess: () => {
      setFreshAt(new Date().toISOString());
      setStale(false);
    },
  });
  const view = data ?? initialView;

  // One status element that stays put: screen readers announce only the change of its text. It speaks
  // only once the refreshing runs (after hydration: without JavaScript the page does not update
  // itself), and falls silent when the checkout stops moving and the refreshing stops with it.
  const running = freshAt !== null;
  const noteText = !running
    ? ""
    : error
      ? `Couldn’t refresh — showing what we had as of ${formatDate(freshAt, dates, true)}.`
      : view.live
        ? "This page updates itself."
        : "";
  const refreshNote = (
    <p className={styles.note}>
      {noteText ? (
        <span className={error ? `${styles.liveDot} ${styles.stale}` : styles.liveDot} aria-hidden="true" />
      ) : null}
      <span role="status">{noteText}</span>
    </p>
  );

  return (
    <>
      {stale && savedAt ? <StaleViewBanner savedAt={savedAt} dates={dates} updatesItself /> : null}
      <CheckoutDetail view={view} dates={dates} support={support} refreshNote={refreshNote} />
    </>
  );
}
