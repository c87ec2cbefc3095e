"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { SupportContacts } from "@/lib/checkout/support";

/*
 * How to reach support, for the client-side error boundary (app/checkouts/error.tsx): it gets no
 * props from the server, so the segment's layout hands the configured contacts down this way.
 */
const SupportContext = createContext<SupportContacts | null>(null);

export function SupportProvider({ support, children }: { support: SupportContacts; children: ReactNode }) {
  return <SupportContext.Provider value={support}>{children}</SupportContext.Provider>;
}

/** The configured contacts, or null outside a SupportProvider. */
export function useSupportContacts(): SupportContacts | null {
  return useContext(SupportContext);
}
