import type { ReactNode } from "react";
import { SupportProvider } from "@/components/ui/SupportContext";
import { supportContactsOf } from "@/lib/checkout/support";
import { env } from "@/lib/env";

/** The orders' pages: their error boundary needs the support contacts, which only the server knows. */
export default function CheckoutsLayout({ children }: { children: ReactNode }) {
  return <SupportProvider support={supportContactsOf(env())}>{children}</SupportProvider>;
}
