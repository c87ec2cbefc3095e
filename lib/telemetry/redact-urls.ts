import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-node";

/**
 * Next.js records each request's raw URL on its span (`http.target`), query string included: an email
 * link's token, a status image's token, and checkout ids in the path. Before any span leaves the
 * process this processor replaces such URLs by the route template when the span has one
 * (`/checkouts/[id]`), else by the path without its query and with ids replaced. It must come before
 * the exporting processor.
 */

const URL_ATTRIBUTES = ["http.target", "http.url", "url.full", "url.path"] as const;
const REDACTED = "[redacted]";

function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/s, "");
}

/**
 * A path with anything id-like replaced by `[id]`, for spans Next has not named a route on (its
 * middleware pass). Id-like: a segment of 6 or more characters holding a digit or an underscore
 * (`chk_…`, `usr_…`, tokens).
 */
function withoutIds(path: string): string {
  return path
    .split("/")
    .map((segment) => (segment.length >= 6 && /[\d_]/.test(segment) ? "[id]" : segment))
    .join("/");
}

function redact(url: string): string {
  const bare = withoutQuery(url);
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(bare)?.[0] ?? "";
  return origin + withoutIds(bare.slice(origin.length));
}

export class UrlRedactingSpanProcessor implements SpanProcessor {
  onEnding(span: Span): void {
    const route = span.attributes["http.route"] ?? span.attributes["next.route"];
    for (const key of URL_ATTRIBUTES) {
      const value = span.attributes[key];
      if (typeof value !== "string") continue;
      span.setAttribute(key, typeof route === "string" && key !== "http.url" ? route : redact(value));
    }
    if (span.attributes["url.query"] !== undefined) span.setAttribute("url.query", REDACTED);
    if (/[?#]/.test(span.name)) span.updateName(withoutQuery(span.name));
  }

  onStart(_span: Span, _parentContext: Context): void {}
  onEnd(_span: ReadableSpan): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
