/** A carrier as declared here: our stored code, display name and tracking page template. */
export interface CarrierDeclaration {
  code: string;
  name: string;
  /** `%s` is replaced by the URL-encoded number; null when there is no stable deep link. */
  trackingUrl: string | null;
}

/**
 * Carriers in tie-break order: when two formats are equally specific, the carrier listed first
 * wins. Cross-border channels come first because that is what trackline's sellers ship with.
 */
export const CARRIER_DECLARATIONS: readonly CarrierDeclaration[] = [
  { code: "ups", name: "UPS", trackingUrl: "https://www.ups.com/track?tracknum=%s" },
  {
    code: "usps",
    name: "USPS",
    trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=%s",
  },
  { code: "fedex", name: "FedEx", trackingUrl: "https://www.fedex.com/fedextrack/?trknbr=%s" },
  {
    code: "dhl",
    name: "DHL Express",
    trackingUrl: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=%s",
  },
  {
    code: "dhl-ecommerce",
    name: "DHL eCommerce",
    trackingUrl:
      "https://www.dhl.com/global-en/home/tracking/tracking-ecommerce.html?tracking-id=%s",
  },
  { code: "amazon", name: "Amazon Logistics", trackingUrl: "https://track.amazon.com/tracking/%s" },
  { code: "china-post", name: "China Post", trackingUrl: null },
  { code: "china-ems", name: "China EMS", trackingUrl: null },
  {
    code: "yunexpress",
    name: "YunExpress",
    trackingUrl: "https://www.yuntrack.com/parcelTracking?id=%s",
  },
  { code: "yanwen", name: "Yanwen", trackingUrl: "https://track.yw56.com.cn/en/querydel?nums=%s" },
  { code: "4px", name: "4PX", trackingUrl: "https://track.4px.com/#/result/0/%s" },
  {
    code: "cainiao",
    name: "Cainiao",
    trackingUrl: "https://global.cainiao.com/newDetail.htm?mailNoList=%s",
  },
  {
    code: "sf-express",
    name: "SF Express",
    trackingUrl: "https://www.sf-express.com/chn/en/waybill/waybill-detail/%s",
  },
  { code: "jt-express", name: "J&T Express", trackingUrl: null },
  {
    code: "royal-mail",
    name: "Royal Mail",
    trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/%s",
  },
  {
    code: "dhl-paket",
    name: "DHL Paket",
    trackingUrl: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=%s",
  },
  {
    code: "deutsche-post",
    name: "Deutsche Post",
    trackingUrl: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=%s",
  },
  {
    code: "colissimo",
    name: "Colissimo",
    trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=%s",
  },
  {
    code: "la-poste",
    name: "La Poste",
    trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=%s",
  },
  {
    code: "canada-post",
    name: "Canada Post",
    trackingUrl: "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=%s",
  },
  {
    code: "australia-post",
    name: "Australia Post",
    trackingUrl: "https://auspost.com.au/mypost/track/details/%s",
  },
  {
    code: "japan-post",
    name: "Japan Post",
    trackingUrl:
      "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=%s&locale=en",
  },
  { code: "korea-post", name: "Korea Post", trackingUrl: null },
  {
    code: "singapore-post",
    name: "Singapore Post",
    trackingUrl: "https://www.singpost.com/track-items?trackingid=%s",
  },
  {
    code: "thailand-post",
    name: "Thailand Post",
    trackingUrl: "https://track.thailandpost.co.th/?trackNumber=%s",
  },
  { code: "upu-s10", name: "National post (UPU S10)", trackingUrl: null },
  {
    code: "dpd",
    name: "DPD",
    trackingUrl: "https://www.dpdgroup.com/nl/mydpd/my-parcels/track?lang=en&parcelNumber=%s",
  },
  { code: "yodel", name: "Yodel", trackingUrl: "https://www.yodel.co.uk/tracking/%s" },
  { code: "ontrac", name: "OnTrac", trackingUrl: "https://www.ontrac.com/tracking/?number=%s" },
  { code: "lasership", name: "LaserShip", trackingUrl: null },
  {
    code: "purolator",
    name: "Purolator",
    trackingUrl: "https://www.purolator.com/en/shipping/tracker?searchValue=%s",
  },
  {
    code: "canpar",
    name: "Canpar",
    trackingUrl: "https://www.canpar.com/en/track/tracking.jsp?reference=%s&locale=en",
  },
  {
    code: "landmark-global",
    name: "Landmark Global",
    trackingUrl: "https://track.landmarkglobal.com/?search=%s",
  },
  {
    code: "gofo",
    name: "GOFO Express",
    trackingUrl: "https://www.gofoexpress.com/tracking.html?searchID=%s",
  },
  {
    code: "speedee",
    name: "Spee-Dee Delivery",
    trackingUrl: "https://www.speedeedelivery.com/track/?tracking=%s",
  },
  {
    code: "old-dominion",
    name: "Old Dominion Freight Line",
    trackingUrl:
      "https://www.odfl.com/us/en/tools/trace-track-ltl-freight/trace.html?proNumbers=%s",
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
