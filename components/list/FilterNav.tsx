import Link from "next/link";
import styles from "./FilterNav.module.css";

type FilterLink = { id: string; label: string; href: string; current: boolean };

/** The list's filters as links (they work without JavaScript; no prefetch, see isPortalPath); wrap on narrow screens. */
/** `label` names the navigation for assistive tech ("Filter checkouts"), in the customer's language. */
export function FilterNav({ filters, label }: { filters: readonly FilterLink[]; label: string }) {
  return (
    <nav aria-label={label} className={styles.nav}>
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
