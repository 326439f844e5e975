import { createHmac } from "node:crypto";
import { constantTimeEqual } from "../constant-time.ts";
import { asRecord, asText } from "../json.ts";
import type { HeaderReader } from "../types.ts";

/**
 * EasyPost webhooks (EasyPost client libraries' `validate_webhook`, e.g. easypost-python
 * `Webhook.validate_webhook`): header `X-Hmac-Signature` is "hmac-sha256-hex=" + the hex
 * HMAC-SHA256 of the raw body, keyed with the webhook secret normalized to NFKD.
 */
export function verifyEasypostWebhook(input: {
  rawBody: string;
  headers: HeaderReader;
  secret: string;
}): boolean {
  const received = input.headers.get("x-hmac-signature");
  if (!received || !input.secret) return false;
  const key = Buffer.from(input.secret.normalize("NFKD"), "utf8");
  const digest = createHmac("sha256", key).update(input.rawBody, "utf8").digest("hex");
  return constantTimeEqual(`hmac-sha256-hex=${digest}`, received.trim());
}

/** The Event's own id ("evt_..."). */
export function easypostWebhookEventId(payload: unknown): string | null {
  return asText(asRecord(payload)?.id) ?? null;
}
