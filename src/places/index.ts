import { countryCentroids } from "./country-centroids.ts";
import {
  readAdmin1Names,
  readCountryTopology,
  readNumericToAlpha2,
  withCities,
} from "./gazetteer-source.ts";
import { PlaceIndex } from "./place-index.ts";

export { foldName } from "./fold-name.ts";
export { readCountryTopology } from "./gazetteer-source.ts";
export { geocode } from "./geocode.ts";
export { PlaceIndex } from "./place-index.ts";

/** Reads the gazetteer packages and indexes them: 0.4-1 s on 2 cores, see bench/README.md. */
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
 * The process's place index. The first call builds it on a later turn of the event loop, so a
 * caller (warmPlaces at start-up) never waits for it; the build itself is synchronous and holds
 * the loop once for its duration, which a request arriving then waits out.
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
