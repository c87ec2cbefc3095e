import type { ReactNode } from "react";
import styles from "./PanelSection.module.css";

/** A part of a panel under its own h3 ("Deposit", "Fees"); without a title, just the spacing. */
export function PanelSection({ title, children }: { title?: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.section}>
      {title ? <h3 className={styles.heading}>{title}</h3> : null}
      {children}
    </div>
  );
}
