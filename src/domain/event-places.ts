import { geocode, type PlaceIndex, placeIndex } from "../places/index.ts";
import type { Coordinates, EventLocation, GeoPrecision } from "../vocabulary/index.ts";

/** Where a stored event happened: the columns the timeline, route and map read. */
export interface StoredPlace {
  city: string | null;
  region: string | null;
  postalCode: string | null;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision | null;
}

/** The place columns to store for a reported location, coordinates included when known. */
export function placeColumns(
  location: EventLocation | null,
  index: PlaceIndex | null,
): StoredPlace {
  const coordinates = location && index ? geocode(index, location) : null;
  return {
    city: location?.city ?? null,
    region: location?.region ?? null,
    postalCode: location?.postalCode ?? null,
    countryCode: location?.countryCode ?? null,
    latitude: coordinates?.latitude ?? null,
    longitude: coordinates?.longitude ?? null,
    geoPrecision: coordinates?.precision ?? null,
  };
}

/** The place index, read only when some event names a place (a bare status costs nothing). */
export function placeIndexFor(locations: readonly (EventLocation | null)[]) {
  return locations.some((location) => location) ? placeIndex() : Promise.resolve(null);
}

/** Whether the carrier said anything about where (a timeline entry then has a location). */
export function hasPlace(place: StoredPlace): boolean {
  return (
    Boolean(place.city || place.region || place.postalCode || place.countryCode) ||
    place.latitude != null
  );
}

/**
 * A stored event's coordinates. Rows stored before geocoding existed (geoPrecision null, no
 * coordinates) are geocoded as they are read, not rewritten: the read path stays one SELECT.
 */
export async function storedCoordinates(place: StoredPlace): Promise<Coordinates | null> {
  const { latitude, longitude, geoPrecision } = place;
  if (latitude != null && longitude != null) {
    return { latitude, longitude, precision: geoPrecision ?? "EXACT" };
  }
  if (geoPrecision || !hasPlace(place)) return null;
  return geocode(await placeIndex(), place);
}
