import type { Tone } from "@/lib/checkout/types";
import styles from "./StatusBadge.module.css";
import { ToneIcon } from "./ToneIcon";

type StatusBadgeProps = { label: string; tone: Tone; size?: "normal" | "large" };

/** A status at a glance: words first, with a tone shown by colour and by the icon's shape. */
export function StatusBadge({ label, tone, size = "normal" }: StatusBadgeProps) {
  // data-tone: the tone in the page's own terms, for tests and reviewers (the class names are hashed).
  return (
    <span
      className={`${styles.badge} ${styles[tone]} ${size === "large" ? styles.large : ""}`}
      data-tone={tone}
    >
      <ToneIcon tone={tone} className={styles.icon} />
      <span dir="auto" className={styles.label}>
        {label}
      </span>
    </span>
  );
}
