import { beforeAll, describe, expect, it } from "vitest";
import type { EventLocation } from "../vocabulary/index.ts";
import { foldName } from "./fold-name.ts";
import { buildPlaceIndex, geocode, type PlaceIndex } from "./index.ts";
import { sphereMean } from "./sphere-mean.ts";

// The real gazetteer: the test is about what the shipped data answers.
let index: PlaceIndex;
beforeAll(() => {
  index = buildPlaceIndex();
});

const at = (location: EventLocation) => geocode(index, location);

/** Distance in km between two points, to compare with places known independently. */
function km(a: { latitude: number; longitude: number }, b: [number, number]): number {
  const rad = Math.PI / 180;
  const [lat1, lat2] = [a.latitude * rad, b[0] * rad];
  const dLat = lat2 - lat1;
  const dLon = (b[1] - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe("foldName", () => {
  it("folds accents, case and punctuation, and leaves scripts without them alone", () => {
    expect(foldName("São Paulo")).toBe("sao paulo");
    expect(foldName("ZÜRICH")).toBe("zurich");
    expect(foldName("  St.-Gallen ")).toBe("st gallen");
    expect(foldName("東京")).toBe("東京");
  });
});

describe("geocode", () => {
  it("places cities of several countries whatever their accents and case", () => {
    const cases: [EventLocation, [number, number]][] = [
      [{ city: "Sao Paulo", countryCode: "BR" }, [-23.55, -46.63]],
      [{ city: "são paulo", countryCode: "br" }, [-23.55, -46.63]],
      [{ city: "ZURICH", countryCode: "CH" }, [47.37, 8.54]],
      [{ city: "Zürich", countryCode: "CH" }, [47.37, 8.54]],
      [{ city: "Tokyo", countryCode: "JP" }, [35.68, 139.69]],
      [{ city: "Shenzhen", region: "Guangdong", countryCode: "CN" }, [22.54, 114.06]],
      [{ city: "Chiang Mai", countryCode: "TH" }, [18.79, 98.98]],
    ];
    for (const [location, truth] of cases) {
      const found = at(location);
      expect(found?.precision, JSON.stringify(location)).toBe("CITY");
      expect(km(found!, truth), JSON.stringify(location)).toBeLessThan(10);
    }
  });

  it("does not know names in another script: the gazetteer holds no alternate names", () => {
    // 東京 falls back to Japan's centroid, as any unknown city of a known country does.
    expect(at({ city: "東京", countryCode: "JP" })?.precision).toBe("COUNTRY");
  });

  it("tells namesakes apart by the region, given as a code, an ISO 3166-2 code or a name", () => {
    const illinois = at({ city: "Springfield", region: "IL", countryCode: "US" })!;
    const massachusetts = at({ city: "Springfield", region: "Massachusetts", countryCode: "US" })!;
    expect(km(illinois, [39.8, -89.64])).toBeLessThan(10);
    expect(km(massachusetts, [42.1, -72.59])).toBeLessThan(10);
    expect(at({ city: "Springfield", region: "US-MA", countryCode: "US" })).toEqual(massachusetts);
    expect(at({ city: "springfield", region: "ma", countryCode: "US" })).toEqual(massachusetts);
    // No region: the most populous namesake (Springfield, Missouri).
    expect(km(at({ city: "Springfield", countryCode: "US" })!, [37.21, -93.3])).toBeLessThan(10);
  });

  it("falls back to the region's population-weighted centre when the city is unknown", () => {
    const guangdong = at({ city: "Nowhere-on-Map", region: "Guangdong", countryCode: "CN" })!;
    expect(guangdong.precision).toBe("REGION");
    // Between Guangzhou and Shenzhen, where most of the province lives.
    expect(km(guangdong, [23.13, 113.26])).toBeLessThan(120);
    const bavaria = at({ region: "Bavaria", countryCode: "DE" })!;
    expect(bavaria.precision).toBe("REGION");
    expect(km(bavaria, [48.9, 11.4])).toBeLessThan(120);
  });

  it("trusts the region over a city of the same name elsewhere", () => {
    // There is no Springfield in Alaska: a wrong city or a wrong region, and the region is coarser.
    const found = at({ city: "Springfield", region: "AK", countryCode: "US" })!;
    expect(found.precision).toBe("REGION");
    expect(km(found, [61.2, -149.9])).toBeLessThan(800);
  });

  it("falls back to the country's centroid, on its main land", () => {
    const france = at({ city: "Atlantis", countryCode: "FR" })!;
    expect(france.precision).toBe("COUNTRY");
    expect(km(france, [46.6, 2.4])).toBeLessThan(100);
    const us = at({ countryCode: "US" })!;
    expect(km(us, [39.8, -98.6])).toBeLessThan(200);
    // Small places have outlines at 1:50m too.
    expect(at({ countryCode: "SG" })?.precision).toBe("COUNTRY");
    expect(at({ countryCode: "HK" })?.precision).toBe("COUNTRY");
  });

  it("places nothing without a country it knows", () => {
    expect(at({ city: "Paris" })).toBeNull();
    expect(at({ city: "Paris", countryCode: "XX" })).toBeNull();
  });

  it("keeps the carrier's own coordinates, exactly", () => {
    expect(
      at({ city: "Los Angeles", countryCode: "US", latitude: 33.9425, longitude: -118.40807 }),
    ).toEqual({ latitude: 33.9425, longitude: -118.40807, precision: "EXACT" });
  });
});

describe("sphereMean", () => {
  it("averages across the antimeridian near it, not near Greenwich", () => {
    const [lon, lat] = sphereMean([
      { at: [179, -17], weight: 1 },
      { at: [-179, -17], weight: 1 },
    ])!;
    expect(Math.abs(Math.abs(lon) - 180)).toBeLessThan(1e-9);
    expect(lat).toBeCloseTo(-17, 1);
  });
});
