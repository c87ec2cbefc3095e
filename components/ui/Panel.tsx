import type { ReactNode } from "react";
import styles from "./Panel.module.css";

type PanelProps = {
  /** The anchor next actions link to ("payments" for "#payments"); also names the heading. */
  id: string;
  title: ReactNode;
  children: ReactNode;
  /** "emphasis" for the one panel the customer must not miss (an unfinished checkout). */
  variant?: "default" | "emphasis";
};

/** One titled part of the detail page: a landmark section named by its h2. */
export function Panel({ id, title, children, variant = "default" }: PanelProps) {
  const headingId = `${id}-heading`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={variant === "emphasis" ? `${styles.panel} ${styles.emphasis}` : styles.panel}
    >
      <h2 id={headingId} className={styles.title}>
        {title}
      </h2>
      <div className={styles.body}>{children}</div>
    </section>
  );
}
