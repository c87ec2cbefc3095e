import type { NotifyWebhookConfig } from "@/lib/config/schema";
import type { Locale } from "@/lib/i18n/locales";
import { SIGNATURE_HEADER, signWebhookBody } from "./webhook-signature";

/** The webhook body for "Email me a new link" (docs/notifications.md). */
export type LinkRequestedPayload = {
  type: "portal.link_requested";
  userId: string;
  checkoutId: string | null;
  url: string;
  /** The language to write the email in: the one the customer read the expired-link page in. */
  lang: Locale;
  /** ISO 8601, UTC. */
  requestedAt: string;
  /** Unique per request: receivers can use it to drop duplicates. */
  requestId: string;
};

type WebhookDelivery = "delivered" | "webhook_rejected" | "webhook_timeout" | "webhook_unreachable";

/** Short: the customer is waiting on the answer page, and the webhook only has to accept the job. */
const WEBHOOK_TIMEOUT_MS = 3000;

/**
 * POSTs the signed payload; any 2xx is delivered. Never throws and never retries (a retry could
 * email the customer twice; they can ask again). The result is for logs and counts only.
 */
export async function deliverLinkRequested(
  webhook: NotifyWebhookConfig,
  payload: LinkRequestedPayload,
  options: { nowSeconds: number; timeoutMs?: number; fetch?: typeof fetch },
): Promise<WebhookDelivery> {
  const body = JSON.stringify(payload);
  const signature = await signWebhookBody(body, webhook.secret, options.nowSeconds);
  const send = options.fetch ?? fetch;
  try {
    const response = await send(webhook.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", [SIGNATURE_HEADER]: signature },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    // Only the status matters; drop the body so the connection is freed.
    await response.body?.cancel().catch(() => {});
    return response.status >= 200 && response.status < 300 ? "delivered" : "webhook_rejected";
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return name === "TimeoutError" || name === "AbortError" ? "webhook_timeout" : "webhook_unreachable";
  }
}
