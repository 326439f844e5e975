import { foldName } from "./fold-name.ts";
import type { Admin1Name, GazetteerCity } from "./gazetteer-source.ts";
import { type LonLat, sphereMean } from "./sphere-mean.ts";

/** A city the index knows under a name, with the first-level region it lies in. */
export interface CityHit {
  at: LonLat;
  /** GeoNames admin1 code within the country. */
  regionCode: string;
  population: number;
}

/** What the index is built from: the gazetteer's cities, region names and country centroids. */
export interface PlaceSources {
  cities: readonly GazetteerCity[];
  admin1Names: readonly Admin1Name[];
  countryCentroids: ReadonlyMap<string, LonLat>;
}

// Words carriers add to or drop from a region's name ("Ranong province", "Guangdong Sheng").
const GENERIC_REGION_WORD = /\s(province|prefecture|state|region|sheng|shi)$/;

// Small towns still count a little: a seat of government of 0 recorded people is a place too.
const MIN_WEIGHT = 1000;

/**
 * The gazetteer boiled down to lookups. Cities live in columns (typed arrays), reached through
 * one Map from "CC|folded name" to their row(s); the raw city objects are not kept.
 */
export class PlaceIndex {
  private readonly byName = new Map<string, number | number[]>();
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly population: Uint32Array;
  private readonly regionOf: Uint16Array;
  /** "CC|admin1 code" of every region met, by the number regionOf holds. */
  private readonly regionKeys: string[] = [];
  private readonly regionCentres = new Map<string, LonLat>();
  /** "CC|folded name or code" -> admin1 code. */
  private readonly regionNames = new Map<string, string>();
  private readonly countryCentres: ReadonlyMap<string, LonLat>;

  constructor(sources: PlaceSources) {
    const { cities } = sources;
    this.lon = new Float64Array(cities.length);
    this.lat = new Float64Array(cities.length);
    this.population = new Uint32Array(cities.length);
    this.regionOf = new Uint16Array(cities.length);
    const regionNumbers = new Map<string, number>();
    cities.forEach((city, row) => {
      [this.lon[row], this.lat[row]] = city.loc.coordinates;
      this.population[row] = city.population;
      const regionKey = `${city.country}|${city.adminCode}`;
      let region = regionNumbers.get(regionKey);
      if (region === undefined) {
        region = this.regionKeys.push(regionKey) - 1;
        regionNumbers.set(regionKey, region);
      }
      this.regionOf[row] = region;
      const key = `${city.country}|${foldName(city.name)}`;
      const rows = this.byName.get(key);
      if (rows === undefined) this.byName.set(key, row);
      else if (typeof rows === "number") this.byName.set(key, [rows, row]);
      else rows.push(row);
    });
    this.buildRegions(sources.admin1Names);
    this.countryCentres = withCityCentres(sources.countryCentroids, cities);
  }

  /** Cities of a country spelled `name` (accents and case aside), most populous first. */
  cities(country: string, name: string): CityHit[] {
    const rows = this.byName.get(`${country}|${foldName(name)}`);
    if (rows === undefined) return [];
    const hits = (typeof rows === "number" ? [rows] : rows).map((row) => ({
      at: [this.lon[row]!, this.lat[row]!] as const,
      regionCode: this.regionKeys[this.regionOf[row]!]!.slice(country.length + 1),
      population: this.population[row]!,
    }));
    return hits.sort((a, b) => b.population - a.population);
  }

  /** The admin1 code a carrier's region means: its code ("IL", "US-IL") or its name ("Bavaria"). */
  regionCode(country: string, region: string): string | null {
    const folded = foldName(region);
    const bare = folded.startsWith(`${country.toLowerCase()} `)
      ? folded.slice(country.length + 1)
      : folded;
    return (
      this.regionNames.get(`${country}|${bare}`) ??
      this.regionNames.get(`${country}|${bare.replace(GENERIC_REGION_WORD, "")}`) ??
      null
    );
  }

  /** A region's centre: its cities' coordinates weighted by their population. */
  regionCentre(country: string, code: string): LonLat | null {
    return this.regionCentres.get(`${country}|${code}`) ?? null;
  }

  countryCentre(country: string): LonLat | null {
    return this.countryCentres.get(country) ?? null;
  }

  private buildRegions(admin1Names: readonly Admin1Name[]): void {
    const members = new Map<string, { at: LonLat; weight: number }[]>();
    this.regionOf.forEach((region, row) => {
      const key = this.regionKeys[region]!;
      const list = members.get(key) ?? [];
      list.push({
        at: [this.lon[row]!, this.lat[row]!],
        weight: Math.max(this.population[row]!, MIN_WEIGHT),
      });
      members.set(key, list);
    });
    for (const [key, points] of members) {
      const centre = sphereMean(points);
      if (centre) this.regionCentres.set(key, centre);
      const [country, code] = key.split("|") as [string, string];
      if (code) this.regionNames.set(`${country}|${foldName(code)}`, code);
    }
    for (const { code: qualified, name } of admin1Names) {
      const [country, code] = qualified.split(".") as [string, string];
      const folded = foldName(name);
      this.regionNames.set(`${country}|${folded}`, code);
      this.regionNames.set(`${country}|${folded.replace(GENERIC_REGION_WORD, "")}`, code);
    }
  }
}

/** Natural Earth's centroids, and for a country it has no outline for, its cities' centre. */
function withCityCentres(
  centroids: ReadonlyMap<string, LonLat>,
  cities: readonly GazetteerCity[],
): Map<string, LonLat> {
  const missing = new Map<string, { at: LonLat; weight: number }[]>();
  for (const city of cities) {
    if (centroids.has(city.country)) continue;
    const list = missing.get(city.country) ?? [];
    list.push({ at: city.loc.coordinates, weight: Math.max(city.population, MIN_WEIGHT) });
    missing.set(city.country, list);
  }
  const centres = new Map(centroids);
  for (const [country, points] of missing) {
    const centre = sphereMean(points);
    if (centre) centres.set(country, centre);
  }
  return centres;
}
