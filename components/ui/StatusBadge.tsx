import type { Tone } from "@/lib/checkout/types";
import styles from "./StatusBadge.module.css";
import { ToneIcon } from "./ToneIcon";

export type StatusBadgeProps = { label: string; tone: Tone };

/** A status at a glance: words first, with a tone shown by colour and by the icon's shape. */
export function StatusBadge({ label, tone }: StatusBadgeProps) {
  return (
    <span className={`${styles.badge} ${styles[tone]}`}>
      <ToneIcon tone={tone} className={styles.icon} />
      <span dir="auto" className={styles.label}>
        {label}
      </span>
    </span>
  );
}
