import type { StatusView } from "@/lib/checkout/types";
import { StatusBadge } from "../ui/StatusBadge";
import styles from "./StatusSummary.module.css";

/** A status badge with its one-sentence meaning beneath, as panels show it. */
export function StatusSummary({ status }: { status: StatusView }) {
  return (
    <div className={styles.summary}>
      <StatusBadge label={status.label} tone={status.tone} />
      {status.description ? (
        <p dir="auto" className={styles.description}>
          {status.description}
        </p>
      ) : null}
    </div>
  );
}
