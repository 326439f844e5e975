import { GraphQLError, Kind } from "graphql";
import { formatZonedTime, parseZonedTime, type ZonedTime } from "../domain/zoned-time.ts";
import { TRACKING_STATUSES, TRACKING_SUBSTATUSES } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";

function parseDateTime(value: unknown): ZonedTime {
  const parsed = typeof value === "string" ? parseZonedTime(value) : null;
  if (!parsed) {
    throw new GraphQLError(
      `DateTime ${JSON.stringify(value)} is not ISO-8601 with a UTC offset (e.g. 2026-03-02T14:05:00+08:00)`,
      { extensions: { code: "INVALID_TIMESTAMP" } },
    );
  }
  return parsed;
}

builder.scalarType("DateTime", {
  description:
    "ISO-8601 instant that keeps the UTC offset it was reported in, e.g. 2026-03-02T14:05:00+08:00. Input must carry an offset.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : formatZonedTime(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

export const TrackingStatusEnum = builder.enumType("TrackingStatus", {
  description: "Where a parcel is in its life (canonical across carriers).",
  values: TRACKING_STATUSES,
});

export const TrackingSubstatusEnum = builder.enumType("TrackingSubstatus", {
  description: "Why, or which leg: refines a TrackingStatus.",
  values: TRACKING_SUBSTATUSES,
});

export const OrderStateEnum = builder.enumType("OrderState", {
  description:
    "Canonical order state across marketplaces; nativeStatus keeps the marketplace's own.",
  values: [
    "PENDING",
    "READY_TO_SHIP",
    "PARTIALLY_SHIPPED",
    "SHIPPED",
    "DELIVERED",
    "CANCELLED",
    "RETURNED",
  ] as const,
});

export const MarketplaceSyncStateEnum = builder.enumType("MarketplaceSyncState", {
  description: "Whether the tracking number has reached the marketplace.",
  values: ["NOT_REQUIRED", "PENDING", "SYNCED", "FAILED"] as const,
});
