import { headers } from "next/headers";
import { sameOriginPath } from "@/lib/auth/return-path";
import { switchBackPath } from "@/lib/i18n/language-switch";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { getLocale, getTranslator } from "@/lib/request/locale";
import { PAGE_PATH_HEADER } from "@/lib/request/page-path";
import { PORTAL_PATHS } from "@/lib/urls/portal-urls";
import styles from "./layout.module.css";

/**
 * The header's language switch: offers the other language, named in that language (and marked `lang`,
 * so a screen reader pronounces it right). A plain form post to /language, so it works without
 * JavaScript; that route sets the `locale` cookie and answers 303 back to this page.
 *
 * How the route knows "this page": the proxy passes the request's path to server components in a
 * request header (the layout has no other way to read the URL), and it goes into the form as `back`.
 * The route prefers the browser's Referer, which follows client-side navigations that do not re-render
 * this root layout; `back` covers browsers that send no Referer. Both are checked as hostile input.
 */
export async function LanguageSwitch() {
  const [locale, t, requestHeaders] = await Promise.all([getLocale(), getTranslator(), headers()]);
  const back = switchBackPath([requestHeaders.get(PAGE_PATH_HEADER)], sameOriginPath);
  return (
    <form method="post" action={PORTAL_PATHS.language}>
      <fieldset className={styles.languageGroup}>
        <legend className="visually-hidden">{t("site.language.label")}</legend>
        <input type="hidden" name="back" value={back} />
        {LOCALES.filter((other) => other !== locale).map((other) => (
          <button
            key={other}
            type="submit"
            name="locale"
            value={other}
            lang={other}
            className={styles.languageButton}
          >
            {LOCALE_NAMES[other]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
