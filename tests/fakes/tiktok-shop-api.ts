import { createHmac } from "node:crypto";
import {
  type FakeRequest,
  type FakeResponse,
  type FakeServer,
  startFakeServer,
} from "./fake-server.ts";
import { createFailureQueue, createGate, type FakeFailure } from "./gate.ts";

/** A shop authorised to an app, with the tokens TikTok Shop currently accepts for it. */
export interface FakeTikTokShop {
  cipher: string;
  appKey: string;
  accessToken: string;
  refreshToken: string;
  /** Calls get 105002 "Expired credentials" until a refresh. */
  accessTokenExpired?: boolean;
  name?: string;
  region?: string;
}

export interface FakeTikTokPackage {
  id: string;
  deliveryOptionId: string;
  trackingNumber?: string;
  shippingProviderId?: string;
}

export interface FakeTikTokOrder {
  id: string;
  shopCipher: string;
  /** TikTok Shop order status; AWAITING_SHIPMENT when omitted. */
  status?: string;
  packages: FakeTikTokPackage[];
  /** The buyer: Get Order Detail's `user_id`, Create Conversation's `buyer_user_id`. */
  buyerUserId?: string;
}

/** A message Send Message accepted. */
export interface FakeTikTokChatMessage {
  cipher: string;
  conversationId: string;
  buyerUserId: string;
  text: string;
}

export interface FakeTikTokOptions {
  /** app_key → app_secret. */
  apps: Record<string, string>;
  shops: FakeTikTokShop[];
  orders?: FakeTikTokOrder[];
  /** delivery_option_id → the providers Get Shipping Providers lists for it. */
  shippingProviders?: Record<string, { id: string; name: string }[]>;
  /** Calls per shop in any 1 s window before HTTP 429; unlimited when omitted (TikTok: 50). */
  rateLimitPerSecond?: number;
  /** The clock timestamps are checked against (5 min before to 30 s after); real by default. */
  now?: () => Date;
  /** Buyers whose conversation refuses the shop's messages, with the code and message. */
  chatRefusals?: Record<string, { code: number; message: string }>;
}

export interface FakeTikTokShopApi extends FakeServer {
  /** Shipments Ship Package actually applied, by order id, with how many times. */
  readonly applied: ReadonlyMap<
    string,
    { packageId: string; trackingNumber: string; shippingProviderId: string; count: number }
  >;
  shop(cipher: string): FakeTikTokShop;
  order(id: string): FakeTikTokOrder;
  expireAccessToken(cipher: string): void;
  /** Messages Send Message accepted, in order. */
  readonly messages: readonly FakeTikTokChatMessage[];
  /** The next `count` Send Message calls answer `failure` (the lookups before it still answer). */
  failNextMessage(count: number, failure: FakeFailure): void;
  /** The next `count` requests answer `failure` instead of being handled (nothing is applied). */
  failNext(count: number, failure: FakeFailure): void;
  /**
   * Requests are still handled (Ship Package applies) but their answers wait for `release()`;
   * with `only`, just the answers to paths it matches (the lookups before a push still answer).
   */
  hold(only?: RegExp): void;
  release(): void;
}

/**
 * The fake's own codes: TikTok Shop's fulfillment refusals (cancelled order, package already
 * shipped, unknown provider) are not on a public page we could read, so these are invented and
 * deliberately out of TikTok's ranges. The client must not depend on them; it passes any unknown
 * code on as fatal with the message, which is what the tests check.
 */
export const FAKE_TIKTOK_CODES = {
  notFound: 99000001,
  orderCancelled: 99000002,
  alreadyShipped: 99000003,
  invalidProvider: 99000004,
  invalidParameter: 99000005,
  chatNotAllowed: 99000006,
} as const;

/** Send Message's documented limit for TEXT content. */
export const FAKE_TIKTOK_TEXT_MAX = 2000;
const CONVERSATIONS = "/customer_service/202309/conversations";

const TOKEN_PATH = "/api/v2/token/refresh";
const SHOPS_PATH = "/authorization/202309/shops";

/**
 * A local TikTok Shop API (202309) and its auth host in one server: signed calls (the
 * documented app-secret-wrapped HMAC-SHA256 over path, sorted query and body), the
 * `{code, message, request_id, data}` envelope, the common error codes of its "Common errors"
 * page (105002 expired token, 106001 bad sign, 36009004 credentials, 106013/101000 shop cipher,
 * 36009002 with HTTP 429), 21011044 for on-hold orders, and a refresh that rotates both tokens.
 * Customer service: Create Conversation (`buyer_user_id`, one conversation per buyer, reopened)
 * and Send Message (`type: TEXT`, `content` a JSON string `{"content": ...}` of at most 2000).
 */
export async function startFakeTikTokShop(options: FakeTikTokOptions): Promise<FakeTikTokShopApi> {
  const now = options.now ?? (() => new Date());
  const shops = new Map(options.shops.map((shop) => [shop.cipher, { ...shop }]));
  const orders = new Map(
    (options.orders ?? []).map((order) => [
      order.id,
      { status: "AWAITING_SHIPMENT", ...order, packages: order.packages.map((p) => ({ ...p })) },
    ]),
  );
  const providers = options.shippingProviders ?? {};
  const applied = new Map<
    string,
    { packageId: string; trackingNumber: string; shippingProviderId: string; count: number }
  >();
  const calls = new Map<string, number[]>();
  const failures = createFailureQueue();
  const messageFailures = createFailureQueue();
  const messages: FakeTikTokChatMessage[] = [];
  /** conversation id → [shop cipher, buyer]; one per shop and buyer, reopened, never doubled. */
  const conversations = new Map<string, { cipher: string; buyer: string }>();
  const gate = createGate();
  let requestCount = 0;
  let rotation = 0;

  const answer = (code: number, message: string, data?: unknown, status = 200): FakeResponse => ({
    status,
    body: {
      code,
      message,
      request_id: `fake-${++requestCount}`,
      ...(data === undefined ? {} : { data }),
    },
  });
  const ok = (data: unknown = {}) => answer(0, "Success", data);
  const rateLimit = () =>
    answer(
      36009002,
      "Too many requests. You've made too many requests in a short period of time.",
      undefined,
      429,
    );

  function scripted(failure: FakeFailure): FakeResponse {
    if (failure === "rate-limit") return rateLimit();
    if (typeof failure === "number")
      return answer(36009007, "Request timeout.", undefined, failure);
    return { status: failure.status ?? 200, body: failure.body };
  }

  function rateLimited(cipher: string): boolean {
    if (!options.rateLimitPerSecond) return false;
    const at = performance.now();
    const recent = (calls.get(cipher) ?? []).filter((t) => at - t < 1000);
    recent.push(at);
    calls.set(cipher, recent);
    return recent.length > options.rateLimitPerSecond;
  }

  function refreshTokens(q: URLSearchParams): FakeResponse {
    const appKey = q.get("app_key") ?? "";
    if (!options.apps[appKey])
      return answer(36009004, "Invalid credentials. Invalid `app_key` query parameter.");
    if (options.apps[appKey] !== q.get("app_secret")) {
      return answer(36009004, "Invalid credentials. The `app_secret` query parameter is invalid.");
    }
    const shop = [...shops.values()].find(
      (s) => s.appKey === appKey && s.refreshToken === q.get("refresh_token"),
    );
    if (!shop || q.get("grant_type") !== "refresh_token") {
      return answer(36009004, "Invalid credentials. The `refresh_token` is invalid or expired.");
    }
    rotation++;
    shop.accessToken = `TTP_access_${rotation}`;
    shop.refreshToken = `TTP_refresh_${rotation}`;
    shop.accessTokenExpired = false;
    const seconds = Math.floor(now().getTime() / 1000);
    return ok({
      access_token: shop.accessToken,
      access_token_expire_in: seconds + 7 * 86400,
      refresh_token: shop.refreshToken,
      refresh_token_expire_in: seconds + 30 * 86400,
      open_id: `open-${shop.cipher}`,
      seller_name: shop.name ?? "Fake seller",
      seller_base_region: shop.region ?? "US",
      user_type: 0,
    });
  }

  function authenticate(request: FakeRequest): FakeResponse | FakeTikTokShop {
    const q = request.query;
    const secret = options.apps[q.get("app_key") ?? ""];
    if (!secret) return answer(36009004, "Invalid credentials. Invalid `app_key` query parameter.");
    if (!q.get("sign"))
      return answer(
        36009004,
        "Missing credentials. The request does not include a required signature in the query.",
      );
    const drift = Number(q.get("timestamp")) - now().getTime() / 1000;
    if (!(drift >= -300 && drift <= 30)) {
      return answer(
        36009004,
        "Invalid timestamp. The value of the `timestamp` query parameter must lie within 5 minutes before and 30 seconds after the current time.",
      );
    }
    if (q.get("sign") !== expectedSign(secret, request)) {
      return answer(106001, "Invalid credentials. The `sign` query parameter is invalid.");
    }
    const token = String(request.headers["x-tts-access-token"] ?? "");
    const shop = [...shops.values()].find((s) => s.accessToken === token);
    if (!shop)
      return answer(36009004, "Invalid credentials. The `x-tts-access-token` header is invalid.");
    if (shop.accessTokenExpired) {
      return answer(
        105002,
        "Expired credentials. The `access_token` or `x-tts-access-token` header has expired.",
      );
    }
    const cipher = q.get("shop_cipher");
    if (request.path === SHOPS_PATH) {
      if (cipher)
        return answer(
          36009004,
          "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.",
        );
      return shop;
    }
    if (!cipher)
      return answer(
        106013,
        "Missing identifier. The `shop_cipher` query parameter is required to identify the target shop.",
      );
    if (cipher !== shop.cipher)
      return answer(101000, "Invalid query or header. The `x-tts-access-token` header is invalid.");
    return shop;
  }

  function findPackage(shop: FakeTikTokShop, packageId: string) {
    for (const order of orders.values()) {
      const pkg = order.packages.find((p) => p.id === packageId);
      if (pkg && order.shopCipher === shop.cipher) return { order, pkg };
    }
    return null;
  }

  function packageDetail(order: FakeTikTokOrder, pkg: FakeTikTokPackage) {
    const provider = (providers[pkg.deliveryOptionId] ?? []).find(
      (p) => p.id === pkg.shippingProviderId,
    );
    return {
      package_id: pkg.id,
      package_status: pkg.trackingNumber ? "PROCESSING" : "TO_FULFILL",
      delivery_option_id: pkg.deliveryOptionId,
      shipping_type: "SELLER",
      tracking_number: pkg.trackingNumber ?? "",
      shipping_provider_id: pkg.shippingProviderId ?? "",
      shipping_provider_name: provider?.name ?? "",
      orders: [{ id: order.id }],
    };
  }

  function ship(shop: FakeTikTokShop, packageId: string, rawBody: string): FakeResponse {
    const found = findPackage(shop, packageId);
    if (!found) return answer(FAKE_TIKTOK_CODES.notFound, `Package ${packageId} does not exist.`);
    const { order, pkg } = found;
    const selfShipment = parse(rawBody).self_shipment as Record<string, unknown> | undefined;
    const trackingNumber = String(selfShipment?.tracking_number ?? "").trim();
    const providerId = String(selfShipment?.shipping_provider_id ?? "");
    if (!trackingNumber || !providerId) {
      return answer(
        FAKE_TIKTOK_CODES.invalidParameter,
        "self_shipment needs a tracking_number and a shipping_provider_id.",
      );
    }
    if (order.status === "CANCELLED") {
      return answer(
        FAKE_TIKTOK_CODES.orderCancelled,
        "The order has been cancelled and cannot be shipped.",
      );
    }
    if (order.status === "ON_HOLD") {
      return answer(
        21011044,
        "Order status is on hold. Please process when order status update to awaiting shipment",
      );
    }
    if (pkg.trackingNumber)
      return answer(FAKE_TIKTOK_CODES.alreadyShipped, "The package has already been shipped.");
    if (!(providers[pkg.deliveryOptionId] ?? []).some((p) => p.id === providerId)) {
      return answer(
        FAKE_TIKTOK_CODES.invalidProvider,
        "Invalid shipping_provider_id for this delivery option.",
      );
    }
    pkg.trackingNumber = trackingNumber;
    pkg.shippingProviderId = providerId;
    order.status = "AWAITING_COLLECTION";
    const count = (applied.get(order.id)?.count ?? 0) + 1;
    applied.set(order.id, { packageId, trackingNumber, shippingProviderId: providerId, count });
    return ok({});
  }

  function openConversation(shop: FakeTikTokShop, rawBody: string): FakeResponse {
    const buyer = String(parse(rawBody).buyer_user_id ?? "");
    const known = [...orders.values()].some(
      (o) => o.shopCipher === shop.cipher && o.buyerUserId === buyer && buyer !== "",
    );
    if (!known) {
      return answer(FAKE_TIKTOK_CODES.notFound, "The buyer does not exist or has no order here.");
    }
    const existing = [...conversations].find(
      ([, c]) => c.cipher === shop.cipher && c.buyer === buyer,
    );
    const conversationId =
      existing?.[0] ?? `7106888${String(conversations.size + 1).padStart(12, "0")}`;
    conversations.set(conversationId, { cipher: shop.cipher, buyer });
    return ok({ conversation_id: conversationId });
  }

  function sendMessage(shop: FakeTikTokShop, conversationId: string, rawBody: string) {
    const failure = messageFailures.take();
    if (failure !== undefined) return scripted(failure);
    const conversation = conversations.get(conversationId);
    if (!conversation || conversation.cipher !== shop.cipher) {
      return answer(FAKE_TIKTOK_CODES.notFound, "Conversation does not exist.");
    }
    const body = parse(rawBody);
    let text: unknown;
    try {
      text = (JSON.parse(String(body.content)) as { content?: unknown }).content;
    } catch {
      text = undefined;
    }
    if (body.type !== "TEXT" || typeof text !== "string" || !text.trim()) {
      return answer(
        FAKE_TIKTOK_CODES.invalidParameter,
        'type TEXT needs content {"content": "..."}.',
      );
    }
    if (Array.from(text).length > FAKE_TIKTOK_TEXT_MAX) {
      return answer(FAKE_TIKTOK_CODES.invalidParameter, "Message content exceeds 2000 characters.");
    }
    const refused = options.chatRefusals?.[conversation.buyer];
    if (refused) return answer(refused.code, refused.message);
    messages.push({ cipher: shop.cipher, conversationId, buyerUserId: conversation.buyer, text });
    return ok({ message_id: `74945601${messages.length}` });
  }

  function route(request: FakeRequest): FakeResponse {
    const failure = failures.take();
    if (failure !== undefined) return scripted(failure);
    if (request.path === TOKEN_PATH) return refreshTokens(request.query);
    const auth = authenticate(request);
    if ("status" in auth) return auth;
    const shop = auth;
    if (rateLimited(shop.cipher)) return rateLimit();
    const { path } = request;
    if (path === SHOPS_PATH) {
      return ok({
        shops: [
          {
            id: `id-${shop.cipher}`,
            name: shop.name ?? "Fake shop",
            region: shop.region ?? "US",
            seller_type: "CROSS_BORDER",
            cipher: shop.cipher,
            code: "FAKE1",
          },
        ],
      });
    }
    if (path === "/order/202309/orders" && request.method === "GET") {
      const ids = (request.query.get("ids") ?? "").split(",");
      const found = ids
        .map((id) => orders.get(id))
        .filter((o) => o && o.shopCipher === shop.cipher) as FakeTikTokOrder[];
      return ok({
        orders: found.map((order) => ({
          id: order.id,
          status: order.status,
          delivery_option_id: order.packages[0]?.deliveryOptionId ?? "",
          tracking_number: order.packages[0]?.trackingNumber ?? "",
          packages: order.packages.map((p) => ({ id: p.id })),
          ...(order.buyerUserId ? { user_id: order.buyerUserId } : {}),
        })),
      });
    }
    if (path === CONVERSATIONS && request.method === "POST") {
      return openConversation(shop, request.rawBody);
    }
    const messagesMatch = path.match(
      /^\/customer_service\/202309\/conversations\/([^/]+)\/messages$/,
    );
    if (messagesMatch && request.method === "POST") {
      return sendMessage(shop, decodeURIComponent(messagesMatch[1]!), request.rawBody);
    }
    const providersMatch = path.match(
      /^\/logistics\/202309\/delivery_options\/([^/]+)\/shipping_providers$/,
    );
    if (providersMatch && request.method === "GET") {
      const listed = providers[decodeURIComponent(providersMatch[1]!)];
      if (!listed) return answer(FAKE_TIKTOK_CODES.notFound, "Delivery option does not exist.");
      return ok({ shipping_providers: listed });
    }
    const packageMatch = path.match(/^\/fulfillment\/202309\/packages\/([^/]+)(\/ship)?$/);
    if (packageMatch) {
      const packageId = decodeURIComponent(packageMatch[1]!);
      if (packageMatch[2] && request.method === "POST")
        return ship(shop, packageId, request.rawBody);
      const found = findPackage(shop, packageId);
      if (!found || request.method !== "GET")
        return answer(FAKE_TIKTOK_CODES.notFound, `Package ${packageId} does not exist.`);
      return ok(packageDetail(found.order, found.pkg));
    }
    return answer(
      36009009,
      "Invalid path. The specified path does not match any available endpoint.",
      undefined,
      404,
    );
  }

  let holdOnly: RegExp | null = null;
  const server = await startFakeServer(async (request) => {
    const response = route(request);
    if (!holdOnly || holdOnly.test(request.path)) await gate.pass();
    return response;
  });
  const get = <T>(map: Map<string, T>, key: string, what: string): T => {
    const found = map.get(key);
    if (!found) throw new Error(`fake TikTok Shop has no ${what} ${key}`);
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
    shop: (cipher) => get(shops, cipher, "shop"),
    order: (id) => get(orders, id, "order"),
    expireAccessToken(cipher) {
      get(shops, cipher, "shop").accessTokenExpired = true;
    },
    failNext: failures.failNext,
    hold(only) {
      holdOnly = only ?? null;
      gate.hold();
    },
    release: gate.release,
    down: () => server.down(),
    up: () => server.up(),
    async close() {
      gate.release();
      await server.close();
    },
  };
}

/** The documented signature, recomputed from the request as received. */
function expectedSign(secret: string, request: FakeRequest): string {
  const params = [...new Set(request.query.keys())]
    .filter((key) => key !== "sign" && key !== "access_token")
    .sort()
    .map((key) => `${key}${request.query.get(key)}`)
    .join("");
  const input = `${secret}${request.path}${params}${request.rawBody}${secret}`;
  return createHmac("sha256", secret).update(input).digest("hex");
}

function parse(rawBody: string): Record<string, unknown> {
  try {
    const value = JSON.parse(rawBody);
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {};
  }
}
