import type { NextAction } from "@/lib/checkout/types";
import { ButtonLink } from "../ui/ButtonLink";
import { isExternalHref } from "../ui/link-targets";
import styles from "./NextStepHint.module.css";

export type NextStepHintProps = {
  action: NextAction;
  /** Why it matters, in one sentence ("Your card was declined."), when the page says it further down. */
  reason?: string | null;
};

/** "What to do now" under the detail header: the one next action, as a link to its panel or page. */
export function NextStepHint({ action, reason }: NextStepHintProps) {
  return (
    <div className={styles.hint}>
      <div className={styles.text}>
        <p className={styles.lead}>What to do now</p>
        {reason ? (
          <p dir="auto" className={styles.reason}>
            {reason}
          </p>
        ) : null}
      </div>
      <ButtonLink href={action.href} variant="secondary" newTab={isExternalHref(action.href)}>
        {action.label}
      </ButtonLink>
    </div>
  );
}
