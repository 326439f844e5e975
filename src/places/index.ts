import type { Coordinates, EventLocation } from "../vocabulary/index.ts";
import { countryCentroids } from "./country-centroids.ts";
import {
  readAdmin1Names,
  readCountryTopology,
  readNumericToAlpha2,
  withCities,
} from "./gazetteer-source.ts";
import { geocode } from "./geocode.ts";
import { PlaceIndex } from "./place-index.ts";

export { foldName } from "./fold-name.ts";
export { geocode } from "./geocode.ts";
export { PlaceIndex } from "./place-index.ts";

/** Reads the gazetteer packages and indexes them; ~0.3-0.5 s, see bench/README.md. */
export function buildPlaceIndex(): PlaceIndex {
  const centroids = countryCentroids(readCountryTopology(), readNumericToAlpha2());
  const admin1Names = readAdmin1Names();
  return withCities(
    (cities) => new PlaceIndex({ cities, admin1Names, countryCentroids: centroids }),
  );
}

// Immutable data like the carriers' code tables: one per process, built on first need.
let loaded: Promise<PlaceIndex> | null = null;

/**
 * The process's place index. The first call builds it after yielding to the event loop, so
 * a server can start it in the background (warmPlaces) and keep answering meanwhile.
 */
export function placeIndex(): Promise<PlaceIndex> {
  loaded ??= new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(buildPlaceIndex());
      } catch (error) {
        reject(error);
      }
    });
  });
  return loaded;
}

/** Starts building the index without waiting for it (server start-up). */
export function warmPlaces(): void {
  placeIndex().catch(() => {
    // A broken install fails the first geocode loudly; warming stays silent.
    loaded = null;
  });
}

/** Coordinates for a reported location (see geocode); null when it cannot be placed. */
export async function geocodeLocation(location: EventLocation): Promise<Coordinates | null> {
  return geocode(await placeIndex(), location);
}
