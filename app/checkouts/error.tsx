"use client";

import { ErrorState } from "@/components/ui/ErrorState";
import { SupportContact } from "@/components/ui/SupportContact";
import { useSupportContacts } from "@/components/ui/SupportContext";
import { useErrorBoundaryWords } from "./ErrorBoundaryWords";
import styles from "./error.module.css";

/**
 * Upstream trouble while loading orders. Plain words and a way to try again; the error's message
 * and stack never reach the page (Next only passes a digest in production). The words come
 * translated from the layout (see ErrorBoundaryWords.tsx for why not from messages here).
 */
export default function CheckoutsError({ retry }: { error: unknown; retry: () => void }) {
  const support = useSupportContacts();
  const words = useErrorBoundaryWords();
  return (
    <ErrorState
      title={words.title}
      body={
        <>
          <p>{words.body}</p>
          {support ? <SupportContact support={support} lead={words.help} words={words.support} /> : null}
        </>
      }
      retry={
        <button type="button" className={styles.retry} onClick={() => retry()}>
          {words.retry}
        </button>
      }
    />
  );
}
