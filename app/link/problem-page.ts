import type { LinkTokenFailure } from "@/lib/auth/link-token";
import { linkPreviewTags } from "@/lib/metadata/link-preview";

/**
 * The plain page shown for a link that cannot sign anyone in. It is rendered here rather than by a
 * React page because a route handler is the only place that can both set the session cookie (for
 * good links) and answer a 4xx (for bad ones); the text is fixed, nothing from the request is echoed.
 */
const COPY: Record<LinkTokenFailure, { title: string; body: string; status: number }> = {
  expired: {
    title: "This link has expired",
    body: "Links in our emails work for a limited time to keep your orders private. Open the newest email about your order, or sign in to see all your orders.",
    status: 410,
  },
  not_yet_valid: {
    title: "This link is not valid yet",
    body: "The link's time does not match ours. Try again in a minute, or sign in to see your orders.",
    status: 401,
  },
  invalid: {
    title: "This link doesn't work",
    body: "It may have been copied incompletely or changed. Open the link straight from your email, or sign in to see your orders.",
    status: 401,
  },
};

/** `origin` makes the page's link-preview image URL absolute, like the layout's (null: relative). */
export function linkProblemResponse(
  reason: LinkTokenFailure,
  nonce: string | null,
  origin: URL | null,
): Response {
  const { title, body, status } = COPY[reason];
  const nonceAttribute = nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=]/g, "")}"` : "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · The Sweet Spot</title>
${linkPreviewTags(origin)}
<style${nonceAttribute}>
:root{color-scheme:light dark;--bg:#fbf8f4;--fg:#1f1a17;--muted:#5b524c;--accent:#7d2152;--on-accent:#fff}
@media (prefers-color-scheme:dark){:root{--bg:#171311;--fg:#f4eee9;--muted:#c2b7ae;--accent:#f08cbd;--on-accent:#1f0d17}}
body{margin:0;font-family:system-ui,sans-serif;background:var(--bg);color:var(--fg);line-height:1.5}
main{max-width:36rem;margin:0 auto;padding:3rem 1rem}
p{color:var(--muted)}
a{display:inline-flex;align-items:center;min-height:44px;padding:0 1.25rem;border-radius:.75rem;background:var(--accent);color:var(--on-accent);font-weight:600;text-decoration:none}
a:focus-visible{outline:3px solid #1d5fd1;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${body}</p>
<p><a href="/signin">Sign in</a></p>
</main>
</body>
</html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
