import { type HeadingTiebreak, headingTiebreaks } from "@/lib/checkout/heading-names";
import type { CheckoutSummaryView, ListGroup } from "@/lib/checkout/types";
import { type DateContext, formatDate } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { Disclosure } from "../ui/Disclosure";
import styles from "./CheckoutList.module.css";
import { type CardWords, CheckoutSummaryCard, cardWords } from "./CheckoutSummaryCard";

type CheckoutListProps = {
  summaries: readonly CheckoutSummaryView[];
  dates: DateContext;
  t: Translator;
};

/** Done orders shown before the rest fold away. */
const RECENT_DONE = 2;
const ORDER: readonly ListGroup[] = ["attention", "active", "done"];

/**
 * The list page's checkouts in groups: what needs the customer first, then what is on its way, then
 * what is done (older done orders folded in a <details>, which opens without JavaScript). Grouping
 * works within the page the API returned (paging is the API's, newest first). The page shows
 * EmptyState instead when there are none.
 */
export function CheckoutList({ summaries, dates, t }: CheckoutListProps) {
  const words = cardWords(t);
  const tiebreaks = headingTiebreaks(summaries, (createdAt) => formatDate(createdAt, dates));
  return (
    <div className={styles.groups}>
      {ORDER.map((group) => {
        const members = summaries.filter((summary) => summary.group === group);
        if (members.length === 0) return null;
        const shown = group === "done" ? members.slice(0, RECENT_DONE) : members;
        const folded = group === "done" ? members.slice(RECENT_DONE) : [];
        const headingId = `group-${group}`;
        return (
          <section key={group} aria-labelledby={headingId} className={styles.group}>
            <h2 id={headingId} className={`${styles.heading} ${styles[group]}`}>
              {t(`checkout.list.${group}`)} <span className={styles.count}>({members.length})</span>
            </h2>
            <Cards summaries={shown} dates={dates} t={t} words={words} tiebreaks={tiebreaks} />
            {folded.length > 0 ? (
              <Disclosure summary={t("checkout.list.olderDone", { count: folded.length })}>
                <Cards summaries={folded} dates={dates} t={t} words={words} tiebreaks={tiebreaks} />
              </Disclosure>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function Cards({
  summaries,
  dates,
  t,
  words,
  tiebreaks,
}: CheckoutListProps & { words: CardWords; tiebreaks: Map<string, HeadingTiebreak> }) {
  return (
    <ul className={styles.list}>
      {summaries.map((summary) => (
        <li key={summary.id} className={styles.item}>
          <CheckoutSummaryCard
            summary={summary}
            dates={dates}
            t={t}
            words={words}
            tiebreak={tiebreaks.get(summary.id)}
          />
        </li>
      ))}
    </ul>
  );
}
