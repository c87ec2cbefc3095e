/**
 * The request header in which proxy.ts hands the requested path and query to server components (the
 * root layout cannot read the URL otherwise). The proxy always overwrites it, so a client-sent value
 * never arrives as is; readers still validate it, since a request that skips the proxy keeps its own.
 */
export const PAGE_PATH_HEADER = "x-portal-page-path";
