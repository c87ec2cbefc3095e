import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** JSON in and out, and the one error body shape the API uses: {"error":{"code","message"}}. */

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(payload);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; code: string; message: string };

/** Reads a small JSON body; an empty body counts as `{}` so bodiless POSTs work from curl. */
export async function readJsonBody(req: IncomingMessage, maxBytes = 64 * 1024): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) {
      return {
        ok: false,
        status: 413,
        code: "payload_too_large",
        message: `body must be at most ${maxBytes} bytes`,
      };
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, code: "invalid_json", message: "body must be JSON" };
  }
}

/** Decodes one path segment; malformed percent-encoding yields undefined (the caller answers 404). */
export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
