import type { DepositView, PaymentProblemView, PaymentsView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { withStableKeys } from "../../lib/stable-keys";
import { Callout } from "../ui/Callout";
import { FactList } from "../ui/FactList";
import { dateOrNull } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";
import { PanelSection } from "../ui/PanelSection";
import styles from "./PaymentsPanel.module.css";
import { StatusSummary } from "./StatusSummary";

type PaymentsPanelProps = { payments: PaymentsView; dates: DateContext; t: Translator };

/** Money matters: a payment problem first (it needs action), then the deposit, monthly payments and fees. */
export function PaymentsPanel({ payments, dates, t }: PaymentsPanelProps) {
  const { deposit, recurring, problem, fees } = payments;
  return (
    <Panel id="payments" title={t("checkout.panel.payments")}>
      {problem ? <PaymentProblem problem={problem} dates={dates} t={t} /> : null}
      {deposit ? (
        <PanelSection title={t("checkout.panel.deposit")}>
          <Deposit deposit={deposit} dates={dates} t={t} />
        </PanelSection>
      ) : null}
      {recurring ? (
        <PanelSection title={t("checkout.panel.monthlyPayments")}>
          <StatusSummary status={recurring} />
        </PanelSection>
      ) : null}
      {fees.length > 0 ? (
        <PanelSection title={t("checkout.panel.fees")}>
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

type WithWords = { dates: DateContext; t: Translator };

function PaymentProblem({ problem, dates, t }: { problem: PaymentProblemView } & WithWords) {
  const failedAt = dateOrNull(problem.at, dates, { withTime: true });
  const count = problem.failureCount !== null && problem.failureCount > 0 ? problem.failureCount : null;
  const date = () => failedAt;
  // One whole sentence per case: when it was last tried, how often it failed, or both.
  const attempts =
    failedAt && count !== null
      ? t.rich("checkout.payment.lastTriedFailedTimes", { date, count })
      : failedAt
        ? t.rich("checkout.payment.lastTried", { date })
        : count !== null
          ? t("checkout.payment.failedTimes", { count })
          : null;
  return (
    <Callout tone="danger" titleAs="h3" title={t("checkout.payment.problemTitle")}>
      <p dir="auto">{problem.message}</p>
      {attempts ? <p>{attempts}</p> : null}
      <p dir="auto" className={styles.advice}>
        {problem.advice}
      </p>
    </Callout>
  );
}

function Deposit({ deposit, dates, t }: { deposit: DepositView } & WithWords) {
  if (deposit.kind === "paid") {
    const paidAt = dateOrNull(deposit.paidAt, dates);
    return (
      <p>{paidAt ? t.rich("checkout.deposit.paidOn", { date: () => paidAt }) : t("checkout.deposit.paid")}</p>
    );
  }
  const expiresAt = dateOrNull(deposit.expiresAt, dates, { withTime: true });
  // A hold about to end is the headline's news (its tone and key fact): here it is one plain fact.
  return (
    <>
      <p>{t("checkout.deposit.held")}</p>
      {expiresAt ? <p>{t.rich("checkout.deposit.holdEndsOn", { date: () => expiresAt })}</p> : null}
    </>
  );
}
