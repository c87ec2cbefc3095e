import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { getDateContext } from "@/lib/request/date-context";
import styles from "./layout.module.css";
import { SessionNav } from "./SessionNav";
import { TimeZoneSync } from "./TimeZoneSync";

export const metadata: Metadata = {
  title: { default: "Order status · The Sweet Spot", template: "%s · The Sweet Spot" },
  description: "See where your Sweet Spot checkouts stand: deposit, approval, shipping, lease and returns.",
  applicationName: "The Sweet Spot order status",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { timeZone } = await getDateContext();
  return (
    <html lang="en">
      <body>
        <TimeZoneSync serverTimeZone={timeZone} />
        <a className={styles.skipLink} href="#main">
          Skip to content
        </a>
        <header className={styles.header}>
          <div className={styles.headerInner}>
            <a className={styles.brand} href="/">
              <span className={styles.brandMark} aria-hidden="true">
                ●
              </span>
              The Sweet Spot
            </a>
            <SessionNav />
          </div>
        </header>
        <main id="main" className={styles.main}>
          {children}
        </main>
        <footer className={styles.footer}>
          <div className={styles.footerInner}>The Sweet Spot · Lease-to-own, made simple</div>
        </footer>
      </body>
    </html>
  );
}
