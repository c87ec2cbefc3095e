/** Checkouts per list page. */
export const PAGE_SIZE = 20;
/** Deep enough for the largest account we know of (10,000 checkouts), small enough to keep offsets sane. */
export const MAX_PAGE = 5000;

/**
 * The page number from `?page=`: a whole number from 1 to MAX_PAGE. Anything else (missing, "abc",
 * "-1", "1.5", "1e9", repeated) reads as page 1 — a bad link still shows the customer something.
 */
export function parsePageNumber(value: string | string[] | undefined): number {
  if (typeof value !== "string" || !/^\d{1,6}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

export function pageOffset(page: number): number {
  return (page - 1) * PAGE_SIZE;
}
