import type { ReactNode } from "react";
import styles from "./FactList.module.css";

type Fact = {
  label: ReactNode;
  /** Null or false leaves the row out, so callers can list every fact and let missing ones drop. */
  value: ReactNode;
  key: string;
};

/** Label–value pairs (a `<dl>`): stacked on phones, two columns when there is room. */
export function FactList({ facts }: { facts: readonly Fact[] }) {
  const shown = facts.filter(
    (fact) => fact.value !== null && fact.value !== undefined && fact.value !== false,
  );
  if (shown.length === 0) return null;
  return (
    <dl className={styles.list}>
      {shown.map((fact) => (
        <div key={fact.key} className={styles.row}>
          <dt className={styles.label}>{fact.label}</dt>
          <dd className={styles.value}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
