"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { timeZoneCookie } from "@/lib/request/time-zone-cookie";

/**
 * Tells the server the browser's time zone (a cookie) and re-renders once when it was unknown or
 * changed, so dates are rendered server-side in the customer's zone without hydration mismatches.
 */
// Once per page load: if the cookie cannot be stored, refreshing again would loop forever.
let syncedThisLoad = false;

export function TimeZoneSync({ serverTimeZone }: { serverTimeZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverTimeZone || syncedThisLoad) return;
    syncedThisLoad = true;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie; Cookie Store API is not everywhere yet.
    document.cookie = timeZoneCookie(zone, window.location.protocol === "https:");
    router.refresh();
  }, [serverTimeZone, router]);
  return null;
}
