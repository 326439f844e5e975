import type { Site } from "../types.ts";

/**
 * Carriers whose tracking Shopee follows, per site, as trackline code → the name Shopee shows.
 *
 * Where this comes from, honestly: Shopee's Open Platform has no endpoint that lists the carriers
 * a non-integrated ("seller's own") channel accepts; `ship_order` takes a bare tracking number.
 * This table is a hand-written starting point: the international posts and forwarders Shopee's
 * cross-border sellers (CNSC, KRSC, SIP) commonly ship with, plus carriers known to operate on
 * each site (J&T, SingPost, Thailand Post), limited to carriers trackline knows. It was written
 * from general knowledge, not checked against Shopee's seller pages (unreachable from here), and
 * is not exhaustive: a carrier missing here still uploads, since non-integrated channels take
 * any number; null only means we do not claim Shopee follows its tracking on that site.
 */
const CROSS_BORDER: Readonly<Record<string, string>> = {
  "china-post": "China Post",
  "china-ems": "China EMS",
  yunexpress: "YunExpress",
  yanwen: "Yanwen",
  "4px": "4PX",
  cainiao: "Cainiao",
  "sf-express": "SF Express",
  "japan-post": "Japan Post",
  "korea-post": "Korea Post",
  dhl: "DHL Express",
  ups: "UPS",
  fedex: "FedEx",
};

const LOCAL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  SG: { "singapore-post": "SingPost", "jt-express": "J&T Express" },
  MY: { "jt-express": "J&T Express" },
  TH: { "thailand-post": "Thailand Post", "jt-express": "J&T Express" },
  VN: { "jt-express": "J&T Express" },
  PH: { "jt-express": "J&T Express" },
  TW: {},
  ID: { "jt-express": "J&T Express" },
  BR: { "jt-express": "J&T Express" },
  MX: { "jt-express": "J&T Express" },
};

/** The carrier names Shopee follows on a site, by trackline code. */
export function shopeeCarriers(siteCode: string): Readonly<Record<string, string>> {
  return { ...CROSS_BORDER, ...(LOCAL[siteCode] ?? {}) };
}

/** Shopee's name for a trackline carrier on a site; null when its tracking is not followed there. */
export function shopeeCarrierCode(site: Site, carrier: string): string | null {
  const carriers = shopeeCarriers(site.code);
  // Own keys only: "constructor" is not a carrier.
  return Object.hasOwn(carriers, carrier) ? (carriers[carrier] ?? null) : null;
}
