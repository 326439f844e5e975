import type {
  OrderState,
  SupportedLocale,
  TextOverrides,
  TextReview,
} from "../vocabulary/index.ts";
import type { MarketplaceApi, MarketplacePush } from "./api-types.ts";

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Text in several locales; `en` is always there, the rest fall back to canonical wording. */
export type LocalizedText = { en: string } & Partial<Record<SupportedLocale, string>>;

/** One country storefront of a marketplace (Amazon DE, Shopee TH). */
export interface Site {
  /** The marketplace's own site code, stored on a store: "US", "DE", "SG". */
  code: string;
  /** ISO 3166-1 alpha-2 country of the site's buyers. */
  country: string;
  /** Buyer languages, most used first; the first is the site's default. */
  locales: readonly SupportedLocale[];
  /** IANA time zone the marketplace counts the site's days in. */
  timeZone: string;
  /** ISO 4217 currency of the site's prices. */
  currency: string;
  /** Days nobody works: skipped when counting business days. */
  weekend: readonly IsoWeekday[];
  /** The marketplace API's id of the site (Amazon marketplaceId), when it has one. */
  apiId?: string;
}

/** A native order status: what it means canonically and how the marketplace words it. */
export interface NativeOrderStatus {
  state: OrderState;
  label: LocalizedText;
}

/** What a delivery estimate is computed from (filled by the delivery-estimates work). */
export interface EtaInput {
  site: Site;
  shippedAt: Date | null;
  promisedDeliveryFrom: Date | null;
  promisedDeliveryTo: Date | null;
  destinationCountry: string;
  now: Date;
}

/** An explained delivery date range. */
export interface EtaEstimate {
  earliest: Date;
  latest: Date;
  mostLikely: Date;
  /** 0..1: the share of parcels the range is expected to cover. */
  confidence: number;
  explanation: string;
}

/** A tracking number about to be sent to the marketplace. */
export interface ShipmentDraft {
  site: Site;
  carrier: string;
  trackingNumber: string;
  shippingMethod: string | null;
  shipDate: Date;
  orderPlacedAt: Date;
}

/** A marketplace rule a draft breaks; ERROR blocks the upload, WARNING only tells. */
export interface UploadIssue {
  severity: "ERROR" | "WARNING";
  code: string;
  message: string;
  field: string;
}

/**
 * A marketplace: data plus pure functions. Adding one is a folder and a line in the registry;
 * it never adds a GraphQL type. Optional members are slots later work fills.
 */
export interface MarketplacePlugin {
  /** Stored, lowercase kebab id: "amazon", "tiktok-shop". Never renamed. */
  id: string;
  /** Display name. */
  name: string;
  /** The storefronts a store can be opened on. */
  sites: readonly Site[];
  /** Every native order status, spelled as the marketplace spells it. */
  orderStatuses: Readonly<Record<string, NativeOrderStatus>>;
  /** The native status a new order gets when the caller names none. */
  initialStatus: string;
  /** This marketplace's wording of canonical texts, per locale (Shopee's "To Receive"). */
  texts: Partial<Record<SupportedLocale, TextOverrides>>;
  /** Who wrote the plugin's non-English texts. */
  textReview: TextReview;
  /** Tracking counts as valid for the marketplace only once the carrier physically scanned it. */
  validTrackingNeedsScan: boolean;
  /** Slot: the delivery range a buyer is promised, with its reason. */
  estimateDelivery?(input: EtaInput): EtaEstimate | null;
  /** Slot: the marketplace's rules for a tracking upload (carrier list, timing, format). */
  validateForUpload?(draft: ShipmentDraft): UploadIssue[];
  /** Slot: the marketplace's API (credentials, endpoints, rate limit, carrier list, client). */
  api?: MarketplaceApi;
  /** Slot: signed pushes the marketplace sends us (Shopee's order status and tracking pushes). */
  push?: MarketplacePush;
}
