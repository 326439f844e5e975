import { createHmac } from "node:crypto";
import {
  type FakeRequest,
  type FakeResponse,
  type FakeServer,
  startFakeServer,
} from "./fake-server.ts";
import { createFailureQueue, createGate, type FakeFailure } from "./gate.ts";

/** A shop authorised to a partner (app), with the tokens Shopee currently accepts for it. */
export interface FakeShopeeShop {
  shopId: string;
  partnerId: string;
  accessToken: string;
  refreshToken: string;
  /** The access token has passed its 4 hours: calls get "Invalid access_token." until a refresh. */
  accessTokenExpired?: boolean;
  shopName?: string;
}

/** An order of a shop; non-integrated channel, so ship_order takes a bare tracking number. */
export interface FakeShopeeOrder {
  orderSn: string;
  shopId: string;
  /** Shopee order status; READY_TO_SHIP when omitted. */
  status?: string;
  trackingNumber?: string;
  /** The buyer's Shopee user id: get_order_detail's optional buyer_user_id. */
  buyerUserId?: number;
}

/** A chat message send_message accepted. */
export interface FakeShopeeChatMessage {
  shopId: string;
  toId: number;
  text: string;
}

export interface FakeShopeeOptions {
  /** partner_id → partner_key. */
  partners: Record<string, string>;
  shops: FakeShopeeShop[];
  orders?: FakeShopeeOrder[];
  /** Calls per shop in any 1 s window before HTTP 429; unlimited when omitted. */
  rateLimitPerSecond?: number;
  /** The clock timestamps are checked against (Shopee allows 5 minutes); the real one by default. */
  now?: () => Date;
  /** Buyers (user ids) whose chat refuses the shop's messages, with the error it answers. */
  chatRefusals?: Record<number, { error: string; message: string }>;
}

export interface FakeShopee extends FakeServer {
  /** Tracking numbers ship_order actually applied, by order_sn, with how many times. */
  readonly applied: ReadonlyMap<string, { trackingNumber: string; count: number }>;
  /** The shop as Shopee now holds it (current tokens). */
  shop(shopId: string): FakeShopeeShop;
  order(orderSn: string): FakeShopeeOrder;
  expireAccessToken(shopId: string): void;
  /** Chat messages send_message accepted, in order. */
  readonly messages: readonly FakeShopeeChatMessage[];
  /** The next `count` send_message calls answer `failure` (after the order lookup succeeded). */
  failNextMessage(count: number, failure: FakeFailure): void;
  /** The next `count` requests answer `failure` instead of being handled (nothing is applied). */
  failNext(count: number, failure: FakeFailure): void;
  /** Requests are still handled (ship_order applies) but their answers wait for `release()`. */
  hold(): void;
  release(): void;
}

const SHOP_PATHS = new Set([
  "/api/v2/logistics/ship_order",
  "/api/v2/logistics/get_tracking_number",
  "/api/v2/shop/get_shop_info",
  "/api/v2/order/get_order_detail",
  "/api/v2/sellerchat/send_message",
]);
/** Our model: Shopee publishes no chat text limit we could find; the plugin caps at 1000. */
export const FAKE_SHOPEE_CHAT_MAX = 1000;
const TOKEN_PATH = "/api/v2/auth/access_token/get";

/**
 * A local Shopee Open Platform v2 speaking the documented contract: signed calls (sign =
 * HMAC-SHA256(partner_key, partner_id + path + timestamp [+ access_token + shop_id])), the
 * `{request_id, error, message, response}` envelope, token refresh rotating both tokens, and
 * the error codes of the v2 API pages (error_sign "Wrong sign.", error_auth "Invalid
 * access_token.", error_status "The order has been cancelled.", " logistics.package_already_shipped"
 * with the leading space of its page). Auth errors answer HTTP 403 as integrators report; Shopee
 * documents no rate-limit error, so that answer (HTTP 429, error_too_many_request) is our model.
 * get_order_detail answers buyer_user_id only when response_optional_fields names it; seller
 * chat's send_message takes `{to_id, message_type: "text", content: {text}}`.
 */
export async function startFakeShopee(options: FakeShopeeOptions): Promise<FakeShopee> {
  const now = options.now ?? (() => new Date());
  const shops = new Map(options.shops.map((shop) => [shop.shopId, { ...shop }]));
  const orders = new Map(
    (options.orders ?? []).map((order) => [
      order.orderSn,
      { status: "READY_TO_SHIP", ...order } as FakeShopeeOrder,
    ]),
  );
  const applied = new Map<string, { trackingNumber: string; count: number }>();
  const calls = new Map<string, number[]>();
  const failures = createFailureQueue();
  const messageFailures = createFailureQueue();
  const messages: FakeShopeeChatMessage[] = [];
  const gate = createGate();
  let requestCount = 0;
  let rotation = 0;

  const envelope = (status: number, error: string, message: string, response?: unknown) => ({
    status,
    body: {
      request_id: `fake-${++requestCount}`,
      error,
      message,
      ...(response === undefined ? {} : { response }),
    },
  });
  const ok = (response: unknown = {}) => envelope(200, "", "", response);

  function scripted(failure: FakeFailure): FakeResponse {
    if (failure === "rate-limit") {
      return envelope(429, "error_too_many_request", "Too many requests. Please try again later.");
    }
    if (typeof failure === "number") {
      return envelope(failure, "error_server", "System error. Please try again later.");
    }
    return { status: failure.status ?? 200, body: failure.body };
  }

  function rateLimited(shopId: string): boolean {
    if (!options.rateLimitPerSecond) return false;
    const at = performance.now();
    const recent = (calls.get(shopId) ?? []).filter((t) => at - t < 1000);
    recent.push(at);
    calls.set(shopId, recent);
    return recent.length > options.rateLimitPerSecond;
  }

  function authenticate(
    request: FakeRequest,
    shopCall: boolean,
  ): FakeResponse | FakeShopeeShop | null {
    const q = request.query;
    const partnerId = q.get("partner_id") ?? "";
    const partnerKey = options.partners[partnerId];
    if (!partnerKey) return envelope(403, "error_auth", "System cannot find this partner_id.");
    const timestamp = Number(q.get("timestamp"));
    if (!Number.isInteger(timestamp) || Math.abs(now().getTime() / 1000 - timestamp) > 300) {
      return envelope(403, "error_auth", "Invalid timestamp.");
    }
    const token = q.get("access_token") ?? "";
    const shopId = q.get("shop_id") ?? "";
    const base = shopCall
      ? `${partnerId}${request.path}${timestamp}${token}${shopId}`
      : `${partnerId}${request.path}${timestamp}`;
    const expected = createHmac("sha256", partnerKey).update(base).digest("hex");
    if (q.get("sign") !== expected) return envelope(403, "error_sign", "Wrong sign.");
    if (!shopCall) return null;
    if (!token) return envelope(400, "error_param", "There is no access_token in query.");
    const shop = shops.get(shopId);
    if (!shop || shop.partnerId !== partnerId) {
      return envelope(403, "common.invalid_shop", "Shop id is invalid. Please check your shop.");
    }
    if (token !== shop.accessToken || shop.accessTokenExpired) {
      return envelope(403, "error_auth", "Invalid access_token.");
    }
    return shop;
  }

  function refreshTokens(request: FakeRequest): FakeResponse {
    const body = parse(request.rawBody);
    const shop = shops.get(String(body.shop_id ?? ""));
    if (!shop || shop.partnerId !== request.query.get("partner_id")) {
      return envelope(403, "error_auth", "Invalid shop_id.");
    }
    if (String(body.refresh_token ?? "") !== shop.refreshToken) {
      return envelope(403, "error_auth", "Invalid refresh_token.");
    }
    rotation++;
    shop.accessToken = `${shop.shopId}-access-${rotation}`;
    shop.refreshToken = `${shop.shopId}-refresh-${rotation}`;
    shop.accessTokenExpired = false;
    // Unlike shop calls, the token answer is not wrapped in `response`.
    return {
      status: 200,
      body: {
        request_id: `fake-${++requestCount}`,
        error: "",
        message: "",
        partner_id: Number(shop.partnerId),
        shop_id: Number(shop.shopId),
        access_token: shop.accessToken,
        refresh_token: shop.refreshToken,
        expire_in: 14400,
      },
    };
  }

  function shipOrder(shop: FakeShopeeShop, request: FakeRequest): FakeResponse {
    const body = parse(request.rawBody);
    const order = orders.get(String(body.order_sn ?? ""));
    if (!order || order.shopId !== shop.shopId) {
      return envelope(200, "logistics.invalid_error", "Order does not exist.");
    }
    const nonIntegrated = body.non_integrated as { tracking_number?: unknown } | undefined;
    const trackingNumber = String(nonIntegrated?.tracking_number ?? "").trim();
    if (!trackingNumber) {
      return envelope(200, "error_param", "Wrong parameters, detail: tracking_number is required.");
    }
    if (order.status === "CANCELLED" || order.status === "IN_CANCEL") {
      return envelope(200, "error_status", "The order has been cancelled.");
    }
    if (order.status !== "READY_TO_SHIP" && order.status !== "RETRY_SHIP") {
      return envelope(
        200,
        " logistics.package_already_shipped",
        "This parcel has already been shipped",
      );
    }
    order.status = "PROCESSED";
    order.trackingNumber = trackingNumber;
    const before = applied.get(order.orderSn)?.count ?? 0;
    applied.set(order.orderSn, { trackingNumber, count: before + 1 });
    return ok({});
  }

  function orderDetail(shop: FakeShopeeShop, request: FakeRequest): FakeResponse {
    if (request.method !== "GET") return envelope(404, "error_not_found", "Wrong method.");
    const wanted = (request.query.get("order_sn_list") ?? "").split(",").filter(Boolean);
    if (wanted.length === 0 || wanted.length > 50) {
      return envelope(200, "error_param", "order_sn_list should contain 1 to 50 order_sn.");
    }
    const optional = (request.query.get("response_optional_fields") ?? "").split(",");
    const list = wanted
      .map((sn) => orders.get(sn))
      .filter((o): o is FakeShopeeOrder => o !== undefined && o.shopId === shop.shopId)
      .map((o) => ({
        order_sn: o.orderSn,
        order_status: o.status,
        // Optional fields come back only when asked for by name.
        ...(optional.includes("buyer_user_id") && o.buyerUserId !== undefined
          ? { buyer_user_id: o.buyerUserId }
          : {}),
      }));
    return ok({ order_list: list });
  }

  function sendMessage(shop: FakeShopeeShop, request: FakeRequest): FakeResponse {
    const failure = messageFailures.take();
    if (failure !== undefined) return scripted(failure);
    const body = parse(request.rawBody);
    const content = body.content as { text?: unknown } | undefined;
    if (typeof body.to_id !== "number" || !Number.isInteger(body.to_id) || body.to_id <= 0) {
      return envelope(200, "error_param", "Wrong parameters, detail: to_id is required.");
    }
    if (body.message_type !== "text") {
      return envelope(200, "error_param", "Wrong parameters, detail: invalid message_type.");
    }
    const text = typeof content?.text === "string" ? content.text : "";
    if (!text.trim() || Array.from(text).length > FAKE_SHOPEE_CHAT_MAX) {
      return envelope(200, "error_param", "Wrong parameters, detail: content.text is invalid.");
    }
    const refused = options.chatRefusals?.[body.to_id];
    if (refused) return envelope(200, refused.error, refused.message);
    messages.push({ shopId: shop.shopId, toId: body.to_id, text });
    return ok({
      to_id: body.to_id,
      message_id: `msg-${messages.length}`,
      message_type: "text",
      content: { text },
      conversation_id: `conv-${shop.shopId}-${body.to_id}`,
      created_timestamp: Math.floor(now().getTime() / 1000),
    });
  }

  async function route(request: FakeRequest): Promise<FakeResponse> {
    const failure = failures.take();
    if (failure !== undefined) return scripted(failure);
    const shopCall = SHOP_PATHS.has(request.path);
    if (!shopCall && request.path !== TOKEN_PATH) {
      return envelope(404, "error_not_found", `Wrong path ${request.path}.`);
    }
    const auth = authenticate(request, shopCall);
    if (auth && "status" in auth) return auth;
    if (!shopCall) return refreshTokens(request);
    const shop = auth as FakeShopeeShop;
    if (rateLimited(shop.shopId)) return scripted("rate-limit");
    if (request.path === "/api/v2/shop/get_shop_info") {
      // get_shop_info answers its fields beside the envelope, not inside `response`.
      const answer = envelope(200, "", "");
      return {
        status: 200,
        body: { ...answer.body, shop_name: shop.shopName ?? "Fake shop", status: "NORMAL" },
      };
    }
    if (request.path === "/api/v2/order/get_order_detail") return orderDetail(shop, request);
    if (request.path === "/api/v2/sellerchat/send_message") return sendMessage(shop, request);
    if (request.path === "/api/v2/logistics/get_tracking_number") {
      const order = orders.get(request.query.get("order_sn") ?? "");
      if (!order || order.shopId !== shop.shopId) {
        return envelope(200, "logistics.invalid_error", "Order does not exist.");
      }
      return ok({ tracking_number: order.trackingNumber ?? "" });
    }
    return shipOrder(shop, request);
  }

  const server = await startFakeServer(async (request) => {
    const answer = await route(request);
    await gate.pass();
    return answer;
  });
  const get = <T>(map: Map<string, T>, key: string, what: string): T => {
    const found = map.get(key);
    if (!found) throw new Error(`fake Shopee has no ${what} ${key}`);
    return found;
  };

  return {
    get url() {
      return server.url;
    },
    requests: server.requests,
    applied,
    messages,
    failNextMessage: messageFailures.failNext,
    shop: (shopId) => get(shops, shopId, "shop"),
    order: (orderSn) => get(orders, orderSn, "order"),
    expireAccessToken(shopId) {
      get(shops, shopId, "shop").accessTokenExpired = true;
    },
    failNext: failures.failNext,
    hold: gate.hold,
    release: gate.release,
    down: () => server.down(),
    up: () => server.up(),
    async close() {
      gate.release();
      await server.close();
    },
  };
}

function parse(rawBody: string): Record<string, unknown> {
  try {
    const value = JSON.parse(rawBody);
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {};
  }
}
