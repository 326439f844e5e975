// The few members of these untyped packages that src/places uses (their @types would add three
// dev dependencies for four functions).

declare module "d3-geo" {
  export interface GeoPolygon {
    type: "Polygon";
    coordinates: number[][][];
  }
  export function geoArea(object: GeoPolygon): number;
  export function geoCentroid(object: GeoPolygon): [number, number];
}

declare module "topojson-client" {
  export interface CountryGeometry {
    type: "Polygon" | "MultiPolygon" | null;
    coordinates: number[][][] | number[][][][];
  }
  export function feature(
    topology: unknown,
    object: unknown,
  ): { features: { id?: string; geometry: CountryGeometry | null }[] };
}
