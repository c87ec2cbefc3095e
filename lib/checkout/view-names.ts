import type { Locale } from "@/lib/i18n/locales";

/*
 * The names views are saved under. A view holds words, so its language is part of its name: a view saved
 * while the customer read English is never served as their Spanish page (and the other way round).
 * The kind comes first: it is the only part of a name fit for logs and metrics.
 */
export function checkoutViewName(checkoutId: string, locale: Locale): string {
  return `checkout:${locale}:${checkoutId}`;
}

export function listViewName(filter: string, page: number, locale: Locale): string {
  return `list:${locale}:${filter}:${page}`;
}
