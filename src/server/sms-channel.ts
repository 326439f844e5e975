import type { BuyerChannel } from "../domain/notifications/channels.ts";

const TIMEOUT_MS = 15_000;

/**
 * SMS through any provider behind this small contract (README "Buyer notifications"):
 *
 *   POST {TRACKLINE_SMS_URL}/messages
 *   Authorization: Bearer {TRACKLINE_SMS_TOKEN}
 *   Idempotency-Key: {notification id}   (the same on every attempt)
 *   {"to": "+14155550100", "text": "...", "reference": "{notification id}"}
 *
 * 2xx: accepted. 408, 429 and 5xx (or no answer within 15 s): tried again later. Any other
 * status: refused for good, and the body's `error` (or the status) is logged.
 */
export function createSmsChannel(options: {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
}): BuyerChannel {
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}/messages`;
  return {
    async send(message) {
      let response: Response;
      try {
        response = await options.fetch(endpoint, {
          method: "POST",
          headers: {
            authorization: `Bearer ${options.token}`,
            "content-type": "application/json",
            "idempotency-key": message.id,
          },
          body: JSON.stringify({ to: message.to, text: message.text, reference: message.id }),
          redirect: "error",
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        return { ok: false, retryable: true, error: `SMS provider unreachable: ${String(error)}` };
      }
      if (response.ok) {
        await response.body?.cancel();
        return { ok: true };
      }
      const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
      const said = typeof body?.error === "string" ? `: ${body.error.slice(0, 200)}` : "";
      const status = response.status;
      const retryable = status === 408 || status === 429 || status >= 500;
      return { ok: false, retryable, error: `SMS provider answered ${status}${said}` };
    },
  };
}
