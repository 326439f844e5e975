import { geoEqualEarth, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import { readCountryTopology } from "../../places/index.ts";

/** The world drawn once, in the projection the page places its dots with (projection.js). */
export interface BaseMap {
  width: number;
  height: number;
  /** Equal Earth's scale and translation: what the page needs to project a point the same way. */
  scale: number;
  translate: [number, number];
  /** SVG path data: the globe's outline, the land, and the borders between countries. */
  sphere: string;
  land: string;
  borders: string;
}

/** viewBox width; the SVG scales to its box, so this sets detail, not size on screen. */
const WIDTH = 960;

/**
 * Natural Earth at 1:110m (world-atlas 2.0.2) in Equal Earth, paths rounded to a tenth of a unit:
 * about 60 KB of SVG, rendered once per process. Equal Earth keeps areas true and the world
 * recognisable, and its forward formula is a few lines the page can run itself.
 */
export function renderBaseMap(): BaseMap {
  const topology = readCountryTopology("110m");
  const sphere = { type: "Sphere" as const };
  // Fitted once for the height, then again inside a 1-unit margin so the outline is not clipped.
  const [, [, bottom]] = geoPath(geoEqualEarth().fitWidth(WIDTH, sphere)).bounds(sphere);
  const height = Math.ceil(bottom) + 2;
  const projection = geoEqualEarth().fitExtent(
    [
      [1, 1],
      [WIDTH - 1, height - 1],
    ],
    sphere,
  );
  const path = geoPath(projection).digits(1);
  return {
    width: WIDTH,
    height,
    scale: projection.scale(),
    translate: projection.translate(),
    sphere: path(sphere) ?? "",
    land: path(feature(topology, topology.objects.land)) ?? "",
    borders: path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? "",
  };
}
