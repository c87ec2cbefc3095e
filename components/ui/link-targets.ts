/**
 * True for a page of this portal ("/checkouts/…"), which `next/link` navigates to. Such links are
 * rendered with `prefetch={false}`: every portal page reads the customer's checkouts from the API, and
 * prefetching a list's worth of links would spend an upstream call per link the customer never opens.
 */
export function isPortalPath(href: string): boolean {
  return href.startsWith("/") && !href.startsWith("//");
}

/** True for links that leave the portal (absolute http(s) URLs), which open in a new tab. */
export function isExternalHref(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

/**
 * Anchors like "#payments" point into a checkout's detail page; from anywhere else (the list) they
 * must carry that page's path to land.
 */
export function resolveAgainstDetail(href: string, detailHref: string): string {
  return href.startsWith("#") ? `${detailHref}${href}` : href;
}
