// The few members of these untyped packages that src/places uses (their @types would add three
// dev dependencies for four functions).

declare module "d3-geo" {
  export interface GeoPolygon {
    type: "Polygon";
    coordinates: number[][][];
  }
  export function geoArea(object: GeoPolygon): number;
  export function geoCentroid(object: GeoPolygon): [number, number];
  /** A projection (the tracking page's map): only the members it calls. */
  export interface GeoProjection {
    (point: [number, number]): [number, number] | null;
    rotate(angles: [number, number]): GeoProjection;
    fitExtent(extent: [[number, number], [number, number]], object: unknown): GeoProjection;
    clipExtent(extent: [[number, number], [number, number]]): GeoProjection;
  }
  export function geoNaturalEarth1(): GeoProjection;
  export interface GeoPathGenerator {
    (object: unknown): string | null;
    digits(digits: number): GeoPathGenerator;
  }
  export function geoPath(projection: GeoProjection): GeoPathGenerator;
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
