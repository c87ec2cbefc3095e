import Link from "next/link";
import styles from "./FilterNav.module.css";

export type FilterLink = { id: string; label: string; href: string; current: boolean };

/** The list's filters as links (they work without JavaScript; no prefetch, see isPortalPath); wrap on narrow screens. */
export function FilterNav({ filters }: { filters: readonly FilterLink[] }) {
  return (
    <nav aria-label="Filter checkouts" className={styles.nav}>
      <ul className={styles.list}>
        {filters.map((filter) => (
          <li key={filter.id}>
            <Link
              href={filter.href}
              className={styles.link}
              aria-current={filter.current ? "page" : undefined}
              dir="auto"
              prefetch={false}
            >
              {filter.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
