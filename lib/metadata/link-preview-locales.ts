import "server-only";
import { headers } from "next/headers";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { getLocale } from "@/lib/request/locale";

/**
 * The languages of the link-preview image a page names (app/opengraph-image.tsx): a page names the
 * one in its own language. Without a request — the build, which renders every language's image once,
 * and the image route itself, which is static (force-static: no headers) and must know every id
 * it serves — every language.
 */
export async function linkPreviewLocales(): Promise<readonly Locale[]> {
  let host: string | null = null;
  try {
    host = (await headers()).get("host");
  } catch {
    // Outside any request (generating the static images at build time).
  }
  return host ? [await getLocale()] : LOCALES;
}
