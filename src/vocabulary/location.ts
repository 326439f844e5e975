/** Where a scan happened; every member is optional because carriers report what they have. */
export interface EventLocation {
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}
