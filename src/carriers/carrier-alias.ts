/**
 * Our carrier codes for names that aggregators spell their own way (AfterShip slugs,
 * EasyPost carrier names, 17TRACK provider names). Unknown names fall back to a
 * lowercase-kebab of the name so the event still names the real carrier.
 */
const ALIASES: Readonly<Record<string, string>> = {
  usps: "usps",
  "united-states-postal-service": "usps",
  ups: "ups",
  "ups-mail-innovations": "ups",
  fedex: "fedex",
  "fed-ex": "fedex",
  "fed-ex-smart-post": "fedex",
  "fedex-smartpost": "fedex",
  dhl: "dhl",
  "dhl-express": "dhl",
  "dhl-global-mail": "dhl-ecommerce",
  "dhl-ecommerce": "dhl-ecommerce",
  "dhl-ecommerce-us": "dhl-ecommerce",
  "dhl-ecommerce-solutions": "dhl-ecommerce",
  "china-post": "china-post",
  chinapost: "china-post",
  "china-ems": "china-ems",
  "china-ems-epacket": "china-ems",
  ems: "china-ems",
  yunexpress: "yunexpress",
  "yun-express": "yunexpress",
  cainiao: "cainiao",
  "4px": "4px",
  "4-px": "4px",
  yanwen: "yanwen",
  "singapore-post": "singapore-post",
  singpost: "singapore-post",
  "royal-mail": "royal-mail",
  royalmail: "royal-mail",
  "japan-post": "japan-post",
  japanpost: "japan-post",
  "australia-post": "australia-post",
  auspost: "australia-post",
  "canada-post": "canada-post",
  canadapost: "canada-post",
  amazon: "amazon",
  "amazon-shipping": "amazon",
  "amazon-logistics": "amazon",
  amazonshipping: "amazon",
};

/** "DHLExpress" -> "dhl-express", "China Post" -> "china-post". */
export function kebab(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Our carrier code for an aggregator's slug or display name. */
export function carrierCodeFromName(name: string): string {
  const key = kebab(name);
  return ALIASES[key] ?? key;
}
