import { type GeoPolygon, geoArea, geoCentroid } from "d3-geo";
import { type CountryGeometry, feature } from "topojson-client";
import type { LonLat } from "./sphere-mean.ts";

/**
 * Each country's centroid from Natural Earth's outlines, keyed by ISO alpha-2. A country of
 * several polygons gets the centroid of its largest: France's lies in France rather than being
 * pulled towards French Guiana, the United States' in Kansas rather than towards Alaska.
 * Features without an ISO code (Kosovo, Somaliland, N. Cyprus) are left out.
 */
export function countryCentroids(
  topology: { objects: { countries: unknown } },
  numericToAlpha2: ReadonlyMap<string, string>,
): Map<string, LonLat> {
  const centroids = new Map<string, LonLat>();
  for (const country of feature(topology, topology.objects.countries).features) {
    const alpha2 = country.id ? numericToAlpha2.get(country.id) : undefined;
    const main = country.geometry && largestPolygon(country.geometry);
    if (alpha2 && main) centroids.set(alpha2, geoCentroid(main));
  }
  return centroids;
}

function largestPolygon(geometry: CountryGeometry): GeoPolygon | null {
  if (geometry.type === "Polygon") {
    return { type: "Polygon", coordinates: geometry.coordinates as number[][][] };
  }
  if (geometry.type !== "MultiPolygon") return null;
  let largest: GeoPolygon | null = null;
  let largestArea = -1;
  for (const rings of geometry.coordinates as number[][][][]) {
    const polygon: GeoPolygon = { type: "Polygon", coordinates: rings };
    const area = geoArea(polygon);
    if (area > largestArea) [largest, largestArea] = [polygon, area];
  }
  return largest;
}
