"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { SupportContactWords } from "@/lib/checkout/words";

/** The orders' error boundary's words, already in the customer's language. */
export type ErrorBoundaryWords = {
  title: string;
  body: string;
  help: string;
  retry: string;
  support: SupportContactWords;
};

/*
 * app/checkouts/error.tsx is a client component that Next renders with no props from the server, so
 * it cannot call the translator. The segment's layout (a server component) translates these four
 * sentences and hands them down this way: the browser gets four strings in the page's flight data,
 * never the message catalogue.
 */
const ErrorBoundaryWordsContext = createContext<ErrorBoundaryWords | null>(null);

export function ErrorBoundaryWordsProvider({
  words,
  children,
}: {
  words: ErrorBoundaryWords;
  children: ReactNode;
}) {
  return <ErrorBoundaryWordsContext.Provider value={words}>{children}</ErrorBoundaryWordsContext.Provider>;
}

/**
 * The words. Next always renders a segment's error boundary inside that segment's layout, so the
 * provider is there; its absence is a wiring mistake, loud rather than an English page in Spanish.
 */
export function useErrorBoundaryWords(): ErrorBoundaryWords {
  const words = useContext(ErrorBoundaryWordsContext);
  if (!words) throw new Error("app/checkouts/error.tsx needs ErrorBoundaryWordsProvider in its layout");
  return words;
}
