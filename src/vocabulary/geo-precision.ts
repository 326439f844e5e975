/**
 * How precisely a place's coordinates are known, finest first: EXACT as the carrier reported
 * them, else geocoded from the gazetteer to a city, a first-level region, or a country.
 */
export const GEO_PRECISIONS = ["EXACT", "CITY", "REGION", "COUNTRY"] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/** A point on the map and how far to trust it. */
export interface Coordinates {
  latitude: number;
  longitude: number;
  precision: GeoPrecision;
}
