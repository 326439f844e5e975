import type { Site } from "../types.ts";

/**
 * Shipping providers a TikTok Shop seller can name when shipping an order themselves, per site,
 * as trackline code → the provider's name (first) and other spellings it may be listed under.
 *
 * Why names and not ids: a `shipping_provider_id` is a numeric string TikTok Shop hands out per
 * delivery option (Get Shipping Providers, GET /logistics/202309/delivery_options/{id}/
 * shipping_providers); there is no public, stable list of ids. So this table holds names, and
 * the client resolves the name to the id of the order's own delivery option at upload time.
 *
 * Where the names come from: a hand-written starting point, not fetched from TikTok Shop. The UK
 * row follows the approved seller-shipping carriers an integrator's notes quote from TikTok
 * Shop's UK seller guidance (Royal Mail, Evri, DPD, Yodel, Amazon Logistics, Parcelforce, DHL
 * UK...), limited to carriers trackline knows; the US and SEA rows are the national carriers,
 * J&T and the cross-border forwarders, from general knowledge. Names are matched without case or
 * punctuation; one TikTok spells differently ends as CARRIER_NOT_OFFERED, listing the names TikTok
 * does offer, never as a wrong upload.
 */
const CROSS_BORDER: Readonly<Record<string, readonly string[]>> = {
  yunexpress: ["YunExpress", "Yun Express"],
  "4px": ["4PX"],
  yanwen: ["Yanwen"],
  "china-post": ["China Post"],
  cainiao: ["Cainiao"],
};

const BY_SITE: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  US: {
    usps: ["USPS"],
    ups: ["UPS"],
    fedex: ["FedEx"],
    dhl: ["DHL eCommerce", "DHL"],
    "dhl-ecommerce": ["DHL eCommerce"],
    ontrac: ["OnTrac"],
    lasership: ["LaserShip"],
    amazon: ["Amazon Logistics", "Amazon Shipping"],
    ...CROSS_BORDER,
  },
  UK: {
    "royal-mail": ["Royal Mail"],
    dpd: ["DPD"],
    yodel: ["Yodel"],
    amazon: ["Amazon Logistics"],
    dhl: ["DHL UK", "DHL"],
    ups: ["UPS"],
    fedex: ["FedEx"],
    ...CROSS_BORDER,
  },
  SG: { "singapore-post": ["SingPost", "Singapore Post"], "jt-express": ["J&T Express"] },
  TH: { "thailand-post": ["Thailand Post"], "jt-express": ["J&T Express"] },
  MY: { "jt-express": ["J&T Express"] },
  ID: { "jt-express": ["J&T Express"] },
  VN: { "jt-express": ["J&T Express"] },
  PH: { "jt-express": ["J&T Express"] },
};

/** The names a trackline carrier may carry in TikTok Shop's provider list on a site. */
export function tiktokProviderNames(siteCode: string, carrier: string): readonly string[] | null {
  const names = Object.hasOwn(BY_SITE, siteCode) ? BY_SITE[siteCode] : undefined;
  return names && Object.hasOwn(names, carrier) ? (names[carrier] ?? null) : null;
}

/** TikTok Shop's name for a trackline carrier on a site; null when it is not on the list. */
export function tiktokCarrierCode(site: Site, carrier: string): string | null {
  return tiktokProviderNames(site.code, carrier)?.[0] ?? null;
}

/** Provider names compared as TikTok lists them: no case, spaces or punctuation. */
export function sameProviderName(a: string, b: string): boolean {
  const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return norm(a) !== "" && norm(a) === norm(b);
}
