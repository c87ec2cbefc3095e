import { isSameOriginPost } from "@/lib/auth/same-origin";
import { env } from "@/lib/env";
import { getLocale, getTranslator } from "@/lib/request/locale";
import { servedOverHttps } from "@/lib/security/headers";
import { languageSwitchResponse } from "./switch-response";

/**
 * The header's language switch (app/LanguageSwitch.tsx) posts here: a plain form, so it works without
 * JavaScript. See switch-response.ts for what it answers.
 */
export async function POST(request: Request) {
  const [locale, translator] = await Promise.all([getLocale(), getTranslator()]);
  return languageSwitchResponse(request, {
    comesFromPortal: isSameOriginPost,
    https: servedOverHttps(request, env().publicUrl),
    locale,
    translator,
  });
}
