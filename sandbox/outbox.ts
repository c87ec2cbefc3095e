import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "../lib/notify/webhook-signature";
import { sendError, sendJson } from "./http";
import type { Route } from "./router";

/**
 * The sandbox's stand-in for the operator's mailer: in sandbox mode the launcher points the portal's
 * NOTIFY_WEBHOOK_URL here. It checks the signature like a real receiver should (docs/notifications.md),
 * refusing replays by timestamp, keeps the "emails" in memory and lists them at /__sandbox/outbox, so
 * a newcomer can walk "Email me a new link" end to end. Loopback-only, like every control endpoint.
 */

const MAX_OUTBOX_EMAILS = 50;
const MAX_BODY_BYTES = 16 * 1024;

const linkRequestedSchema = z.object({
  type: z.literal("portal.link_requested"),
  userId: z.string().min(1).max(128),
  checkoutId: z.string().min(1).max(64).nullable(),
  url: z.url({ protocol: /^https?$/ }),
  // The language to write the email in (docs/notifications.md); optional for older portals.
  lang: z.string().min(2).max(35).optional(),
  requestedAt: z.iso.datetime({ offset: true }),
  requestId: z.string().min(1).max(128),
});

type OutboxEmail = z.infer<typeof linkRequestedSchema> & { receivedAt: string };

export class Outbox {
  private emails: OutboxEmail[] = [];

  /** Newest first. */
  list(): readonly OutboxEmail[] {
    return this.emails;
  }

  /** False for a request id already kept (a retried or replayed delivery sends no second email). */
  add(email: OutboxEmail): boolean {
    if (this.emails.some((kept) => kept.requestId === email.requestId)) return false;
    this.emails = [email, ...this.emails].slice(0, MAX_OUTBOX_EMAILS);
    return true;
  }

  clear(): void {
    this.emails = [];
  }
}

type OutboxDependencies = {
  outbox: Outbox;
  /** NOTIFY_WEBHOOK_SECRET as the launcher shares it with the portal; null refuses every delivery. */
  webhookSecret: string | null;
  currentTime: () => Date;
};

export function outboxRoutes({ outbox, webhookSecret, currentTime }: OutboxDependencies): Route[] {
  return [
    {
      pattern: /^\/__sandbox\/outbox$/,
      methods: {
        get: ({ req, res, url }) => {
          const wantsJson =
            url.searchParams.get("format") === "json" ||
            (req.headers.accept ?? "").includes("application/json");
          if (wantsJson) sendJson(res, 200, { emails: outbox.list() });
          else sendHtml(res, outboxPage(outbox.list()));
        },
        post: async ({ req, res }) => {
          if (webhookSecret === null) {
            sendError(res, 503, "not_configured", "NOTIFY_WEBHOOK_SECRET is not set for the sandbox.");
            return;
          }
          const body = await readText(req);
          if (body === null) {
            sendError(res, 413, "payload_too_large", `body must be at most ${MAX_BODY_BYTES} bytes`);
            return;
          }
          const signature = req.headers[SIGNATURE_HEADER.toLowerCase()];
          const check = await verifyWebhookSignature(
            typeof signature === "string" ? signature : null,
            body,
            webhookSecret,
            { nowSeconds: Math.floor(currentTime().getTime() / 1000) },
          );
          if (!check.ok) {
            const message =
              check.reason === "stale"
                ? "The signature's timestamp is too old or too new: refused as a replay."
                : "The X-Portal-Signature header is missing or does not match the body.";
            sendError(res, 401, `signature_${check.reason}`, message);
            return;
          }
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            sendError(res, 400, "invalid_json", "body must be JSON");
            return;
          }
          const payload = linkRequestedSchema.safeParse(json);
          if (!payload.success) {
            sendError(res, 400, "invalid_payload", "body is not a portal.link_requested notification");
            return;
          }
          const added = outbox.add({ ...payload.data, receivedAt: currentTime().toISOString() });
          sendJson(res, added ? 202 : 200, { status: added ? "queued" : "duplicate" });
        },
        delete: ({ res }) => {
          outbox.clear();
          sendJson(res, 200, { emails: [] });
        },
      },
    },
  ];
}

async function readText(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
    // Nothing runs here; the links hold fresh sign-in tokens, so no Referer carries them on.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
  });
  res.end(html);
}

function outboxPage(emails: readonly OutboxEmail[]): string {
  const items = emails
    .map(
      (email) => `<li>
<p><strong>New sign-in link</strong> for ${escapeHtml(email.userId)}${
        email.checkoutId ? `, checkout ${escapeHtml(email.checkoutId)}` : ", whole account"
      }</p>
<p>Requested <time datetime="${escapeHtml(email.requestedAt)}">${escapeHtml(email.requestedAt)}</time>${
        email.lang ? `, to be written in <span class="lang">${escapeHtml(email.lang)}</span>` : ""
      }</p>
<p><a href="${escapeHtml(email.url)}">Open the new link</a></p>
</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Sandbox outbox</title>
<style>
:root{color-scheme:light dark}
body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;background:Canvas;color:CanvasText}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem}
ul{list-style:none;padding:0}
li{border:1px solid GrayText;border-radius:.5rem;padding:0 1rem;margin:0 0 1rem}
a{color:LinkText}
</style>
</head>
<body>
<main>
<h1>Sandbox outbox</h1>
<p>The emails the portal asked the operator's mailer to send (newest first). Nothing leaves this machine.</p>
${emails.length === 0 ? "<p>No emails yet. Open an expired link in the portal and choose “Email me a new link”.</p>" : `<ul>\n${items}\n</ul>`}
</main>
</body>
</html>`;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "&#39;");
}
