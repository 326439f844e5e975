/**
 * How a person's typed number is matched to a stored one: spaces, dashes and invisible
 * characters dropped, upper-cased. Stored numbers went through the full validator already.
 */
export function trackingNumberKey(trackingNumber: string): string {
  return trackingNumber.replace(/[\s\-\u00ad\u200b-\u200d\u2060\ufeff]/g, "").toUpperCase();
}
