import type { ReactNode } from "react";
import type { CheckoutView, NextAction, PanelId } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import { FormattedDate } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";
import styles from "./CheckoutDetail.module.css";
import { ContinueCheckoutPanel } from "./ContinueCheckoutPanel";
import { LeaseInsurancePanel } from "./LeaseInsurancePanel";
import { NextStepHint } from "./NextStepHint";
import { OrderItemsPanel } from "./OrderItemsPanel";
import { PaymentsPanel } from "./PaymentsPanel";
import { ReturnPanel } from "./ReturnPanel";
import { ShippingPanel } from "./ShippingPanel";
import { StatusSummary } from "./StatusSummary";
import { Timeline } from "./Timeline";
import { WaitlistPanel } from "./WaitlistPanel";

export type CheckoutDetailProps = {
  view: CheckoutView;
  dates: DateContext;
  /** Shown under the header: "Updated just now", "Couldn't refresh — showing what we had at 14:02". */
  refreshNote?: ReactNode;
};

/**
 * The body of a checkout's page: the headline, the one next step, then the panels the situation
 * lists, in its order; parts the view model lacks are left out, not shown empty.
 */
export function CheckoutDetail({ view, dates, refreshNote }: CheckoutDetailProps) {
  const hint = hintFor(view.nextAction, view.continueCheckout !== null);
  const hintReason = hint ? reasonFor(hint, view) : null;
  return (
    <article className={styles.detail}>
      <header className={styles.header}>
        <h1 dir="auto" className={styles.title}>
          {view.title}
        </h1>
        <StatusSummary status={view.status} />
        {view.createdAt ? (
          <p className={styles.meta}>
            Ordered on <FormattedDate value={view.createdAt} dates={dates} />
          </p>
        ) : null}
      </header>
      {refreshNote ? <div className={styles.refreshNote}>{refreshNote}</div> : null}
      {hint ? <NextStepHint action={hint} reason={hintReason} /> : null}
      {/* The situation table decides which panels matter and in which order (lib/checkout/situation.ts). */}
      {view.panels.map((panel) => (
        <PanelFor key={panel} panel={panel} view={view} dates={dates} />
      ))}
    </article>
  );
}

function PanelFor({ panel, view, dates }: { panel: PanelId; view: CheckoutView; dates: DateContext }) {
  switch (panel) {
    case "continueCheckout":
      return view.continueCheckout ? (
        <ContinueCheckoutPanel
          continueCheckout={view.continueCheckout}
          holdExpiresAt={expiringHoldOf(view)}
          dates={dates}
        />
      ) : null;
    case "waitlist":
      return view.waitlist ? <WaitlistPanel waitlist={view.waitlist} /> : null;
    case "progress":
      return view.timeline.milestones.length > 0 ? (
        <Panel id="progress" title="Progress">
          <Timeline timeline={view.timeline} dates={dates} />
        </Panel>
      ) : null;
    case "shipping":
      return view.shipping ? <ShippingPanel shipping={view.shipping} dates={dates} /> : null;
    case "returns":
      return view.returns ? <ReturnPanel returns={view.returns} dates={dates} /> : null;
    case "payments":
      return view.payments ? <PaymentsPanel payments={view.payments} dates={dates} /> : null;
    case "lease":
      return <LeaseInsurancePanel lease={view.lease} insurance={view.insurance} dates={dates} />;
    case "items":
      return <OrderItemsPanel items={view.items} externalOrderId={view.externalOrderId} />;
  }
}

/**
 * Continue-checkout has its own panel, and "view details" would point at this very page:
 * neither is repeated as a hint.
 */
function hintFor(action: NextAction | null, hasContinuePanel: boolean): NextAction | null {
  if (!action || action.kind === "viewDetails") return null;
  if (action.kind === "continueCheckout" && hasContinuePanel) return null;
  return action;
}

/**
 * The problem behind the action, repeated beside it so a phone shows it on the first screen: the
 * payment error in words, or a delivery problem the carrier reported. Routine steps need no reason.
 */
function reasonFor(action: NextAction, view: CheckoutView): string | null {
  if (action.kind === "fixPayment") return view.payments?.problem?.message ?? null;
  // Tracking a package needs a reason only when the situation says something is wrong (a carrier exception).
  if (action.kind === "trackPackage" && view.needsAttention && view.shipping?.kind === "shipment") {
    return view.shipping.trackingStatus?.description ?? view.status.description;
  }
  return null;
}

/** The moment a deposit hold lapses, when that is within the warning window; else null. */
function expiringHoldOf(view: CheckoutView): string | null {
  const deposit = view.payments?.deposit;
  return deposit?.kind === "preauthorized" && deposit.expiresSoon ? deposit.expiresAt : null;
}
