import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckoutDetail } from "@/components/checkout/CheckoutDetail";
import { ErrorState } from "@/components/ui/ErrorState";
import { StaleViewBanner } from "@/components/ui/StaleViewBanner";
import { SupportContact } from "@/components/ui/SupportContact";
import { requireCustomer } from "@/lib/auth/customer-session";
import { checkoutFingerprint } from "@/lib/checkout/fingerprint";
import { loadCheckoutPage } from "@/lib/checkout/load";
import { type SupportContacts, supportContactsOf } from "@/lib/checkout/support";
import { supportContactWords } from "@/lib/checkout/words";
import { env } from "@/lib/env";
import type { Translator } from "@/lib/i18n/translator";
import { getDateContext } from "@/lib/request/date-context";
import { getLocale, getTranslator } from "@/lib/request/locale";
import { CheckoutNotFoundError, CheckoutUnreadableError } from "@/lib/sweetspot/errors";
import { checkoutListPath, checkoutPath } from "@/lib/urls/portal-urls";
import { LiveCheckout } from "./LiveCheckoutLoader";

// Generic on purpose: titles and previews of a deep link must not reveal the order.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("checkout.detail.metaTitle") };
}

type Props = { params: Promise<{ id: string }> };

/**
 * One checkout. The session check and the upstream read both finish before anything streams, so an
 * unknown (or someone else's) checkout is a real 404 and an outage a real 5xx (a loading.tsx or Suspense
 * boundary above this page would turn both into 200s).
 * Known limit: Next 16.4 cannot server-render not-found.tsx for notFound() thrown during a dynamic render
 * (React does not run error boundaries on the server, so Next answers 404 with an empty error shell and
 * the browser draws the not-found UI from the RSC payload): without JavaScript that 404 shows a blank page.
 */
export default async function CheckoutPage({ params }: Props) {
  const { id } = await params;
  const session = await requireCustomer({ checkoutId: id }, checkoutPath(id));
  // While the API fails, the customer's last known view answers (200, with a banner): see docs/shared-state.md.
  const locale = await getLocale();
  const t = await getTranslator();
  const read = await loadCheckoutPage(session, id, locale).catch((error: unknown) => {
    // The customer's own record came back unreadable: not an outage, and not "no such order" either.
    if (error instanceof CheckoutUnreadableError) return null;
    if (error instanceof CheckoutNotFoundError) notFound();
    throw error;
  });
  const support = supportContactsOf(env());
  if (read === null) return <OrderNotShown support={support} checkoutId={id} t={t} />;
  const { view, savedAt } = read;
  const dates = await getDateContext();

  // The panels stay server components; a live checkout gets a small poller that re-renders them
  // here (router.refresh) when the view's fingerprint changes.
  const refreshNote = view.live ? (
    <LiveCheckout
      checkoutId={view.id}
      fingerprint={await checkoutFingerprint(view)}
      stale={savedAt !== null}
      dates={dates}
      words={{
        updating: t("checkout.detail.liveUpdating"),
        failed: t("checkout.detail.liveFailed", { time: "{time}" }),
      }}
    />
  ) : undefined;

  return (
    <>
      {savedAt ? (
        <StaleViewBanner savedAt={savedAt.toISOString()} dates={dates} t={t} updatesItself={view.live} />
      ) : null}
      <CheckoutDetail view={view} dates={dates} support={support} t={t} refreshNote={refreshNote} />
    </>
  );
}

function OrderNotShown({
  support,
  checkoutId,
  t,
}: {
  support: SupportContacts;
  checkoutId: string;
  t: Translator;
}) {
  return (
    <ErrorState
      title={t("checkout.detail.notShownTitle")}
      body={
        <>
          <p>{t("checkout.detail.notShownBody")}</p>
          <SupportContact
            support={support}
            checkoutId={checkoutId}
            words={supportContactWords(t, checkoutId)}
          />
        </>
      }
      action={{ href: checkoutListPath(), label: t("checkout.detail.seeYourOrders") }}
    />
  );
}
