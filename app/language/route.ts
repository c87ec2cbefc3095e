import { isSameOriginPost } from "@/lib/auth/same-origin";
import { env } from "@/lib/env";
import { getLocale, getTranslator } from "@/lib/request/locale";
import { languageSwitchResponse } from "./switch-response";

/**
 * The header's language switch (app/LanguageSwitch.tsx) posts here: a plain form, so it works without
 * JavaScript. See switch-response.ts for what it answers.
 */
export async function POST(request: Request) {
  const [locale, translator] = await Promise.all([getLocale(), getTranslator()]);
  return languageSwitchResponse(request, {
    comesFromPortal: isSameOriginPost,
    https: isHttps(request),
    locale,
    translator,
  });
}

/** As the configured public URL says, or as proxy.ts decides it for the security headers. */
function isHttps(request: Request): boolean {
  return (
    env().publicUrl?.startsWith("https://") === true ||
    new URL(request.url).protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
}
