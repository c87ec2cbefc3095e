import type { IncomingMessage, ServerResponse } from "node:http";
import { sendError } from "./http";

/** A minimal method-aware router: 404 for unknown paths, 405 (with Allow) for known paths. */

export type RouteContext = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Raw (still percent-encoded) path captures, in pattern order. */
  params: string[];
};

type RouteHandler = (context: RouteContext) => void | Promise<void>;

export type Route = {
  pattern: RegExp;
  /** Keyed by lower-case method name. */
  methods: Partial<Record<"get" | "post" | "delete", RouteHandler>>;
};

export async function dispatch(
  routes: readonly Route[],
  context: Omit<RouteContext, "params">,
): Promise<void> {
  const { req, res, url } = context;
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    const method = (req.method ?? "GET").toLowerCase();
    const handler = isRouteMethod(method) ? route.methods[method] : undefined;
    if (!handler) {
      const allow = Object.keys(route.methods)
        .map((name) => name.toUpperCase())
        .join(", ");
      sendError(
        res,
        405,
        "method_not_allowed",
        `${req.method} is not allowed on ${url.pathname}; use ${allow}`,
        {
          Allow: allow,
        },
      );
      return;
    }
    await handler({ ...context, params: match.slice(1) });
    return;
  }
  sendError(res, 404, "not_found", `No such endpoint: ${url.pathname}`);
}

function isRouteMethod(method: string): method is keyof Route["methods"] {
  return method === "get" || method === "post" || method === "delete";
}
