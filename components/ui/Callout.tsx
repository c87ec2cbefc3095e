import type { ReactNode } from "react";
import type { Tone } from "@/lib/checkout/types";
import styles from "./Callout.module.css";
import { ToneIcon } from "./ToneIcon";

type CalloutProps = {
  tone: Tone;
  title: ReactNode;
  children?: ReactNode;
  /** The title's element: "h3" inside a panel, "p" (default) where a heading would break the outline. */
  titleAs?: "h2" | "h3" | "p";
};

/** A boxed message that needs attention: a warning, a problem, a note. */
export function Callout({ tone, title, children, titleAs: Title = "p" }: CalloutProps) {
  return (
    <div className={`${styles.callout} ${styles[tone]}`}>
      <ToneIcon tone={tone} className={styles.icon} />
      <div className={styles.content}>
        <Title className={styles.title}>{title}</Title>
        {children ? <div className={styles.body}>{children}</div> : null}
      </div>
    </div>
  );
}
