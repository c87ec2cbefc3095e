"use client";

import { ErrorState } from "@/components/ui/ErrorState";
import styles from "./error.module.css";

/**
 * Upstream trouble while loading orders. Plain words and a way to try again; the error's message
 * and stack never reach the page (Next only passes a digest in production).
 */
export default function CheckoutsError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorState
      title="We can't show your orders right now"
      body="Our order service isn't answering. Nothing is lost — please try again in a moment, or reload the page."
      retry={
        <button type="button" className={styles.retry} onClick={() => retry()}>
          Try again
        </button>
      }
    />
  );
}
