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

/** A delivery estimate as a marketplace judges it; days are ISO dates in the destination's zone. */
export interface EtaInput {
  site: Site;
  carrier: string | null;
  service: string | null;
  earliest: string;
  latest: string;
  mostLikely: string;
  /** The last day of the window the marketplace promised the buyer, when the order has one. */
  promisedDeliveryTo: string | null;
}

/** Something the marketplace will hold against the seller if the estimate comes true. */
export interface EtaRisk {
  /** SCREAMING_SNAKE code: PAST_PROMISED_WINDOW. */
  code: string;
  message: string;
}

/** A sales channel's own delivery days, in business days from hand-over to the carrier. */
export interface ChannelServiceDays {
  fromDays: number;
  toDays: number;
  /** The channel, as the explanation names it. */
  source: string;
}

/** A marketplace's delivery rules; estimates themselves are learnt in src/domain/eta. */
export interface DeliveryRules {
  /** The channel's service days: the prior when a lane has little history. */
  serviceDays?(input: {
    site: Site;
    domestic: boolean;
    service: string | null;
  }): ChannelServiceDays | null;
  /** Risks in an estimate (Amazon: past the promised window, On-Time Delivery). */
  assess?(input: EtaInput): EtaRisk[];
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
  /** Slot: delivery rules (channel service days, risks against the promise); sites give calendars. */
  deliveryRules?: DeliveryRules;
  /** Slot: the marketplace's rules for a tracking upload (carrier list, timing, format). */
  validateForUpload?(draft: ShipmentDraft): UploadIssue[];
  /** Slot: the marketplace's API (credentials, endpoints, rate limit, carrier list, client). */
  api?: MarketplaceApi;
  /** Slot: signed pushes the marketplace sends us (Shopee's order status and tracking pushes). */
  push?: MarketplacePush;
  /**
   * Messaging buyers through the marketplace: why it is not allowed, or the limits of the chat the
   * API client's `messageBuyer` sends through. A MARKETPLACE_MESSAGE notification without it is
   * SKIPPED.
   */
  buyerMessages?: BuyerMessaging;
}

/** Whether trackline may message a marketplace's buyers unasked (shipping updates), and how. */
export interface BuyerMessaging {
  /** Why not on any site, in one sentence for the seller (the marketplace's policy). */
  unsupported?: string;
  /** Sites the marketplace's chat does not serve, each with why (Shopee: not TW). */
  unsupportedSites?: Readonly<Record<string, string>>;
  /** The most characters one message may hold; longer texts are shortened, never mid-link. */
  maxLength?: number;
}
