import type { Site } from "../types.ts";

/**
 * trackline carrier code → Amazon's `CarrierCode`, spelled as Amazon's feed schema (amzn-base.xsd,
 * simpleType CarrierCode) spells it; the shipmentConfirmation model takes the same values as a
 * plain string. Only carriers whose code we found in that list are here; any other goes out as
 * "Other" with its name, which Amazon always accepts, rather than a guess it may reject.
 * Amazon publishes one list for every marketplace, so the table is not split by site.
 */
export const AMAZON_CARRIER_CODES: Readonly<Record<string, string>> = {
  ups: "UPS",
  usps: "USPS",
  fedex: "FedEx",
  dhl: "DHL",
  // DHL eCommerce traded as DHL Global Mail, the name Amazon's list keeps for it.
  "dhl-ecommerce": "DHL Global Mail",
  // Amazon's list has one "DHL" for the brand; German sellers confirm DHL Paket parcels with it.
  "dhl-paket": "DHL",
  // A seller-fulfilled parcel reaches Amazon's own network through Amazon Shipping.
  amazon: "Amazon Shipping",
  "china-post": "China Post",
  yunexpress: "Yun Express",
  // Upper case, as in Amazon's list (not "Yanwen").
  yanwen: "YANWEN",
  "4px": "4PX",
  "sf-express": "SF Express",
  "royal-mail": "Royal Mail",
  "deutsche-post": "Deutsche Post",
  "la-poste": "La Poste",
  colissimo: "Colissimo",
  "canada-post": "Canada Post",
  "australia-post": "Australia Post",
  "japan-post": "Japan Post",
  "singapore-post": "Singapore Post",
  dpd: "DPD",
  yodel: "Yodel",
  ontrac: "OnTrac",
  // Lower-case s, as in Amazon's list.
  lasership: "Lasership",
};

/** Amazon's code for a trackline carrier; null sends "Other" with the carrier's name. */
export function amazonCarrierCode(_site: Site, carrier: string): string | null {
  return Object.hasOwn(AMAZON_CARRIER_CODES, carrier) ? AMAZON_CARRIER_CODES[carrier]! : null;
}
