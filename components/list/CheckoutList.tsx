import type { CheckoutSummaryView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import styles from "./CheckoutList.module.css";
import { CheckoutSummaryCard } from "./CheckoutSummaryCard";

export type CheckoutListProps = {
  summaries: readonly CheckoutSummaryView[];
  dates: DateContext;
  /** Passed to each card's title; see CheckoutSummaryCard. */
  headingLevel?: 2 | 3;
};

/** The list page's checkouts, one card each. The page shows EmptyState instead when there are none. */
export function CheckoutList({ summaries, dates, headingLevel }: CheckoutListProps) {
  return (
    <ul className={styles.list}>
      {summaries.map((summary) => (
        <li key={summary.id} className={styles.item}>
          <CheckoutSummaryCard summary={summary} dates={dates} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
