"use client";

import useSWR from "swr";
import { CheckoutDetail } from "@/components/CheckoutDetail";
import type { DateContext } from "@/components/dates";
import { formatDate } from "@/components/dates";
import type { CheckoutView } from "@/lib/checkout/types";
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
export function LiveCheckout({ initialView, dates }: { initialView: CheckoutView; dates: DateContext }) {
  const { data, error } = useSWR<CheckoutView, Error>(
    `/api/checkouts/${encodeURIComponent(initialView.id)}`,
    fetchCheckoutView,
    {
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
    },
  );
  const view = data ?? initialView;

  // One status element that stays put: screen readers announce only the change of its text.
  const refreshNote = (
    <p className={styles.note}>
      <span className={styles.liveDot} aria-hidden="true" />
      <span role="status">
        {error
          ? `Couldn’t refresh — showing what we had${view.updatedAt ? ` as of ${formatDate(view.updatedAt, dates, true)}` : ""}.`
          : "This page updates itself."}
      </span>
    </p>
  );

  return <CheckoutDetail view={view} dates={dates} refreshNote={refreshNote} />;
}
