/** A carrier as declared here: our stored code, display name and tracking page template. */
export interface CarrierDeclaration {
  code: string;
  name: string;
  /** `%s` is replaced by the URL-encoded number; null when there is no stable deep link. */
  trackingUrl: string | null;
  /**
   * ISO 3166-1 alpha-2 codes of the countries where the carrier collects and delivers parcels
   * in its own network, or "worldwide" for the integrators; detection ranks a carrier that
   * operates in the shipment's origin (then destination) country above an equally plausible
   * one that does not. Absent: no claim either way (the S10 catch-all, whose country is in
   * the number itself).
   */
  countries?: readonly string[] | "worldwide";
}

/**
 * Carriers in tie-break order: when two formats are equally specific, the carrier listed first
 * wins. Cross-border channels come first because that is what trackline's sellers ship with.
 */
export const CARRIER_DECLARATIONS: readonly CarrierDeclaration[] = [
  {
    code: "ups",
    name: "UPS",
    trackingUrl: "https://www.ups.com/track?tracknum=%s",
    countries: "worldwide",
  },
  {
    code: "usps",
    name: "USPS",
    trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=%s",
    countries: ["US", "PR", "GU", "VI", "AS", "MP"],
  },
  {
    code: "fedex",
    name: "FedEx",
    trackingUrl: "https://www.fedex.com/fedextrack/?trknbr=%s",
    countries: "worldwide",
  },
  {
    code: "dhl",
    name: "DHL Express",
    trackingUrl: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=%s",
    countries: "worldwide",
  },
  {
    code: "dhl-ecommerce",
    name: "DHL eCommerce",
    trackingUrl:
      "https://www.dhl.com/global-en/home/tracking/tracking-ecommerce.html?tracking-id=%s",
    countries: [
      "US",
      "CA",
      "GB",
      "DE",
      "NL",
      "BE",
      "ES",
      "PL",
      "CN",
      "HK",
      "SG",
      "TH",
      "MY",
      "IN",
      "VN",
      "AU",
    ],
  },
  {
    code: "amazon",
    name: "Amazon Logistics",
    trackingUrl: "https://track.amazon.com/tracking/%s",
    countries: ["US", "CA", "GB", "DE", "FR", "IT", "ES", "JP", "IN", "AU"],
  },
  { code: "china-post", name: "China Post", trackingUrl: null, countries: ["CN"] },
  { code: "china-ems", name: "China EMS", trackingUrl: null, countries: ["CN"] },
  {
    code: "yunexpress",
    name: "YunExpress",
    trackingUrl: "https://www.yuntrack.com/parcelTracking?id=%s",
    countries: ["CN"],
  },
  {
    code: "yanwen",
    name: "Yanwen",
    trackingUrl: "https://track.yw56.com.cn/en/querydel?nums=%s",
    countries: ["CN"],
  },
  {
    code: "4px",
    name: "4PX",
    trackingUrl: "https://track.4px.com/#/result/0/%s",
    countries: ["CN", "HK"],
  },
  {
    code: "cainiao",
    name: "Cainiao",
    trackingUrl: "https://global.cainiao.com/newDetail.htm?mailNoList=%s",
    countries: ["CN"],
  },
  {
    code: "sf-express",
    name: "SF Express",
    trackingUrl: "https://www.sf-express.com/chn/en/waybill/waybill-detail/%s",
    countries: ["CN", "HK", "MO", "TW"],
  },
  {
    code: "jt-express",
    name: "J&T Express",
    trackingUrl: null,
    countries: ["CN", "ID", "MY", "PH", "SG", "TH", "VN"],
  },
  {
    code: "royal-mail",
    name: "Royal Mail",
    trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/%s",
    countries: ["GB"],
  },
  {
    code: "dhl-paket",
    name: "DHL Paket",
    trackingUrl: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=%s",
    countries: ["DE"],
  },
  {
    code: "deutsche-post",
    name: "Deutsche Post",
    trackingUrl: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=%s",
    countries: ["DE"],
  },
  {
    code: "colissimo",
    name: "Colissimo",
    trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=%s",
    countries: ["FR"],
  },
  {
    code: "la-poste",
    name: "La Poste",
    trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=%s",
    countries: ["FR"],
  },
  {
    code: "canada-post",
    name: "Canada Post",
    trackingUrl: "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=%s",
    countries: ["CA"],
  },
  {
    code: "australia-post",
    name: "Australia Post",
    trackingUrl: "https://auspost.com.au/mypost/track/details/%s",
    countries: ["AU"],
  },
  {
    code: "japan-post",
    name: "Japan Post",
    trackingUrl:
      "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=%s&locale=en",
    countries: ["JP"],
  },
  { code: "korea-post", name: "Korea Post", trackingUrl: null, countries: ["KR"] },
  {
    code: "singapore-post",
    name: "Singapore Post",
    trackingUrl: "https://www.singpost.com/track-items?trackingid=%s",
    countries: ["SG"],
  },
  {
    code: "thailand-post",
    name: "Thailand Post",
    trackingUrl: "https://track.thailandpost.co.th/?trackNumber=%s",
    countries: ["TH"],
  },
  { code: "upu-s10", name: "National post (UPU S10)", trackingUrl: null },
  {
    code: "dpd",
    name: "DPD",
    trackingUrl: "https://www.dpdgroup.com/nl/mydpd/my-parcels/track?lang=en&parcelNumber=%s",
    countries: [
      "DE",
      "FR",
      "GB",
      "IE",
      "NL",
      "BE",
      "LU",
      "AT",
      "CH",
      "PL",
      "CZ",
      "SK",
      "HU",
      "SI",
      "HR",
      "PT",
      "ES",
      "EE",
      "LV",
      "LT",
      "RO",
      "BG",
    ],
  },
  {
    code: "yodel",
    name: "Yodel",
    trackingUrl: "https://www.yodel.co.uk/tracking/%s",
    countries: ["GB"],
  },
  {
    code: "ontrac",
    name: "OnTrac",
    trackingUrl: "https://www.ontrac.com/tracking/?number=%s",
    countries: ["US"],
  },
  { code: "lasership", name: "LaserShip", trackingUrl: null, countries: ["US"] },
  {
    code: "purolator",
    name: "Purolator",
    trackingUrl: "https://www.purolator.com/en/shipping/tracker?searchValue=%s",
    countries: ["CA"],
  },
  {
    code: "canpar",
    name: "Canpar",
    trackingUrl: "https://www.canpar.com/en/track/tracking.jsp?reference=%s&locale=en",
    countries: ["CA"],
  },
  {
    code: "landmark-global",
    name: "Landmark Global",
    trackingUrl: "https://track.landmarkglobal.com/?search=%s",
    countries: ["BE", "NL", "GB", "US", "CA", "AU"],
  },
  {
    code: "gofo",
    name: "GOFO Express",
    trackingUrl: "https://www.gofoexpress.com/tracking.html?searchID=%s",
    countries: ["US"],
  },
  {
    code: "speedee",
    name: "Spee-Dee Delivery",
    trackingUrl: "https://www.speedeedelivery.com/track/?tracking=%s",
    countries: ["US"],
  },
  {
    code: "old-dominion",
    name: "Old Dominion Freight Line",
    trackingUrl:
      "https://www.odfl.com/us/en/tools/trace-track-ltl-freight/trace.html?proNumbers=%s",
    countries: ["US", "CA"],
  },
];

/**
 * Dataset courier_code (or format id, which wins) -> our carrier code. "s10" is absent on
 * purpose: S10 numbers are assigned per issuing country (see s10-carriers.ts).
 */
export const DATASET_CARRIER_CODES: Readonly<Record<string, string>> = {
  amazon: "amazon",
  canada_post: "canada-post",
  canpar: "canpar",
  dhl: "dhl",
  dhl_ecommerce: "dhl-ecommerce",
  dhl_ecommerce_14: "dhl-ecommerce",
  dpd: "dpd",
  fedex: "fedex",
  gofo: "gofo",
  landmark: "landmark-global",
  lasership: "lasership",
  old_dominion: "old-dominion",
  ontrac: "ontrac",
  purolator: "purolator",
  speedee: "speedee",
  ups: "ups",
  usps: "usps",
  yodel: "yodel",
  yunexpress: "yunexpress",
};
