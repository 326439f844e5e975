import { constantTimeEqual, record, text } from "../api-call.ts";
import type { MarketplaceEvent, MarketplacePush } from "../api-types.ts";
import { shopeePushSignature } from "./sign.ts";

/** Order Status Push and Order TrackingNo Push, the two order pushes of Shopee's Push Mechanism. */
const ORDER_STATUS_PUSH = 3;
const TRACKING_NO_PUSH = 4;

/**
 * Shopee's signed pushes: `{msg_id, shop_id, code, timestamp, data}`, signed in the
 * Authorization header with hex HMAC-SHA256(partner_key, callback URL + "|" + raw body).
 *
 * Decision: `parse` never throws. A push that verified but that we cannot read (unknown code,
 * missing order number, bad JSON) gives no events, and the caller acknowledges it: Shopee retries
 * unacknowledged pushes and disables the subscription of an app whose success rate falls under
 * 30 %, so refusing a body we will never understand would only cost us the pushes we do.
 */
export const shopeePush: MarketplacePush = {
  accountOf(rawBody) {
    const shopId = text(record(parseJson(rawBody))?.shop_id).trim();
    return shopId || null;
  },
  verify({ rawBody, headers, url, credentials }) {
    const received = headers.get("authorization");
    const partnerKey = credentials.partnerKey;
    if (!received || !partnerKey) return false;
    return constantTimeEqual(shopeePushSignature(partnerKey, url, rawBody), received.trim());
  },
  parse(rawBody) {
    const push = record(parseJson(rawBody));
    const data = record(push?.data);
    const nativeOrderId = text(data?.ordersn).trim();
    if (!push || !data || !nativeOrderId) return [];
    const sentAt = epochSeconds(push.timestamp);
    if (push.code === ORDER_STATUS_PUSH) {
      const nativeStatus = text(data.status).trim();
      const occurredAt = epochSeconds(data.update_time) ?? sentAt;
      if (!nativeStatus || !occurredAt) return [];
      return [{ kind: "ORDER_STATUS", nativeOrderId, nativeStatus, occurredAt }];
    }
    if (push.code === TRACKING_NO_PUSH) {
      // The tracking push carries no time of its own; the push's timestamp is when it happened.
      const trackingNumber = text(data.tracking_no).trim();
      if (!trackingNumber || !sentAt) return [];
      return [{ kind: "TRACKING", nativeOrderId, trackingNumber, occurredAt: sentAt }];
    }
    return [] satisfies MarketplaceEvent[];
  },
};

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    return null;
  }
}

function epochSeconds(value: unknown): Date | null {
  const seconds = typeof value === "string" ? Number(value) : value;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000);
}
