import type { MilestoneState, TimelineView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { withStableKeys } from "../../lib/stable-keys";
import { Disclosure } from "../ui/Disclosure";
import { FormattedDate } from "../ui/FormattedDate";
import { VisuallyHidden } from "../ui/VisuallyHidden";
import styles from "./Timeline.module.css";

type TimelineProps = { timeline: TimelineView; dates: DateContext; t: Translator };

// Spoken after each label, so the state is heard as well as seen (the marker shapes are decorative).
const SPOKEN_STATE = {
  done: "checkout.timeline.spokenDone",
  current: "checkout.timeline.spokenCurrent",
  upcoming: "checkout.timeline.spokenUpcoming",
} as const satisfies Record<MilestoneState, string>;

/**
 * Collapsed: what comes next (the headline already says where the order stands), then every step
 * behind "Show all steps" (a <details>: it opens without JavaScript): done (with when), the current
 * one, then what is still to come.
 */
export function Timeline({ timeline, dates, t }: TimelineProps) {
  const steps = timeline.milestones;
  if (steps.length === 0) return null;
  if (steps.length === 1) return <Steps timeline={timeline} dates={dates} t={t} />;
  // Nothing next (cancelled, returned, lease running): the headline says it all; the history stays folded.
  const next = steps.find((step) => step.state === "upcoming");
  return (
    <div className={styles.collapsed}>
      {next ? (
        <p>
          <span className={styles.nowLabel}>{t("checkout.timeline.next")} </span>
          <span dir="auto">{next.label}</span>
        </p>
      ) : null}
      <Disclosure summary={t("checkout.timeline.showAll", { count: steps.length })}>
        <Steps timeline={timeline} dates={dates} t={t} />
      </Disclosure>
    </div>
  );
}

function Steps({ timeline, dates, t }: TimelineProps) {
  // Each state's spoken words once per list, not once per step.
  const spoken: Record<MilestoneState, string> = {
    done: ` ${t(SPOKEN_STATE.done)}`,
    current: ` ${t(SPOKEN_STATE.current)}`,
    upcoming: ` ${t(SPOKEN_STATE.upcoming)}`,
  };
  return (
    <ol className={styles.timeline}>
      {withStableKeys(timeline.milestones, (milestone) => milestone.key).map(({ key, entry: milestone }) => (
        <li
          key={key}
          className={`${styles.step} ${styles[milestone.state]}`}
          aria-current={milestone.state === "current" ? "step" : undefined}
        >
          <span className={styles.marker} aria-hidden="true">
            {milestone.state === "done" ? <CheckMark /> : null}
          </span>
          <span className={styles.text}>
            <span dir="auto" className={styles.label}>
              {milestone.label}
            </span>
            <VisuallyHidden>{spoken[milestone.state]}</VisuallyHidden>
            {milestone.at ? (
              <span className={styles.when}>
                <FormattedDate value={milestone.at} dates={dates} withTime />
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

function CheckMark() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M3.5 8.5 6.5 11.5 12.5 4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.25"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
