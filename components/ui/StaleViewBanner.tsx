import type { DateContext } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { Callout } from "./Callout";
import { FormattedDate } from "./FormattedDate";
import styles from "./StaleViewBanner.module.css";

type StaleViewBannerProps = {
  /** When the view on the page was saved (ISO 8601). */
  savedAt: string;
  dates: DateContext;
  t: Translator;
  /** The page refreshes itself and will drop the banner once the service answers. */
  updatesItself?: boolean;
};

/**
 * Above a page answered from last known good (the order service did not answer): says plainly that
 * what follows is not live, and as of when, in the customer's time zone.
 */
export function StaleViewBanner({ savedAt, dates, t, updatesItself = false }: StaleViewBannerProps) {
  return (
    <div className={styles.banner} data-testid="stale-view-banner">
      <Callout
        tone="warning"
        title={t.rich("checkout.stale.title", {
          time: () => <FormattedDate value={savedAt} dates={dates} withTime />,
        })}
      >
        <p>
          {t("checkout.stale.body")}{" "}
          {updatesItself ? t("checkout.stale.updatesItself") : t("checkout.stale.reload")}
        </p>
      </Callout>
    </div>
  );
}
