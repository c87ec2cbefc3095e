import type { ReactNode } from "react";
import styles from "./Disclosure.module.css";

/** More that the reader opens on demand: a <details>, so it opens without JavaScript. */
export function Disclosure({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className={styles.disclosure}>
      <summary className={styles.summary}>{summary}</summary>
      {children}
    </details>
  );
}
