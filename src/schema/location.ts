import { type StoredPlace, storedCoordinates } from "../domain/event-places.ts";
import { GEO_PRECISIONS } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";

export const GeoPrecisionEnum = builder.enumType("GeoPrecision", {
  description:
    "How precise coordinates are: EXACT as the carrier reported them, else geocoded offline from GeoNames to the CITY, the REGION (its population-weighted centre) or the COUNTRY (its centroid).",
  values: GEO_PRECISIONS,
});

const CoordinatesRef = builder
  .objectRef<{ latitude: number; longitude: number; precision: (typeof GEO_PRECISIONS)[number] }>(
    "Coordinates",
  )
  .implement({
    description: "A point on the map (WGS 84 degrees) and how far to trust it.",
    fields: (t) => ({
      latitude: t.exposeFloat("latitude"),
      longitude: t.exposeFloat("longitude"),
      precision: t.expose("precision", { type: GeoPrecisionEnum }),
    }),
  });

/** Carrier-given coordinates only: what Location.latitude/longitude always meant. */
const carrierGiven = (place: StoredPlace) =>
  place.geoPrecision === "EXACT" || place.geoPrecision === null;

/** Where a scan happened, as the carrier reported it, and where that is on the map. */
export const LocationRef = builder.objectRef<StoredPlace>("Location").implement({
  fields: (t) => ({
    city: t.exposeString("city", { nullable: true }),
    region: t.exposeString("region", { nullable: true }),
    postalCode: t.exposeString("postalCode", { nullable: true }),
    countryCode: t.exposeString("countryCode", { nullable: true }),
    coordinates: t.field({
      type: CoordinatesRef,
      nullable: true,
      description:
        "The carrier's coordinates, else the place geocoded from city, region and country; null when it cannot be placed (no or unknown country).",
      resolve: (place) => storedCoordinates(place),
    }),
    latitude: t.float({
      nullable: true,
      deprecationReason: "Use coordinates { latitude precision }.",
      resolve: (place) => (carrierGiven(place) ? place.latitude : null),
    }),
    longitude: t.float({
      nullable: true,
      deprecationReason: "Use coordinates { longitude precision }.",
      resolve: (place) => (carrierGiven(place) ? place.longitude : null),
    }),
  }),
});
