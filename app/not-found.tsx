import { ErrorState } from "@/components/ui/ErrorState";
import { SupportContact } from "@/components/ui/SupportContact";
import { supportContactsOf } from "@/lib/checkout/support";
import { supportContactWords } from "@/lib/checkout/words";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/request/locale";
import { checkoutListPath, signInPath } from "@/lib/urls/portal-urls";

export default async function NotFound() {
  const t = await getTranslator();
  return (
    <ErrorState
      title={t("site.notFound.title")}
      body={
        <>
          <p>{t.rich("site.notFound.body", { signIn: (words) => <a href={signInPath()}>{words}</a> })}</p>
          <SupportContact
            support={supportContactsOf(env())}
            lead={t("site.notFound.help")}
            words={supportContactWords(t, null)}
          />
        </>
      }
      action={{ href: checkoutListPath(), label: t("site.notFound.seeOrders") }}
    />
  );
}
