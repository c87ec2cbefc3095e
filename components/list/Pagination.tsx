import Link from "next/link";
import styles from "./Pagination.module.css";

type PaginationProps = {
  /** Null on the first page. */
  previousHref: string | null;
  /** Null on the last page. */
  nextHref: string | null;
  /** Its words in the customer's language: the landmark's name, "Previous", "Next", "Page N". */
  words: { label: string; previous: string; next: string; page: string };
};

/** Previous / "Page N" / Next, as links (no prefetch: each page is an API read, see isPortalPath). Renders nothing when everything fits on one page. */
export function Pagination({ previousHref, nextHref, words }: PaginationProps) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label={words.label} className={styles.nav}>
      {/* Missing links leave their slot empty rather than showing a dead control. */}
      <span className={styles.previous}>
        {previousHref ? (
          <Link href={previousHref} rel="prev" className={styles.link} prefetch={false}>
            <span aria-hidden="true">←</span>
            {words.previous}
          </Link>
        ) : null}
      </span>
      <span className={styles.current}>{words.page}</span>
      <span className={styles.next}>
        {nextHref ? (
          <Link href={nextHref} rel="next" className={styles.link} prefetch={false}>
            {words.next}
            <span aria-hidden="true">→</span>
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
