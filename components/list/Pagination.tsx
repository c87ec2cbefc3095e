import Link from "next/link";
import styles from "./Pagination.module.css";

export type PaginationProps = {
  page: number;
  /** Null on the first page. */
  previousHref: string | null;
  /** Null on the last page. */
  nextHref: string | null;
};

/** Previous / "Page N" / Next, as links (no prefetch: each page is an API read, see isPortalPath). Renders nothing when everything fits on one page. */
export function Pagination({ page, previousHref, nextHref }: PaginationProps) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className={styles.nav}>
      {/* Missing links leave their slot empty rather than showing a dead control. */}
      <span className={styles.previous}>
        {previousHref ? (
          <Link href={previousHref} rel="prev" className={styles.link} prefetch={false}>
            <span aria-hidden="true">←</span>Previous
          </Link>
        ) : null}
      </span>
      <span className={styles.current}>Page {page}</span>
      <span className={styles.next}>
        {nextHref ? (
          <Link href={nextHref} rel="next" className={styles.link} prefetch={false}>
            Next<span aria-hidden="true">→</span>
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
