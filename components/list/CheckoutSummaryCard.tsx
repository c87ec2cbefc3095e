import Link from "next/link";
import type { HeadingTiebreak } from "@/lib/checkout/heading-names";
import type { CheckoutSummaryView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { checkoutPath } from "@/lib/urls/portal-urls";
import { ButtonLink } from "../ui/ButtonLink";
import { FormattedDate } from "../ui/FormattedDate";
import { isExternalHref, resolveAgainstDetail } from "../ui/link-targets";
import { StatusBadge } from "../ui/StatusBadge";
import { VisuallyHidden } from "../ui/VisuallyHidden";
import styles from "./CheckoutSummaryCard.module.css";

type CheckoutSummaryCardProps = {
  summary: CheckoutSummaryView;
  dates: DateContext;
  t: Translator;
  /** The words every card shares, formatted once per list (cardWords), not once per card. */
  words?: CardWords;
  /** What the heading adds, unseen, when another card on the page has the same title (headingTiebreaks). */
  tiebreak?: HeadingTiebreak;
};

export type CardWords = { holdEnds: string; opensInNewTab: string };

export function cardWords(t: Translator): CardWords {
  return { holdEnds: t("checkout.keyFact.holdEnds"), opensInNewTab: t("checkout.opensInNewTab") };
}

/**
 * One checkout in the list: its title links to the detail page, a line tells same-item orders apart
 * (date and reference; when titles repeat, the heading repeats what tells them apart for screen
 * readers), one status line in its tone, the hold's end when there is one, and the one next action
 * as a button.
 */
export function CheckoutSummaryCard({
  summary,
  dates,
  t,
  words = cardWords(t),
  tiebreak,
}: CheckoutSummaryCardProps) {
  const detailHref = checkoutPath(summary.id);
  const { nextAction, latestMilestone } = summary;
  // "View details" would only repeat the title link, so that action gets no button of its own.
  const actionHref = resolveAgainstDetail(nextAction.href, detailHref);
  return (
    <article className={styles.card}>
      <h3 className={styles.title}>
        {/* No prefetch: see isPortalPath. */}
        <Link href={detailHref} dir="auto" className={styles.titleLink} prefetch={false}>
          {summary.title}
          {tiebreak ? (
            <VisuallyHidden>
              {tiebreak.date ? (
                <>
                  , {summary.createdLabel} <FormattedDate value={summary.createdAt} dates={dates} />
                </>
              ) : null}
              {tiebreak.reference ? (
                <>, {t("checkout.title.reference", { reference: summary.reference })}</>
              ) : null}
            </VisuallyHidden>
          ) : null}
        </Link>
      </h3>
      <p className={`${styles.line} ${styles.muted}`} data-reference="">
        {summary.createdAt ? (
          <>
            {summary.createdLabel} <FormattedDate value={summary.createdAt} dates={dates} />
            {" · "}
          </>
        ) : null}
        {t("checkout.title.reference", { reference: summary.reference })}
      </p>
      <p className={styles.status}>
        <StatusBadge label={summary.status.label} tone={summary.status.tone} />
        {latestMilestone ? (
          <span className={styles.line}>
            <span dir="auto" className={styles.milestone}>
              {latestMilestone.label}
            </span>
            {latestMilestone.at ? (
              <>
                {" · "}
                <FormattedDate value={latestMilestone.at} dates={dates} withTime />
              </>
            ) : null}
          </span>
        ) : null}
      </p>
      {summary.holdExpiresAt ? (
        <p className={`${styles.line} ${styles.hold}`}>
          {words.holdEnds} <FormattedDate value={summary.holdExpiresAt} dates={dates} withTime />
        </p>
      ) : null}
      {nextAction.kind !== "viewDetails" ? (
        <p className={styles.action}>
          <ButtonLink
            href={actionHref}
            newTab={
              nextAction.kind !== "continueCheckout" && isExternalHref(actionHref)
                ? words.opensInNewTab
                : null
            }
            // Continuing a checkout leaves the portal in the same tab, without a referrer.
            rel={nextAction.kind === "continueCheckout" ? "noopener noreferrer" : undefined}
          >
            {nextAction.label}
          </ButtonLink>
        </p>
      ) : null}
    </article>
  );
}
