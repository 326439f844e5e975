import { randomUUID } from "node:crypto";
import { type PackageContent, parseConfirmation, sameContent } from "./amazon-shipment-rules.ts";
import { type FakeRequest, type FakeResponse, startFakeServer } from "./fake-server.ts";
import { createTokenBucket, type TokenBucket } from "./token-bucket.ts";

export type { PackageContent } from "./amazon-shipment-rules.ts";

/** A seller that authorized an SP-API app: the LWA credentials the fake accepts for it. */
export interface FakeAmazonSeller {
  sellingPartnerId: string;
  lwaClientId: string;
  lwaClientSecret: string;
  refreshToken: string;
}

export interface FakeAmazonOrder {
  orderId: string;
  /** SP-API OrderStatus; "Unshipped" when not given. */
  status?: string;
  /** When set, a confirmation for another marketplace is refused. */
  marketplaceId?: string;
  /** When set, only this seller's tokens see the order. */
  sellingPartnerId?: string;
  /** When set, orderItemIds and quantities are checked and the status follows what shipped. */
  items?: { orderItemId: string; quantity: number }[];
}

export interface FakeAmazonOptions {
  sellers: FakeAmazonSeller[];
  orders?: FakeAmazonOrder[];
  /** expires_in of issued access tokens, in seconds; 3600 like LWA. */
  tokenLifetimeSeconds?: number;
  /** Milliseconds clock for token expiry and the rate limit; Date.now by default. */
  now?: () => number;
  /** Per-seller usage plan of confirmShipment; 2 requests a second, burst 10 by default. */
  rateLimit?: { perSecond: number; burst: number };
}

/** One package as the fake applied it, keyed by (orderId, packageReferenceId). */
export interface AppliedPackage extends PackageContent {
  orderId: string;
  packageReferenceId: string;
  /** Times the package was applied: the first confirmation plus every update that changed it. */
  applied: number;
  /** Identical confirmations that changed nothing. */
  repeats: number;
  /** Every content the package had, oldest first. */
  history: PackageContent[];
}

/** Holds SP-API requests until the test opens it: a slow Amazon. */
export interface Gate {
  open(): void;
  /** Resolves once `count` requests are held. */
  arrived(count: number): Promise<void>;
  readonly waiting: number;
}

export interface FakeAmazon {
  /** SP-API base URL (ClientConfig.baseUrl). */
  readonly url: string;
  /** LWA token endpoint (ClientConfig.tokenUrl). */
  readonly tokenUrl: string;
  /** Every request, LWA ones included. */
  readonly requests: FakeRequest[];
  /** Access tokens issued so far. */
  readonly tokenGrants: number;
  applied(orderId: string, packageReferenceId: string): AppliedPackage | undefined;
  appliedPackages(): AppliedPackage[];
  orderStatus(orderId: string): string | undefined;
  setOrderStatus(orderId: string, status: string): void;
  /** The next `count` SP-API calls answer `status` with SP-API's body for it (or `body`). */
  failNext(
    count: number,
    status: number,
    options?: { retryAfterSeconds?: number; body?: unknown },
  ): void;
  /** The next `count` token requests answer `status` with `body` (an LWA error by default). */
  failNextToken(count: number, status: number, body?: unknown): void;
  /** Orders a review was requested for (Solicitations), in request order. */
  solicitedOrders(): string[];
  /** Every issued access token stops working, as when the seller re-authorizes. */
  revokeAccessTokens(): void;
  /** The refresh token stops working (invalid_grant), as when the seller revokes the app. */
  revokeRefreshToken(refreshToken: string): void;
  /** Holds SP-API calls from now until the gate opens. */
  hold(): Gate;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const TOKEN_PATH = "/auth/o2/token";
const CONFIRMATION_PATH = /^\/orders\/v0\/orders\/([^/]+)\/shipmentConfirmation$/;
const SOLICITATION_PATH =
  /^\/solicitations\/v1\/orders\/([^/]+)\/solicitations\/productReviewAndSellerFeedback$/;
const DENIED = "Access to requested resource is denied.";

/** A local SP-API (Orders v0 shipmentConfirmation) and Login with Amazon token endpoint. */
export async function startFakeAmazon(options: FakeAmazonOptions): Promise<FakeAmazon> {
  const now = options.now ?? Date.now;
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const plan = options.rateLimit ?? { perSecond: 2, burst: 10 };
  const limitHeader = { "x-amzn-RateLimit-Limit": plan.perSecond.toFixed(1) };
  const orders = new Map((options.orders ?? []).map((order) => [order.orderId, { ...order }]));
  const tokens = new Map<string, { sellingPartnerId: string; expiresAt: number }>();
  const revokedRefreshTokens = new Set<string>();
  const buckets = new Map<string, TokenBucket>();
  const packages = new Map<string, AppliedPackage>();
  const spFailures: { status: number; retryAfterSeconds?: number; body?: unknown }[] = [];
  const tokenFailures: { status: number; body?: unknown }[] = [];
  let grants = 0;
  let gate: (Gate & { wait(): Promise<void> }) | null = null;

  const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
    ({ status, body, headers: { "x-amzn-RequestId": randomUUID(), ...headers } }) as FakeResponse;
  const errors = (status: number, code: string, message: string, headers = {}, details = "") =>
    answer(status, { errors: [{ code, message, details }] }, headers);

  const issueToken = (request: FakeRequest): FakeResponse => {
    const failure = tokenFailures.shift();
    if (failure) {
      return answer(
        failure.status,
        failure.body ?? {
          error: failure.status === 429 ? "rate_limited" : "server_error",
          error_description: `Injected HTTP ${failure.status}`,
        },
      );
    }
    const form = new URLSearchParams(request.rawBody);
    if (form.get("grant_type") !== "refresh_token") {
      return answer(400, {
        error: "unsupported_grant_type",
        error_description: "Unsupported grant type",
      });
    }
    const app = (options.sellers ?? []).filter(
      (seller) =>
        seller.lwaClientId === form.get("client_id") &&
        seller.lwaClientSecret === form.get("client_secret"),
    );
    if (app.length === 0) {
      return answer(401, {
        error: "invalid_client",
        error_description: "Client authentication failed",
      });
    }
    const refreshToken = form.get("refresh_token") ?? "";
    const seller = app.find((candidate) => candidate.refreshToken === refreshToken);
    if (!seller || revokedRefreshTokens.has(refreshToken)) {
      return answer(400, {
        error: "invalid_grant",
        error_description: "The request has an invalid grant parameter : refresh_token",
      });
    }
    grants += 1;
    const accessToken = `Atza|fake-${grants}-${randomUUID()}`;
    tokens.set(accessToken, {
      sellingPartnerId: seller.sellingPartnerId,
      expiresAt: now() + lifetime * 1000,
    });
    return answer(200, {
      access_token: accessToken,
      refresh_token: refreshToken,
      token_type: "bearer",
      expires_in: lifetime,
    });
  };

  const injectedFailure = (failure: (typeof spFailures)[number]): FakeResponse => {
    const headers: Record<string, string> =
      failure.retryAfterSeconds === undefined
        ? {}
        : { "retry-after": String(failure.retryAfterSeconds) };
    if (failure.body !== undefined) return answer(failure.status, failure.body, headers);
    const [code, message] = STANDARD_ERRORS[failure.status] ?? [
      "InternalFailure",
      `HTTP ${failure.status}`,
    ];
    return errors(
      failure.status,
      code,
      message,
      failure.status === 429 ? { ...limitHeader, ...headers } : headers,
    );
  };

  const confirm = (request: FakeRequest, orderId: string): FakeResponse => {
    const failure = spFailures.shift();
    if (failure) return injectedFailure(failure);
    const header = request.headers["x-amz-access-token"];
    const token = typeof header === "string" ? tokens.get(header) : undefined;
    if (!token) return errors(403, "Unauthorized", DENIED);
    if (now() >= token.expiresAt) {
      return errors(403, "Unauthorized", DENIED, {}, "The access token you provided has expired.");
    }
    const bucket = buckets.get(token.sellingPartnerId) ?? createTokenBucket(plan, now);
    buckets.set(token.sellingPartnerId, bucket);
    if (!bucket.take()) {
      return errors(
        429,
        "QuotaExceeded",
        "You exceeded your quota for the requested resource.",
        limitHeader,
      );
    }
    const invalid = (message: string) => errors(400, "InvalidInput", message, limitHeader);
    const parsed = parseConfirmation(request.rawBody);
    if (!parsed.ok) return invalid(parsed.message);
    const order = orders.get(orderId);
    if (!order || (order.sellingPartnerId && order.sellingPartnerId !== token.sellingPartnerId)) {
      return errors(404, "NotFound", `Order ${orderId} was not found.`, limitHeader);
    }
    if (order.marketplaceId && order.marketplaceId !== parsed.content.marketplaceId) {
      return invalid(
        `Order ${orderId} does not belong to marketplace ${parsed.content.marketplaceId}.`,
      );
    }
    const refusal = STATUS_REFUSALS[order.status ?? "Unshipped"];
    if (refusal) return invalid(`Order ${orderId} ${refusal}`);
    const key = `${orderId}/${parsed.packageReferenceId}`;
    const quantityProblem = checkQuantities(order, key, parsed.content, packages);
    if (quantityProblem) return invalid(quantityProblem);
    const existing = packages.get(key);
    if (existing && sameContent(existing, parsed.content)) {
      existing.repeats += 1;
    } else {
      packages.set(key, {
        orderId,
        packageReferenceId: parsed.packageReferenceId,
        ...parsed.content,
        applied: (existing?.applied ?? 0) + 1,
        repeats: existing?.repeats ?? 0,
        history: [...(existing?.history ?? []), parsed.content],
      });
    }
    order.status = shippedStatus(order, packages);
    return answer(204, undefined, limitHeader);
  };

  /** Solicitations v1: one review request per order, for the order's marketplace. */
  const solicit = (request: FakeRequest, orderId: string): FakeResponse => {
    const failure = spFailures.shift();
    if (failure) return injectedFailure(failure);
    const header = request.headers["x-amz-access-token"];
    const token = typeof header === "string" ? tokens.get(header) : undefined;
    if (!token || now() >= token.expiresAt) return errors(403, "Unauthorized", DENIED);
    const order = orders.get(orderId);
    if (!order || (order.sellingPartnerId && order.sellingPartnerId !== token.sellingPartnerId)) {
      return errors(404, "NotFound", `Order ${orderId} was not found.`);
    }
    const marketplace = request.query.get("marketplaceIds");
    if (!marketplace || (order.marketplaceId && order.marketplaceId !== marketplace)) {
      return errors(400, "InvalidInput", `Order ${orderId} is not in marketplace ${marketplace}.`);
    }
    if (solicited.includes(orderId)) {
      return errors(403, "Unauthorized", "A solicitation was already sent for this order.");
    }
    solicited.push(orderId);
    return answer(201, {});
  };
  const solicited: string[] = [];

  const server = await startFakeServer(async (request) => {
    if (request.method === "POST" && request.path === TOKEN_PATH) return issueToken(request);
    const solicitation = SOLICITATION_PATH.exec(request.path);
    if (request.method === "POST" && solicitation) {
      return solicit(request, decodeURIComponent(solicitation[1]!));
    }
    const match = CONFIRMATION_PATH.exec(request.path);
    if (request.method !== "POST" || !match) {
      return errors(404, "NotFound", `No route for ${request.method} ${request.path}.`);
    }
    await gate?.wait();
    return confirm(request, decodeURIComponent(match[1]!));
  });

  return {
    url: server.url,
    tokenUrl: `${server.url}${TOKEN_PATH}`,
    requests: server.requests,
    get tokenGrants() {
      return grants;
    },
    applied: (orderId, packageReferenceId) => packages.get(`${orderId}/${packageReferenceId}`),
    appliedPackages: () => [...packages.values()],
    orderStatus: (orderId) =>
      orders.get(orderId)?.status ?? (orders.has(orderId) ? "Unshipped" : undefined),
    setOrderStatus(orderId, status) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`fake Amazon has no order ${orderId}`);
      order.status = status;
    },
    failNext(count, status, failure = {}) {
      for (let i = 0; i < count; i++) spFailures.push({ status, ...failure });
    },
    failNextToken(count, status, body) {
      for (let i = 0; i < count; i++) tokenFailures.push({ status, body });
    },
    solicitedOrders: () => [...solicited],
    revokeAccessTokens: () => tokens.clear(),
    revokeRefreshToken: (refreshToken) => revokedRefreshTokens.add(refreshToken),
    hold() {
      gate = createGate(() => {
        gate = null;
      });
      return gate;
    },
    down: () => server.down(),
    up: () => server.up(),
    close: () => server.close(),
  };
}

const STANDARD_ERRORS: Record<number, [string, string]> = {
  400: ["InvalidInput", "Invalid input."],
  403: ["Unauthorized", DENIED],
  404: ["NotFound", "The requested resource was not found."],
  429: ["QuotaExceeded", "You exceeded your quota for the requested resource."],
  500: ["InternalFailure", "We encountered an internal error. Please try again."],
  503: ["ServiceUnavailable", "Service temporarily unavailable. Please try again."],
};

/** Order statuses Amazon does not let a seller confirm a shipment in. */
const STATUS_REFUSALS: Record<string, string> = {
  Canceled: "is canceled.",
  Unfulfillable: "is unfulfillable.",
  Pending: "is pending and cannot be shipped yet.",
  PendingAvailability: "is a pre-order that cannot be shipped yet.",
};

function checkQuantities(
  order: FakeAmazonOrder,
  key: string,
  content: PackageContent,
  packages: Map<string, AppliedPackage>,
): string | null {
  if (!order.items) return null;
  const shipped = shippedQuantities(order.orderId, packages, key);
  for (const item of content.orderItems) {
    const ordered = order.items.find((candidate) => candidate.orderItemId === item.orderItemId);
    if (!ordered)
      return `orderItemId ${item.orderItemId} is not an item of order ${order.orderId}.`;
    if ((shipped.get(item.orderItemId) ?? 0) + item.quantity > ordered.quantity) {
      return `quantity for orderItemId ${item.orderItemId} exceeds the quantity ordered (${ordered.quantity}).`;
    }
  }
  return null;
}

function shippedStatus(order: FakeAmazonOrder, packages: Map<string, AppliedPackage>): string {
  if (!order.items) return "Shipped";
  const shipped = shippedQuantities(order.orderId, packages);
  const all = order.items.every((item) => (shipped.get(item.orderItemId) ?? 0) >= item.quantity);
  return all ? "Shipped" : "PartiallyShipped";
}

/** Quantities shipped in an order's packages, leaving out the package being replaced. */
function shippedQuantities(
  orderId: string,
  packages: Map<string, AppliedPackage>,
  exceptKey?: string,
): Map<string, number> {
  const shipped = new Map<string, number>();
  for (const [key, applied] of packages) {
    if (applied.orderId !== orderId || key === exceptKey) continue;
    for (const item of applied.orderItems) {
      shipped.set(item.orderItemId, (shipped.get(item.orderItemId) ?? 0) + item.quantity);
    }
  }
  return shipped;
}

function createGate(onOpen: () => void): Gate & { wait(): Promise<void> } {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  let waiting = 0;
  const watchers: { count: number; resolve: () => void }[] = [];
  return {
    get waiting() {
      return waiting;
    },
    open() {
      onOpen();
      release();
    },
    arrived(count) {
      if (waiting >= count) return Promise.resolve();
      return new Promise((resolve) => watchers.push({ count, resolve }));
    },
    async wait() {
      waiting += 1;
      for (const watcher of watchers.filter((candidate) => candidate.count <= waiting)) {
        watcher.resolve();
      }
      await opened;
      waiting -= 1;
    },
  };
}
