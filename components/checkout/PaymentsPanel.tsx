import type { DepositView, PaymentProblemView, PaymentsView } from "@/lib/checkout/types";
import { DEPOSIT_WORDS } from "@/lib/checkout/words";
import type { DateContext } from "@/lib/dates";
import { withStableKeys } from "../../lib/stable-keys";
import { Callout } from "../ui/Callout";
import { FactList } from "../ui/FactList";
import { dateOrNull } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";
import { PanelSection } from "../ui/PanelSection";
import styles from "./PaymentsPanel.module.css";
import { StatusSummary } from "./StatusSummary";

export type PaymentsPanelProps = { payments: PaymentsView; dates: DateContext };

/** Money matters: a payment problem first (it needs action), then the deposit, monthly payments and fees. */
export function PaymentsPanel({ payments, dates }: PaymentsPanelProps) {
  const { deposit, recurring, problem, fees } = payments;
  return (
    <Panel id="payments" title="Payments">
      {problem ? <PaymentProblem problem={problem} dates={dates} /> : null}
      {deposit ? (
        <PanelSection title="Deposit">
          <Deposit deposit={deposit} dates={dates} />
        </PanelSection>
      ) : null}
      {recurring ? (
        <PanelSection title="Monthly payments">
          <StatusSummary status={recurring} />
        </PanelSection>
      ) : null}
      {fees.length > 0 ? (
        <PanelSection title="Fees">
          <FactList
            facts={withStableKeys(fees, (fee) => fee.name).map(({ key, entry: fee }) => ({
              key,
              label: <span dir="auto">{fee.name}</span>,
              value: <span dir="auto">{fee.amount}</span>,
            }))}
          />
        </PanelSection>
      ) : null}
    </Panel>
  );
}

function PaymentProblem({ problem, dates }: { problem: PaymentProblemView; dates: DateContext }) {
  const failedAt = dateOrNull(problem.at, dates, { withTime: true });
  const attempts = problem.failureCount !== null && problem.failureCount > 0 ? problem.failureCount : null;
  return (
    <Callout tone="danger" titleAs="h3" title="A payment didn't go through">
      <p dir="auto">{problem.message}</p>
      {failedAt || attempts !== null ? (
        <p>
          {failedAt ? <>Last tried {failedAt}.</> : null}
          {failedAt && attempts !== null ? " " : null}
          {attempts !== null ? `Failed ${attempts === 1 ? "once" : `${attempts} times`}.` : null}
        </p>
      ) : null}
      <p dir="auto" className={styles.advice}>
        {problem.advice}
      </p>
    </Callout>
  );
}

function Deposit({ deposit, dates }: { deposit: DepositView; dates: DateContext }) {
  if (deposit.kind === "paid") {
    const paidAt = dateOrNull(deposit.paidAt, dates);
    return <p>{paidAt ? <>Paid on {paidAt}.</> : "Paid."}</p>;
  }
  const expiresAt = dateOrNull(deposit.expiresAt, dates, { withTime: true });
  // A hold about to end is the headline's news (its tone and key fact): here it is one plain fact.
  return (
    <>
      <p>{DEPOSIT_WORDS.held}</p>
      {expiresAt ? <p>The hold ends on {expiresAt}.</p> : null}
    </>
  );
}
