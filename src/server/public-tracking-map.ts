import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { PublicStop } from "../domain/public-tracking/view.ts";
import { readCountryTopology } from "../places/index.ts";

const WIDTH = 640;
const HEIGHT = 360;
const PAD = 16;
/** Degrees of longitude and latitude kept around each stop, so a one-city route is a region. */
const MARGIN = [6, 4] as const;

// Immutable like the gazetteer: read once per process, on the first page with a map.
let countries: unknown[] | null = null;
function worldCountries(): unknown[] {
  countries ??= (() => {
    const topology = readCountryTopology("110m");
    return feature(topology, topology.objects.countries).features;
  })();
  return countries;
}

/** The mean longitude on the circle: a route from Shenzhen to Los Angeles centres on the Pacific. */
function centreLongitude(stops: readonly PublicStop[]): number {
  const toRad = Math.PI / 180;
  const x = stops.reduce((sum, s) => sum + Math.cos(s.longitude * toRad), 0);
  const y = stops.reduce((sum, s) => sum + Math.sin(s.longitude * toRad), 0);
  return Math.atan2(y, x) / toRad;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The route on a world map as inline SVG (decision 044): Natural Earth 1:110m countries, a
 * projection fitted to the stops with a margin, the route as great-circle arcs through the stops
 * in order, the last stop marked. A stop known only to its country is a wide dashed ring, not a
 * dot: the parcel is somewhere in that country. `label` is the text alternative (role="img").
 * Null when no stop has coordinates.
 */
export function renderRouteMap(stops: readonly PublicStop[], label: string): string | null {
  if (stops.length === 0) return null;
  const lonLat = (s: PublicStop): [number, number] => [s.longitude, s.latitude];
  const frame = stops.flatMap((s) =>
    [-1, 1].flatMap((dx) =>
      [-1, 1].map((dy): [number, number] => [
        s.longitude + dx * MARGIN[0],
        Math.max(-85, Math.min(85, s.latitude + dy * MARGIN[1])),
      ]),
    ),
  );
  const projection = geoNaturalEarth1()
    .rotate([-centreLongitude(stops), 0])
    .fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      { type: "MultiPoint", coordinates: frame },
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const path = geoPath(projection).digits(1);
  const land = worldCountries()
    .map((country) => path(country))
    .filter((d): d is string => Boolean(d))
    .join("");
  const line =
    stops.length > 1 ? path({ type: "LineString", coordinates: stops.map(lonLat) }) : null;
  const marks = stops
    .map((stop, index) => {
      const point = projection(lonLat(stop));
      if (!point) return "";
      const [x, y] = point.map((v) => Math.round(v * 10) / 10);
      const current = index === stops.length - 1;
      const vague = stop.precision === "COUNTRY";
      const cls = `stop${current ? " current" : ""}${vague ? " vague" : ""}`;
      const r = vague ? 14 : current ? 7 : 4.5;
      return `<circle class="${cls}" cx="${x}" cy="${y}" r="${r}"><title>${escapeXml(stop.name)}</title></circle>`;
    })
    .join("");
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title><rect class="sea" width="${WIDTH}" height="${HEIGHT}"/><path class="land" d="${land}"/>${line ? `<path class="route" d="${line}"/>` : ""}${marks}</svg>`;
}
