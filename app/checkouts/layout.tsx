import type { ReactNode } from "react";
import { SupportProvider } from "@/components/ui/SupportContext";
import { supportContactsOf } from "@/lib/checkout/support";
import { supportContactWords } from "@/lib/checkout/words";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/request/locale";
import { ErrorBoundaryWordsProvider } from "./ErrorBoundaryWords";

/**
 * The orders' pages: their error boundary (a client component) needs the support contacts, which only
 * the server knows, and its words in the customer's language, which only the server translates.
 */
export default async function CheckoutsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslator();
  const words = {
    title: t("site.checkoutsError.title"),
    body: t("site.checkoutsError.body"),
    help: t("site.checkoutsError.help"),
    retry: t("site.checkoutsError.retry"),
    support: supportContactWords(t, null),
  };
  return (
    <SupportProvider support={supportContactsOf(env())}>
      <ErrorBoundaryWordsProvider words={words}>{children}</ErrorBoundaryWordsProvider>
    </SupportProvider>
  );
}
