import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "@/lib/theme/palette.css";
import "./globals.css";
import { translatorFor } from "@/lib/i18n/translator";
import { linkPreviewFor, linkPreviewMetadata } from "@/lib/metadata/link-preview";
import { getDateContext } from "@/lib/request/date-context";
import { getLocale, getTranslator } from "@/lib/request/locale";
import { publicOrigin } from "@/lib/request/public-origin";
import { LanguageSwitch } from "./LanguageSwitch";
import { LocalTimes } from "./LocalTimes";
import styles from "./layout.module.css";
import { SessionNav } from "./SessionNav";

/**
 * Every page inherits the same generic link preview (pages set only their title). `metadataBase`
 * makes the preview image URL absolute, as Open Graph requires: without it Next would write
 * http://localhost:<port> into production pages.
 */
export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = translatorFor(locale);
  const preview = linkPreviewFor(locale);
  return {
    metadataBase: await publicOrigin(),
    // Next fills "%s" with the page's title; the message only decides what goes around it.
    title: { default: preview.title, template: t("site.metadata.titleTemplate", { title: "%s" }) },
    description: preview.description,
    applicationName: t("site.metadata.applicationName"),
    robots: { index: false, follow: false },
    ...linkPreviewMetadata(locale),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const dates = await getDateContext();
  const locale = await getLocale();
  const t = await getTranslator();
  return (
    <html lang={locale}>
      <body>
        <a className={styles.skipLink} href="#main">
          {t("site.skipToContent")}
        </a>
        <header className={styles.header}>
          <div className={styles.headerInner}>
            <a className={styles.brand} href="/">
              <span className={styles.brandMark} aria-hidden="true">
                ●
              </span>
              {t("site.brand")}
            </a>
            <div className={styles.headerEnd}>
              <LanguageSwitch />
              <SessionNav />
            </div>
          </div>
        </header>
        <main id="main" className={styles.main}>
          {children}
        </main>
        {/* Right after the content: its dates are in the browser's zone before the first paint. */}
        <LocalTimes dates={dates} />
        <footer className={styles.footer}>
          <div className={styles.footerInner}>{t("site.footer")}</div>
        </footer>
      </body>
    </html>
  );
}
