"use client";

import { ErrorState } from "@/components/ui/ErrorState";
import { SupportContact } from "@/components/ui/SupportContact";
import { useSupportContacts } from "@/components/ui/SupportContext";
import styles from "./error.module.css";

/**
 * Upstream trouble while loading orders. Plain words and a way to try again; the error's message
 * and stack never reach the page (Next only passes a digest in production).
 */
export default function CheckoutsError({ retry }: { error: unknown; retry: () => void }) {
  const support = useSupportContacts();
  return (
    <ErrorState
      title="We can't show your orders right now"
      body={
        <>
          <p>
            Our order service isn&apos;t answering. Nothing is lost — please try again in a moment, or reload
            the page.
          </p>
          {support ? <SupportContact support={support} lead="Need help now?" /> : null}
        </>
      }
      retry={
        <button type="button" className={styles.retry} onClick={() => retry()}>
          Try again
        </button>
      }
    />
  );
}
