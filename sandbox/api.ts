import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodePathSegment, sendError, sendJson } from "./http";
import { toDetail, toListItem } from "./projection";
import { listCheckouts, parseListQuery } from "./query";
import { dispatch, type Route } from "./router";
import type { CheckoutStore } from "./store";

/** The two documented endpoints, behind the bearer key. */

export function apiRoutes(store: CheckoutStore): Route[] {
  return [
    {
      pattern: /^\/v1\/checkouts$/,
      methods: {
        get: ({ res, url }) => {
          const parsed = parseListQuery(url.searchParams);
          if (!parsed.ok) {
            sendError(res, 400, "invalid_parameter", parsed.message);
            return;
          }
          sendJson(res, 200, listCheckouts(store, parsed.query).map(toListItem));
        },
      },
    },
    {
      pattern: /^\/v1\/checkouts\/([^/]+)$/,
      methods: {
        get: ({ res, params }) => {
          const id = decodePathSegment(params[0] ?? "");
          const record = id === undefined ? undefined : store.get(id);
          if (!record) {
            sendError(res, 404, "not_found", "No checkout with this id.");
            return;
          }
          sendJson(res, 200, toDetail(record));
        },
      },
    },
  ];
}

export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  routes: readonly Route[],
  apiKey: string,
): Promise<void> {
  if (!hasApiKey(req, apiKey)) {
    sendError(
      res,
      401,
      "unauthorized",
      "Missing or invalid API key. Send it as `Authorization: Bearer <key>`.",
      {
        "WWW-Authenticate": 'Bearer realm="sweetspot-sandbox"',
      },
    );
    return;
  }
  await dispatch(routes, { req, res, url });
}

function hasApiKey(req: IncomingMessage, apiKey: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) return false;
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1].trim()), digest(apiKey));
}
