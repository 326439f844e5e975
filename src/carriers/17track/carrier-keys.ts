import { carrierCodeFromName } from "../carrier-alias.ts";

/**
 * 17TRACK numeric carrier keys for the carriers sellers use most. Keys not listed
 * here resolve through the provider's name (carrierCodeFromName), so an unknown key
 * still yields the real carrier, e.g. "Singapore Post" -> "singapore-post".
 */
export const SEVENTEEN_TRACK_CARRIER_KEYS: Readonly<Record<string, string>> = {
  "21051": "usps",
  "100001": "dhl",
  "100002": "ups",
  "100003": "fedex",
  "3011": "china-post",
  "3013": "china-ems",
  "190008": "yunexpress",
  "190271": "cainiao",
  "190094": "4px",
  "190012": "yanwen",
  "11031": "royal-mail",
  "10021": "japan-post",
  "1151": "australia-post",
  "3041": "canada-post",
};

export function carrierCodeFromSeventeenTrack(
  key: string | undefined,
  name?: string,
): string | null {
  const byKey = key ? SEVENTEEN_TRACK_CARRIER_KEYS[key] : undefined;
  if (byKey) return byKey;
  if (name) return carrierCodeFromName(name);
  return key ? `17track-${key}` : null;
}
