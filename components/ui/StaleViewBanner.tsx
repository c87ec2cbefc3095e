import type { DateContext } from "@/lib/dates";
import { Callout } from "./Callout";
import { FormattedDate } from "./FormattedDate";
import styles from "./StaleViewBanner.module.css";

export type StaleViewBannerProps = {
  /** When the view on the page was saved (ISO 8601). */
  savedAt: string;
  dates: DateContext;
  /** The page refreshes itself and will drop the banner once the service answers. */
  updatesItself?: boolean;
};

/**
 * Above a page answered from last known good (the order service did not answer): says plainly that
 * what follows is not live, and as of when, in the customer's time zone.
 */
export function StaleViewBanner({ savedAt, dates, updatesItself = false }: StaleViewBannerProps) {
  return (
    <div className={styles.banner} data-testid="stale-view-banner">
      <Callout
        tone="warning"
        title={
          <>
            Live status is unavailable. This is how things stood at{" "}
            <FormattedDate value={savedAt} dates={dates} withTime />.
          </>
        }
      >
        <p>
          Our order service isn&apos;t answering right now, so this may be out of date.{" "}
          {updatesItself
            ? "This page will update itself as soon as it answers again."
            : "Reload the page in a moment to see the latest."}
        </p>
      </Callout>
    </div>
  );
}
