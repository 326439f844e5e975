import {
  createTokenRetry,
  failure,
  record,
  sameTrackingNumber,
  saveRotated,
  send,
  text,
} from "../api-call.ts";
import type {
  ApiFailure,
  ApiResult,
  BuyerChatMessage,
  ClientConfig,
  ClientDeps,
  Credentials,
  MarketplaceClient,
  UploadRequest,
} from "../api-types.ts";
import { credentialFailure, readShopeeAnswer, type ShopeeVerdict } from "./errors.ts";
import { shopeeSign } from "./sign.ts";

const SHIP_ORDER = "/api/v2/logistics/ship_order";
const GET_TRACKING_NUMBER = "/api/v2/logistics/get_tracking_number";
const GET_SHOP_INFO = "/api/v2/shop/get_shop_info";
const GET_ORDER_DETAIL = "/api/v2/order/get_order_detail";
const SEND_MESSAGE = "/api/v2/sellerchat/send_message";
const REQUIRED = ["partnerId", "partnerKey", "shopId", "accessToken", "refreshToken"] as const;

type Method = "GET" | "POST";

/**
 * One shop's Shopee Open Platform v2 client. Calls are signed per DESIGN.md; an expired access
 * token is refreshed once per call (Shopee rotates the refresh token too, and both are saved
 * before the call is retried). Uploads are idempotent: ship_order on an already shipped order
 * reads the tracking number Shopee holds and answers ok only when it is ours.
 */
export function createShopeeClient(config: ClientConfig, deps: ClientDeps): MarketplaceClient {
  let credentials: Credentials = config.credentials;
  const base = config.baseUrl.replace(/\/+$/, "");
  const cred = (name: (typeof REQUIRED)[number]) => credentials[name] ?? "";
  const seconds = () => Math.floor(deps.now().getTime() / 1000);

  async function attempt(
    method: Method,
    path: string,
    query: Record<string, string>,
    body?: unknown,
  ) {
    const timestamp = seconds();
    const signed = { partnerId: cred("partnerId"), path, timestamp };
    const shop = { accessToken: cred("accessToken"), shopId: cred("shopId") };
    const url = new URL(`${base}${path}`);
    const params = {
      ...query,
      partner_id: signed.partnerId,
      timestamp: String(timestamp),
      access_token: shop.accessToken,
      shop_id: shop.shopId,
      sign: shopeeSign(cred("partnerKey"), { ...signed, ...shop }),
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const answer = await send(deps.fetch, url.toString(), jsonRequest(method, body));
    if (!answer.ok) return { kind: "failed", failure: answer } satisfies ShopeeVerdict;
    return readShopeeAnswer(answer, deps.now());
  }

  const withFreshToken = createTokenRetry({
    refresh: () => refresh(),
    currentToken: () => cred("accessToken"),
    field: "credentials.accessToken",
  });
  const shopCall = (method: Method, path: string, query: Record<string, string>, body?: unknown) =>
    withFreshToken(() => attempt(method, path, query, body));

  async function refresh(): Promise<ApiFailure | null> {
    const url = new URL(config.tokenUrl);
    const timestamp = seconds();
    const sign = shopeeSign(cred("partnerKey"), {
      partnerId: cred("partnerId"),
      path: url.pathname,
      timestamp,
    });
    url.searchParams.set("partner_id", cred("partnerId"));
    url.searchParams.set("timestamp", String(timestamp));
    url.searchParams.set("sign", sign);
    const body = {
      refresh_token: cred("refreshToken"),
      partner_id: Number(cred("partnerId")),
      shop_id: Number(cred("shopId")),
    };
    const answer = await send(deps.fetch, url.toString(), jsonRequest("POST", body));
    if (!answer.ok) return answer;
    const verdict = readShopeeAnswer(answer, deps.now());
    if (verdict.kind !== "ok") {
      const refused = verdict.failure;
      if (refused.retryable || refused.code === "INVALID_CREDENTIALS") return refused;
      // Any other refusal means the refresh token is spent or revoked: the seller re-authorises.
      return credentialFailure(refused.message, "credentials.refreshToken");
    }
    const accessToken = text(verdict.body.access_token);
    const refreshToken = text(verdict.body.refresh_token);
    if (!accessToken || !refreshToken) {
      return failure("BAD_RESPONSE", "Shopee's token refresh answered without both tokens", {
        retryable: true,
      });
    }
    credentials = { ...credentials, accessToken, refreshToken };
    return saveRotated(deps.saveCredentials, credentials, "Shopee");
  }

  async function confirmAlreadyShipped(
    request: UploadRequest,
    said: ApiFailure,
  ): Promise<ApiResult> {
    const orderSn = request.nativeOrderId;
    const read = await shopCall("GET", GET_TRACKING_NUMBER, { order_sn: orderSn });
    if (read.kind !== "ok") return read.failure;
    const held = text(record(read.body.response)?.tracking_number).trim();
    if (sameTrackingNumber(held, request.trackingNumber)) return { ok: true };
    if (!held) {
      return failure(
        "TRACKING_NOT_VISIBLE",
        `Shopee says order ${orderSn} is already shipped (${said.message}) but shows no tracking number yet`,
        { retryable: true, retryAfterMs: 5 * 60_000 },
      );
    }
    return failure(
      "ALREADY_SHIPPED",
      `Shopee order ${orderSn} is already shipped with tracking number ${held}; ${request.trackingNumber} was not sent`,
      { retryable: false, field: "trackingNumber" },
    );
  }

  /** The order's buyer, as get_order_detail names them (an optional field, asked for by name). */
  async function buyerOf(orderSn: string): Promise<{ id: number } | ApiFailure> {
    const detail = await shopCall("GET", GET_ORDER_DETAIL, {
      order_sn_list: orderSn,
      response_optional_fields: "buyer_user_id",
    });
    if (detail.kind !== "ok") return detail.failure;
    const orders = record(detail.body.response)?.order_list;
    const order = (Array.isArray(orders) ? orders : [])
      .map(record)
      .find((o) => text(o?.order_sn) === orderSn);
    const id = Number(text(order?.buyer_user_id));
    if (!order || !Number.isSafeInteger(id) || id <= 0) {
      return failure("BUYER_NOT_FOUND", `Shopee names no buyer for order ${orderSn} in this shop`, {
        retryable: false,
      });
    }
    return { id };
  }

  async function messageBuyer(message: BuyerChatMessage): Promise<ApiResult> {
    const buyer = await buyerOf(message.nativeOrderId);
    if ("ok" in buyer) return buyer;
    const sent = await shopCall(
      "POST",
      SEND_MESSAGE,
      {},
      { to_id: buyer.id, message_type: "text", content: { text: message.text } },
    );
    return sent.kind === "ok" ? { ok: true } : sent.failure;
  }

  return {
    async messageBuyer(message) {
      return missingCredential(credentials) ?? messageBuyer(message);
    },
    async uploadTracking(request) {
      const missing = missingCredential(credentials);
      if (missing) return missing;
      const shipped = await shopCall(
        "POST",
        SHIP_ORDER,
        {},
        {
          order_sn: request.nativeOrderId,
          non_integrated: { tracking_number: request.trackingNumber.trim() },
        },
      );
      if (shipped.kind === "ok") return { ok: true };
      if (shipped.kind === "already-shipped")
        return confirmAlreadyShipped(request, shipped.failure);
      return shipped.failure;
    },
    async checkCredentials() {
      const missing = missingCredential(credentials);
      if (missing) return missing;
      const answer = await shopCall("GET", GET_SHOP_INFO, {});
      return answer.kind === "ok" ? { ok: true } : answer.failure;
    },
  };
}

function jsonRequest(method: Method, body: unknown): RequestInit {
  if (body === undefined) return { method };
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function missingCredential(credentials: Credentials): ApiFailure | null {
  const name = REQUIRED.find((key) => !credentials[key]?.trim());
  return name ? credentialFailure(`The Shopee ${name} is missing`, `credentials.${name}`) : null;
}
