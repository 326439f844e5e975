import { hmacSha256Hex } from "../api-call.ts";

/** What a Shopee Open Platform v2 signature covers; shop calls add the token and the shop. */
export interface ShopeeSignInput {
  partnerId: string;
  /** The API path without host or query: "/api/v2/logistics/ship_order". */
  path: string;
  /** Seconds since the epoch; Shopee refuses one more than 5 minutes off. */
  timestamp: number;
  accessToken?: string;
  shopId?: string;
}

/**
 * hex HMAC-SHA256(partner_key, partner_id + path + timestamp [+ access_token + shop_id]): shop
 * APIs sign all five, public APIs (the token calls) the first three.
 */
export function shopeeSign(partnerKey: string, input: ShopeeSignInput): string {
  const base = `${input.partnerId}${input.path}${input.timestamp}${input.accessToken ?? ""}${input.shopId ?? ""}`;
  return hmacSha256Hex(partnerKey, base);
}

/** The Authorization header of a push: hex HMAC-SHA256(partner_key, url + "|" + raw body). */
export function shopeePushSignature(partnerKey: string, url: string, rawBody: string): string {
  return hmacSha256Hex(partnerKey, `${url}|${rawBody}`);
}
