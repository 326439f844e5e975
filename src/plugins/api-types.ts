import type { Site } from "./types.ts";

/** One credential a store needs for the marketplace API. */
export interface CredentialField {
  /** camelCase name, as the GraphQL input member spells it: "lwaClientSecret". */
  name: string;
  /** One line for the GraphQL description. */
  description: string;
}

/** A store's credentials, by CredentialField name; every declared field is present. */
export type Credentials = Readonly<Record<string, string>>;

/** Where and how a client reaches one store's account. */
export interface ClientConfig {
  site: Site;
  /** The site's default base URL unless the store overrides it (sandbox, regional, local fake). */
  baseUrl: string;
  /** The token endpoint: Amazon LWA, or the marketplace's token refresh host. */
  tokenUrl: string;
  credentials: Credentials;
}

/** I/O and time come from outside. */
export interface ClientDeps {
  fetch: typeof fetch;
  now: () => Date;
  /** Keeps credentials the marketplace rotated (Shopee and TikTok hand out a new refresh token). */
  saveCredentials(next: Credentials): Promise<void>;
}

/** One tracking number to push, for one package of one order. */
export interface UploadRequest {
  nativeOrderId: string;
  /** Positive integer, stable per shipment within its order: a retried or corrected push reuses it. */
  packageReference: number;
  /** trackline carrier code ("ups", "yunexpress"); the client maps it to the marketplace's list. */
  carrier: string;
  /** Carrier display name, for marketplaces that take a free-text name for unlisted carriers. */
  carrierName: string;
  trackingNumber: string;
  shippingMethod: string | null;
  shipDate: Date;
  items: readonly { nativeItemId: string; quantity: number }[];
}

/** Why a call failed; `retryable` decides between back-off and showing it to the seller. */
export interface ApiFailure {
  ok: false;
  retryable: boolean;
  /** The marketplace's error code when it gave one ("InvalidInput"), else ours ("NETWORK_ERROR"). */
  code: string;
  /** The marketplace's message, shown to the seller as it is. */
  message: string;
  /** The wait the marketplace asked for (Retry-After, rate-limit headers), in ms. */
  retryAfterMs?: number;
  /** The credential or request field the failure is about, when known ("credentials.refreshToken"). */
  field?: string;
}

export type ApiResult = { ok: true } | ApiFailure;

/** One store's connection to the marketplace API. */
export interface MarketplaceClient {
  /** Pushes one tracking number (Amazon confirmShipment, Shopee ship_order, TikTok ship package). */
  uploadTracking(request: UploadRequest): Promise<ApiResult>;
  /** Proves the credentials work with the cheapest authenticated call (a token exchange). */
  checkCredentials(): Promise<ApiResult>;
  /**
   * Slot: asks the marketplace to request a product review and seller feedback from the buyer
   * (Amazon Solicitations: once per order, 5-30 days after delivery).
   */
  requestReview?(nativeOrderId: string): Promise<ApiResult>;
  /**
   * Slot: sends the buyer of an order one plain-text chat message (Shopee seller chat, TikTok
   * Shop customer service). The client finds the buyer from the order itself.
   */
  messageBuyer?(message: BuyerChatMessage): Promise<ApiResult>;
}

/** One chat message to the buyer of an order; the text already fits the plugin's maxLength. */
export interface BuyerChatMessage {
  nativeOrderId: string;
  text: string;
}

/** A marketplace's API: what a store must provide and how trackline talks to it. */
export interface MarketplaceApi {
  /** Credentials a store needs, in the order a seller enters them. */
  credentials: readonly CredentialField[];
  /** The credential that names the seller's account (pushes are routed by it): "shopId". */
  accountField: string;
  /** Default API base URL of a site. */
  baseUrl(site: Site): string;
  /** Default token endpoint of a site. */
  tokenUrl(site: Site): string;
  /** Calls per second and burst the marketplace allows one store. */
  rateLimit: { perSecond: number; burst: number };
  /** The marketplace's code for a trackline carrier on a site; null when it is not on its list. */
  carrierCode(site: Site, carrier: string): string | null;
  createClient(config: ClientConfig, deps: ClientDeps): MarketplaceClient;
}

/** Something the marketplace pushed to us about an order. */
export type MarketplaceEvent =
  | { kind: "ORDER_STATUS"; nativeOrderId: string; nativeStatus: string; occurredAt: Date }
  | { kind: "TRACKING"; nativeOrderId: string; trackingNumber: string; occurredAt: Date };

/** Signed pushes from the marketplace. */
export interface MarketplacePush {
  /** The account an unverified push names, to find the store whose key verifies it. */
  accountOf(rawBody: string): string | null;
  /** True when the push is signed with the store's credentials (constant-time compare). */
  verify(input: {
    rawBody: string;
    headers: Headers;
    url: string;
    credentials: Credentials;
  }): boolean;
  /** The events in a verified push; unknown push kinds give none. */
  parse(rawBody: string): MarketplaceEvent[];
}
