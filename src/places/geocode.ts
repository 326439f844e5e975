import type { Coordinates, EventLocation, GeoPrecision } from "../vocabulary/index.ts";
import type { PlaceIndex } from "./place-index.ts";
import type { LonLat } from "./sphere-mean.ts";

/**
 * Where a reported location is on the map, as precisely as it can be said (decision 039):
 * - the carrier's own coordinates, EXACT;
 * - the city in its country, CITY: namesakes are told apart by the region when one is given,
 *   else the most populous wins (Springfield, US -> Springfield, MO unless the region says IL);
 * - the region's population-weighted centre, REGION, when the city is unknown, or lies in
 *   another region than the one reported (one of the two is wrong; the region is the coarser);
 * - the country's centroid, COUNTRY;
 * - null without a country code the index knows (a city name alone is too ambiguous).
 */
export function geocode(index: PlaceIndex, location: EventLocation): Coordinates | null {
  const { latitude, longitude } = location;
  if (latitude != null && longitude != null) return { latitude, longitude, precision: "EXACT" };
  const country = location.countryCode?.trim().toUpperCase();
  if (!country) return null;
  const regionCode = location.region ? index.regionCode(country, location.region) : null;
  const cities = location.city ? index.cities(country, location.city) : [];
  const city = regionCode ? cities.find((hit) => hit.regionCode === regionCode) : cities[0];
  if (city) return point(city.at, "CITY");
  const region = regionCode && index.regionCentre(country, regionCode);
  if (region) return point(region, "REGION");
  const centre = index.countryCentre(country);
  return centre ? point(centre, "COUNTRY") : null;
}

/** Rounded to 5 decimals (about a metre), as the gazetteer holds its cities. */
function point([longitude, latitude]: LonLat, precision: GeoPrecision): Coordinates {
  const round = (degrees: number) => Math.round(degrees * 1e5) / 1e5;
  return { latitude: round(latitude), longitude: round(longitude), precision };
}
