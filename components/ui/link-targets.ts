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
