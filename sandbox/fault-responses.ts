import type { ServerResponse } from "node:http";
import { DETAIL_EXAMPLE_BODY, LIST_EXAMPLE_BODY } from "../test-support/fixtures/api-document-examples";
import type { FaultPlan } from "./faults";
import type { HeldResponses } from "./held-responses";
import { sendError, sendJson } from "./http";

/** How an injected fault answers, shaped like the failures a real upstream produces. */

const ERROR_CODES: Partial<Record<number, string>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  422: "unprocessable_entity",
  429: "rate_limited",
  500: "internal_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
};

/** Statuses whose clients are told when to try again (after 1 s, unless the fault says otherwise). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

const GARBAGE_HTML =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>" +
  "<body><h1>Bad Gateway</h1><p>The upstream server returned an invalid response.</p></body></html>";

export function respondWithFault(
  res: ServerResponse,
  outcome: NonNullable<FaultPlan["outcome"]>,
  path: string,
  held: HeldResponses,
): void {
  if ("status" in outcome) {
    const { status } = outcome;
    const retryAfter = outcome.retryAfter ?? (RETRY_AFTER_STATUSES.has(status) ? 1 : undefined);
    sendError(
      res,
      status,
      ERROR_CODES[status] ?? `http_${status}`,
      `Injected fault ${outcome.faultId}: the sandbox answers ${status} for ${path}`,
      retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) },
    );
    return;
  }
  switch (outcome.mode) {
    case "hang":
      held.hang(res);
      return;
    case "garbage":
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(GARBAGE_HTML);
      return;
    case "wrong-shape":
      // The opposite of what the caller expects: an object for the list, an array for anything else.
      sendJson(
        res,
        200,
        isListPath(path) ? { data: [], message: "wrong shape on purpose" } : [{ id: "chk_wrongshape" }],
      );
      return;
    case "documented-example":
      // The API documents' own example bodies, byte for byte: a list item with no id and no customer,
      // a detail with `id: null`. What a real API may legitimately send.
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(isListPath(path) ? LIST_EXAMPLE_BODY : DETAIL_EXAMPLE_BODY);
      return;
  }
}

function isListPath(path: string): boolean {
  return path === "/v1/checkouts";
}
