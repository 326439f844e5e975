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
import { sameProviderName, tiktokProviderNames } from "./carriers.ts";
import { credentialFailure, readTikTokAnswer, type TikTokVerdict } from "./errors.ts";
import { tiktokSign } from "./sign.ts";

const REQUIRED = ["appKey", "appSecret", "shopCipher", "accessToken", "refreshToken"] as const;
const id = encodeURIComponent;
const GET_ORDER_DETAIL = "/order/202309/orders";
const GET_AUTHORIZED_SHOPS = "/authorization/202309/shops";
const CONVERSATIONS = "/customer_service/202309/conversations";
const packagePath = (packageId: string) => `/fulfillment/202309/packages/${id(packageId)}`;
const providersPath = (optionId: string) =>
  `/logistics/202309/delivery_options/${id(optionId)}/shipping_providers`;

type Method = "GET" | "POST";
interface Call {
  method: Method;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Shop calls carry shop_cipher; Get Authorized Shops refuses it. */
  shop?: boolean;
}

/**
 * One shop's TikTok Shop API client (version 202309). A seller-shipped upload follows the
 * documented self-shipment flow of Ship Package (POST /fulfillment/202309/packages/{package_id}/
 * ship, `self_shipment: {tracking_number, shipping_provider_id}`): Get Order Detail for the
 * order's package, Get Package Detail for its delivery option and any tracking number already
 * held, Get Shipping Providers to turn our carrier's name into the option's provider id, then
 * Ship Package. A package that already holds our number answers ok without shipping again.
 */
export function createTikTokShopClient(config: ClientConfig, deps: ClientDeps): MarketplaceClient {
  let credentials: Credentials = config.credentials;
  const base = config.baseUrl.replace(/\/+$/, "");
  const cred = (name: (typeof REQUIRED)[number]) => credentials[name] ?? "";

  async function attempt(call: Call): Promise<TikTokVerdict> {
    const query: Record<string, string> = {
      ...call.query,
      app_key: cred("appKey"),
      timestamp: String(Math.floor(deps.now().getTime() / 1000)),
      ...(call.shop === false ? {} : { shop_cipher: cred("shopCipher") }),
    };
    const body = call.body === undefined ? "" : JSON.stringify(call.body);
    const url = new URL(`${base}${call.path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    url.searchParams.set("sign", tiktokSign(cred("appSecret"), call.path, query, body));
    const answer = await send(deps.fetch, url.toString(), {
      method: call.method,
      headers: { "content-type": "application/json", "x-tts-access-token": cred("accessToken") },
      ...(call.method === "GET" ? {} : { body }),
    });
    if (!answer.ok) return { kind: "failed", failure: answer };
    return readTikTokAnswer(answer, deps.now());
  }

  async function refresh(): Promise<ApiFailure | null> {
    // Documented as a GET carrying the app secret in the query (Get Refresh Token API).
    const url = new URL(config.tokenUrl);
    url.searchParams.set("app_key", cred("appKey"));
    url.searchParams.set("app_secret", cred("appSecret"));
    url.searchParams.set("refresh_token", cred("refreshToken"));
    url.searchParams.set("grant_type", "refresh_token");
    const answer = await send(deps.fetch, url.toString(), { method: "GET" });
    if (!answer.ok) return answer;
    const verdict = readTikTokAnswer(answer, deps.now());
    if (verdict.kind !== "ok") {
      const refused = verdict.failure;
      if (refused.retryable) return refused;
      const field = /app_secret/i.test(refused.message)
        ? "credentials.appSecret"
        : /app_key/i.test(refused.message)
          ? "credentials.appKey"
          : "credentials.refreshToken";
      return credentialFailure(refused.message, field);
    }
    const accessToken = text(verdict.data.access_token);
    const refreshToken = text(verdict.data.refresh_token);
    if (!accessToken || !refreshToken) {
      return failure("BAD_RESPONSE", "TikTok Shop's token refresh answered without both tokens", {
        retryable: true,
      });
    }
    credentials = { ...credentials, accessToken, refreshToken };
    return saveRotated(deps.saveCredentials, credentials, "TikTok Shop");
  }

  const withFreshToken = createTokenRetry({
    refresh,
    currentToken: () => cred("accessToken"),
    field: "credentials.accessToken",
  });
  const call = (request: Call) => withFreshToken(() => attempt(request));

  async function upload(request: UploadRequest): Promise<ApiResult> {
    const names = tiktokProviderNames(config.site.code, request.carrier);
    if (!names) {
      return failure(
        "UNSUPPORTED_CARRIER",
        `TikTok Shop ${config.site.code} lists no shipping provider trackline maps to ${request.carrierName}`,
        { retryable: false, field: "carrier" },
      );
    }
    const orderId = request.nativeOrderId;
    const detail = await call({ method: "GET", path: GET_ORDER_DETAIL, query: { ids: orderId } });
    if (detail.kind !== "ok") return detail.failure;
    const order = list(detail.data.orders).find((o) => text(o.id) === orderId);
    if (!order) {
      return failure("ORDER_NOT_FOUND", `TikTok Shop has no order ${orderId} in this shop`, {
        retryable: false,
      });
    }
    const packageIds = list(order.packages)
      .map((p) => text(p.id))
      .filter(Boolean);
    // packageReference is 1-based and stable per shipment: the n-th package TikTok lists.
    const packageId = packageIds[request.packageReference - 1];
    if (!packageId) {
      return failure(
        "PACKAGE_NOT_FOUND",
        `TikTok Shop order ${orderId} has ${packageIds.length} package(s), not a package ${request.packageReference}`,
        { retryable: false, field: "packageReference" },
      );
    }
    const pkg = await call({ method: "GET", path: packagePath(packageId) });
    if (pkg.kind !== "ok") return pkg.failure;
    const held = text(pkg.data.tracking_number).trim();
    if (held) return sameNumber(request, held);

    const optionId = text(pkg.data.delivery_option_id) || text(order.delivery_option_id);
    const offered = await call({ method: "GET", path: providersPath(optionId) });
    if (offered.kind !== "ok") return offered.failure;
    const providers = list(offered.data.shipping_providers);
    const provider = providers.find((p) =>
      names.some((name) => sameProviderName(name, text(p.name))),
    );
    if (!provider) {
      return failure(
        "CARRIER_NOT_OFFERED",
        `TikTok Shop offers no ${names[0]} for this order's delivery option; it offers: ${providers.map((p) => text(p.name)).join(", ") || "none"}`,
        { retryable: false, field: "carrier" },
      );
    }
    const shipped = await call({
      method: "POST",
      path: `${packagePath(packageId)}/ship`,
      body: {
        handover_method: "DROP_OFF",
        self_shipment: {
          tracking_number: request.trackingNumber.trim(),
          shipping_provider_id: text(provider.id),
        },
      },
    });
    if (shipped.kind === "ok") return { ok: true };
    if (shipped.failure.retryable || shipped.failure.code === "INVALID_CREDENTIALS") {
      return shipped.failure;
    }
    // The refusal may be TikTok saying an earlier attempt, whose answer we lost, already shipped it.
    const again = await call({ method: "GET", path: packagePath(packageId) });
    const now = again.kind === "ok" ? text(again.data.tracking_number) : "";
    return sameTrackingNumber(now, request.trackingNumber) ? { ok: true } : shipped.failure;
  }

  /**
   * Customer service: Create Conversation with the order's buyer (`user_id` of Get Order Detail;
   * it reopens and returns any earlier conversation), then Send Message, type TEXT with the
   * text as the JSON string `{"content": ...}`.
   */
  async function messageBuyer(message: BuyerChatMessage): Promise<ApiResult> {
    const orderId = message.nativeOrderId;
    const detail = await call({ method: "GET", path: GET_ORDER_DETAIL, query: { ids: orderId } });
    if (detail.kind !== "ok") return detail.failure;
    const buyer = text(list(detail.data.orders).find((o) => text(o.id) === orderId)?.user_id);
    if (!buyer) {
      return failure("BUYER_NOT_FOUND", `TikTok Shop names no buyer for order ${orderId}`, {
        retryable: false,
      });
    }
    const opened = await call({
      method: "POST",
      path: CONVERSATIONS,
      body: { buyer_user_id: buyer },
    });
    if (opened.kind !== "ok") return opened.failure;
    const conversation = text(opened.data.conversation_id);
    if (!conversation) {
      return failure("BAD_RESPONSE", "TikTok Shop opened no conversation with the buyer", {
        retryable: true,
      });
    }
    const sent = await call({
      method: "POST",
      path: `${CONVERSATIONS}/${id(conversation)}/messages`,
      body: { type: "TEXT", content: JSON.stringify({ content: message.text }) },
    });
    return sent.kind === "ok" ? { ok: true } : sent.failure;
  }

  return {
    async uploadTracking(request) {
      return missingCredential(credentials) ?? upload(request);
    },
    async messageBuyer(message) {
      return missingCredential(credentials) ?? messageBuyer(message);
    },
    async checkCredentials() {
      const missing = missingCredential(credentials);
      if (missing) return missing;
      const shops = await call({ method: "GET", path: GET_AUTHORIZED_SHOPS, shop: false });
      if (shops.kind !== "ok") return shops.failure;
      if (list(shops.data.shops).some((shop) => text(shop.cipher) === cred("shopCipher"))) {
        return { ok: true };
      }
      return credentialFailure(
        "The access token is not authorised for this shop cipher",
        "credentials.shopCipher",
      );
    },
  };
}

function sameNumber(request: UploadRequest, held: string): ApiResult {
  if (sameTrackingNumber(held, request.trackingNumber)) return { ok: true };
  return failure(
    "ALREADY_SHIPPED",
    `TikTok Shop order ${request.nativeOrderId} is already shipped with tracking number ${held}; ${request.trackingNumber} was not sent`,
    { retryable: false, field: "trackingNumber" },
  );
}

/** The objects of a JSON array field; anything else reads as empty. */
function list(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.map(record).filter((item): item is Record<string, unknown> => item !== null);
}

function missingCredential(credentials: Credentials): ApiFailure | null {
  const name = REQUIRED.find((key) => !credentials[key]?.trim());
  return name
    ? credentialFailure(`The TikTok Shop ${name} is missing`, `credentials.${name}`)
    : null;
}
