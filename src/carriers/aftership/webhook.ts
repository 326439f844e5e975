import { createHmac } from "node:crypto";
import { constantTimeEqual } from "../constant-time.ts";
import { asRecord, asText } from "../json.ts";
import type { HeaderReader } from "../types.ts";

/**
 * AfterShip "Webhook Signature" (aftership.com/docs/tracking/webhook/webhook-signature):
 * header `aftership-hmac-sha256` is the base64 HMAC-SHA256 of the raw body keyed with
 * the account's webhook secret.
 */
export function verifyAftershipWebhook(input: {
  rawBody: string;
  headers: HeaderReader;
  secret: string;
}): boolean {
  const received = input.headers.get("aftership-hmac-sha256");
  if (!received || !input.secret) return false;
  const expected = createHmac("sha256", input.secret)
    .update(input.rawBody, "utf8")
    .digest("base64");
  return constantTimeEqual(expected, received.trim());
}

/** `event_id` when sent; older deliveries are identified by the tracking id and `ts`. */
export function aftershipWebhookEventId(payload: unknown): string | null {
  const root = asRecord(payload);
  const eventId = asText(root?.event_id);
  if (eventId) return eventId;
  const trackingId = asText(asRecord(root?.msg)?.id);
  const ts = asText(root?.ts);
  return trackingId && ts ? `${trackingId}:${ts}` : null;
}
