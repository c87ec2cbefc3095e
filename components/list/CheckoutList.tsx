import type { CheckoutSummaryView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import styles from "./CheckoutList.module.css";
import { CheckoutSummaryCard } from "./CheckoutSummaryCard";

export type CheckoutListProps = {
  summaries: readonly CheckoutSummaryView[];
  dates: DateContext;
};

/** The list page's checkouts, one card each. The page shows EmptyState instead when there are none. */
export function CheckoutList({ summaries, dates }: CheckoutListProps) {
  return (
    <ul className={styles.list}>
      {summaries.map((summary) => (
        <li key={summary.id} className={styles.item}>
          <CheckoutSummaryCard summary={summary} dates={dates} />
        </li>
      ))}
    </ul>
  );
}
