import type { NextAction } from "@/lib/checkout/types";
import { ButtonLink } from "./ButtonLink";
import { isExternalHref } from "./link-targets";
import styles from "./NextStepHint.module.css";

/** "What to do now" under the detail header: the one next action, as a link to its panel or page. */
export function NextStepHint({ action }: { action: NextAction }) {
  return (
    <div className={styles.hint}>
      <p className={styles.lead}>What to do now</p>
      <ButtonLink href={action.href} variant="secondary" newTab={isExternalHref(action.href)}>
        {action.label}
      </ButtonLink>
    </div>
  );
}
