/** Origin -> destination, as finely as known: country, then region or state, then postal code. */
export interface Lane {
  originCountry: string | null;
  originRegion: string | null;
  originPostalCode: string | null;
  destinationCountry: string;
  destinationRegion: string | null;
  destinationPostalCode: string | null;
}

/**
 * Lane levels, finest first. A fine lane with few deliveries is shrunk toward the next coarser
 * one; DESTINATION pools every origin of the same kind (domestic, cross-border, unknown).
 */
export const LANE_LEVELS = ["POSTAL", "REGION", "COUNTRY", "DESTINATION"] as const;
export type LaneLevel = (typeof LANE_LEVELS)[number];

/** Postal codes are compared on their first characters (Brazil's CEP and US ZIP: 3). */
export const POSTAL_PREFIX_LENGTH = 3;

const clean = (text: string | null | undefined) => text?.trim().toUpperCase() ?? "";

export function postalPrefix(code: string | null | undefined): string {
  return clean(code).replace(/[\s-]/g, "").slice(0, POSTAL_PREFIX_LENGTH);
}

/** The key of a lane at each level, in LANE_LEVELS order; null where the lane is not that fine. */
export function laneKeys(lane: Lane): (string | null)[] {
  const from = clean(lane.originCountry);
  const to = clean(lane.destinationCountry);
  const kind = !from ? "?" : from === to ? "D" : "X";
  const country = from ? `${from}>${to}` : null;
  const region =
    country && lane.destinationRegion
      ? `${from}-${clean(lane.originRegion)}>${to}-${clean(lane.destinationRegion)}`
      : null;
  const prefix = postalPrefix(lane.destinationPostalCode);
  const postal = region && prefix ? `${region} ${prefix}` : null;
  return [postal, region, country, `${kind}>${to}`];
}

/** How a lane reads to a person at a level: "BR-SP → BR-BA", "BR → BR", "any → BR". */
export function laneLabel(lane: Lane, level: LaneLevel): string {
  const from = clean(lane.originCountry);
  const to = clean(lane.destinationCountry);
  const side = (country: string, region: string | null) =>
    region?.trim() ? `${country}-${clean(region)}` : country;
  switch (level) {
    case "POSTAL":
      return `${side(from, lane.originRegion)} → ${side(to, lane.destinationRegion)} ${postalPrefix(lane.destinationPostalCode)}`;
    case "REGION":
      return `${side(from, lane.originRegion)} → ${side(to, lane.destinationRegion)}`;
    case "COUNTRY":
      return `${from} → ${to}`;
    case "DESTINATION":
      return `* → ${to}`;
  }
}
