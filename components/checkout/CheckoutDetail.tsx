import type { ReactNode } from "react";
import type { SupportContacts } from "@/lib/checkout/support";
import type { CheckoutView, NextAction, PanelId } from "@/lib/checkout/types";
import { supportContactWords } from "@/lib/checkout/words";
import type { DateContext } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { ButtonLink } from "../ui/ButtonLink";
import { FormattedDate } from "../ui/FormattedDate";
import { isExternalHref } from "../ui/link-targets";
import { Panel } from "../ui/Panel";
import { StatusBadge } from "../ui/StatusBadge";
import { SupportContact } from "../ui/SupportContact";
import styles from "./CheckoutDetail.module.css";
import { ContinueCheckoutPanel } from "./ContinueCheckoutPanel";
import { LeaseInsurancePanel } from "./LeaseInsurancePanel";
import { OrderItemsPanel } from "./OrderItemsPanel";
import { PaymentsPanel } from "./PaymentsPanel";
import { ReturnPanel } from "./ReturnPanel";
import { ShippingPanel } from "./ShippingPanel";
import { Timeline } from "./Timeline";
import { WaitlistPanel } from "./WaitlistPanel";

type CheckoutDetailProps = {
  view: CheckoutView;
  dates: DateContext;
  support: SupportContacts;
  /** The customer's language (translatorFor): the view's own words are already in it. */
  t: Translator;
  /** Shown under the situation: "Updated just now", "Couldn't refresh — showing what we had at 14:02". */
  refreshNote?: ReactNode;
};

/**
 * The body of a checkout's page. First the situation, sized to fit a phone's first screen: what was
 * ordered, the headline in its tone, what it means, the key fact and the one action. Then the panels
 * the situation lists, in its order. From 1024 px the situation and the facts sit side by side.
 */
export function CheckoutDetail({ view, dates, support, t, refreshNote }: CheckoutDetailProps) {
  const action = actionOf(view);
  const supportWords = supportContactWords(t, view.id);
  // A problem, or a status we can't tell (or an order that ended), sends the customer to us: say how, there.
  const supportUpFront = view.status.tone === "danger" || view.status.tone === "neutral";
  return (
    <article className={styles.detail}>
      <header className={styles.header}>
        <h1 dir="auto" className={styles.title}>
          {view.title}
        </h1>
        <p className={styles.meta}>
          {view.createdAt ? (
            <>
              {view.createdLabel} <FormattedDate value={view.createdAt} dates={dates} />
              {" · "}
            </>
          ) : null}
          <span>{t("checkout.detail.reference", { reference: view.reference })}</span>
        </p>
        <p className={styles.headline}>
          <StatusBadge label={view.status.label} tone={view.status.tone} size="large" />
        </p>
        {view.status.description ? (
          <p dir="auto" className={styles.meaning} data-meaning="">
            {view.status.description}
          </p>
        ) : null}
        {view.keyFact ? (
          <p dir="auto" className={styles.keyFact} data-key-fact="">
            {view.keyFact.label}
            {view.keyFact.at ? (
              <>
                {" "}
                <FormattedDate value={view.keyFact.at} dates={dates} withTime={view.keyFact.withTime} />
              </>
            ) : null}
          </p>
        ) : null}
        {action ? (
          <p className={styles.action} data-action="">
            <ButtonLink
              href={action.href}
              newTab={
                action.kind !== "continueCheckout" && isExternalHref(action.href)
                  ? t("checkout.opensInNewTab")
                  : null
              }
              // Continuing a checkout leaves the portal in the same tab, without a referrer.
              rel={action.kind === "continueCheckout" ? "noopener noreferrer" : undefined}
            >
              {actionLabel(t, action, view)}
            </ButtonLink>
          </p>
        ) : null}
        {supportUpFront ? (
          <SupportContact
            support={support}
            checkoutId={view.id}
            lead={t("checkout.support.needHelp")}
            words={supportWords}
          />
        ) : null}
        {refreshNote ? <div className={styles.refreshNote}>{refreshNote}</div> : null}
      </header>
      <div className={styles.facts}>
        {/* The situation table decides which panels matter and in which order (lib/checkout/situation.ts). */}
        {view.panels.map((panel) => (
          <PanelFor
            key={panel}
            panel={panel}
            view={view}
            dates={dates}
            action={action}
            support={support}
            t={t}
          />
        ))}
        <footer className={styles.footer}>
          <SupportContact
            support={support}
            checkoutId={view.id}
            lead={t("checkout.support.questions")}
            words={supportWords}
          />
        </footer>
      </div>
    </article>
  );
}

type PanelForProps = {
  panel: PanelId;
  view: CheckoutView;
  dates: DateContext;
  action: NextAction | null;
  support: SupportContacts;
  t: Translator;
};

function PanelFor({ panel, view, dates, action, support, t }: PanelForProps) {
  switch (panel) {
    case "continueCheckout":
      // The button is the situation's action above; the panel stays only to say how to reach us instead.
      return view.continueCheckout && view.continueCheckout.kind === "contactSupport" ? (
        <ContinueCheckoutPanel
          continueCheckout={view.continueCheckout}
          support={support}
          checkoutId={view.id}
          t={t}
        />
      ) : null;
    case "waitlist":
      return view.waitlist ? (
        <WaitlistPanel waitlist={view.waitlist} headline={view.status.label} t={t} />
      ) : null;
    case "progress":
      return view.timeline.milestones.length > 0 ? (
        <Panel id="progress" title={t("checkout.panel.progress")}>
          <Timeline timeline={view.timeline} dates={dates} t={t} />
        </Panel>
      ) : null;
    case "shipping":
      return view.shipping ? (
        <ShippingPanel
          shipping={view.shipping}
          dates={dates}
          // One way to the carrier's page per page: the action above, when it is that.
          showTrackingLink={action?.kind !== "trackPackage"}
          reference={view.reference}
          headline={view.status.label}
          t={t}
        />
      ) : null;
    case "returns":
      return view.returns ? (
        <ReturnPanel returns={view.returns} dates={dates} headline={view.status.label} t={t} />
      ) : null;
    case "payments":
      return view.payments ? <PaymentsPanel payments={view.payments} dates={dates} t={t} /> : null;
    case "lease":
      return <LeaseInsurancePanel lease={view.lease} insurance={view.insurance} dates={dates} t={t} />;
    case "items":
      return <OrderItemsPanel items={view.items} externalOrderId={view.externalOrderId} t={t} />;
  }
}

/** The situation's one action; "view details" would point at this very page. */
function actionOf(view: CheckoutView): NextAction | null {
  const action = view.nextAction;
  if (!action || action.kind === "viewDetails") return null;
  return action;
}

/** "Track package on UPS": the carrier is part of the action's name when it is known. */
function actionLabel(t: Translator, action: NextAction, view: CheckoutView): string {
  if (action.kind === "trackPackage" && view.shipping?.kind === "shipment" && view.shipping.carrierName)
    return t("checkout.action.trackPackageOn", { carrier: view.shipping.carrierName });
  return action.label;
}
