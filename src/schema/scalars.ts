import { GraphQLError, Kind } from "graphql";
import { TEXT_LIMITS } from "../domain/input-limits.ts";
import { canonicalLocale } from "../domain/texts/index.ts";
import {
  describeZonedTimeProblem,
  formatZonedTime,
  parseZonedTimeOrProblem,
  type ZonedTime,
} from "../domain/zoned-time.ts";
import {
  MARKETPLACE_SYNC_STATES,
  MILESTONES,
  ORDER_STATES,
  TRACKING_STATUSES,
  TRACKING_SUBSTATUSES,
} from "../vocabulary/index.ts";
import { builder } from "./builder.ts";

/** A scalar's refusal; graphql-js keeps its code when it rewraps it for a variable. */
function invalidScalar(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function parseDateTime(value: unknown): ZonedTime {
  const parsed =
    typeof value === "string"
      ? parseZonedTimeOrProblem(value)
      : { problem: { kind: "format" as const } };
  if ("problem" in parsed) {
    throw invalidScalar(describeZonedTimeProblem(value, parsed.problem), "INVALID_TIMESTAMP");
  }
  return parsed.time;
}

builder.scalarType("DateTime", {
  description:
    "ISO-8601 instant with a UTC offset, e.g. 2026-03-02T14:05:00+08:00. Input must carry an offset and name a date and time that exist. Timeline entries and order dates keep the offset they were reported in; other instants (shippedAt, lastEventAt, createdAt) read in UTC.",
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
  values: ORDER_STATES,
});

export const MilestoneEnum = builder.enumType("Milestone", {
  description: "A moment a buyer is told about.",
  values: MILESTONES,
});

function parseLocale(value: unknown): string {
  if (typeof value === "string" && value.length > TEXT_LIMITS.locale) {
    const message = `Locale is ${value.length} characters long; a language tag takes at most ${TEXT_LIMITS.locale}`;
    throw invalidScalar(message, "TOO_LONG");
  }
  const locale = typeof value === "string" ? canonicalLocale(value) : null;
  if (!locale) {
    throw invalidScalar(
      `Locale ${JSON.stringify(value)} is not a BCP 47 language tag (e.g. "en", "zh-TW", "pt-BR")`,
      "INVALID_LOCALE",
    );
  }
  return locale;
}

builder.scalarType("Locale", {
  description:
    "A BCP 47 language tag. Texts come in the closest of trackline's 14 languages: zh-TW and zh-HK read zh-Hant, pt reads pt-BR, es-MX reads es, anything unmatched reads en.",
  serialize: (value) => value,
  parseValue: parseLocale,
  parseLiteral: (ast) => parseLocale(ast.kind === Kind.STRING ? ast.value : null),
});

export const MarketplaceSyncStateEnum = builder.enumType("MarketplaceSyncState", {
  description:
    "Where the tracking number stands with the marketplace: NOT_REQUIRED (the store pushes it some other way), WAITING_FOR_SCAN (held until the carrier's first physical scan or the ship-by date), PENDING (being pushed, with retries), CONFIRMED (the marketplace accepted it), FAILED (refused, or retries ran out: see lastError; retryMarketplaceSync pushes again).",
  values: MARKETPLACE_SYNC_STATES,
});
