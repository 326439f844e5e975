// The members of d3-geo and topojson-client the live map's base map uses, beside those declared
// in src/places/vendor-modules.d.ts (ambient declarations of one module merge).

declare module "d3-geo" {
  export interface GeoSphere {
    type: "Sphere";
  }
  export interface GeoProjection {
    (point: [number, number]): [number, number] | null;
    fitWidth(width: number, object: GeoSphere): GeoProjection;
    fitExtent(extent: [[number, number], [number, number]], object: GeoSphere): GeoProjection;
    scale(): number;
    scale(scale: number): GeoProjection;
    translate(): [number, number];
    translate(translate: [number, number]): GeoProjection;
  }
  export interface GeoPathGenerator {
    (object: unknown): string | null;
    digits(digits: number): GeoPathGenerator;
    bounds(object: unknown): [[number, number], [number, number]];
  }
  export function geoEqualEarth(): GeoProjection;
  export function geoPath(projection: GeoProjection): GeoPathGenerator;
}

declare module "topojson-client" {
  export function mesh(
    topology: unknown,
    object: unknown,
    filter?: (a: unknown, b: unknown) => boolean,
  ): unknown;
}
