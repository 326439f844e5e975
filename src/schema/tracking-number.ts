import { GraphQLError } from "graphql";
import type { CarrierCheck, CarrierCheckError } from "../carriers/registry.ts";
import {
  type CarrierMatch,
  type DetectionContext,
  type DetectionResult,
  normalizeTrackingNumber,
  type Suggestion,
  type TrackingNumberWarning,
} from "../carriers/tracking-numbers/index.ts";
import { INPUT_LIMITS, LIST_INPUT_LIMITS } from "../domain/input-limits.ts";
import { builder } from "./builder.ts";
import { CarrierRef } from "./carrier.ts";
import { assertTextLimits } from "./text-limits.ts";

export const MAX_BATCH_DETECTION = LIST_INPUT_LIMITS.trackingNumbers;

const TrackingNumberErrorCodeEnum = builder.enumType("TrackingNumberErrorCode", {
  values: [
    "EMPTY",
    "INVALID_CHARACTERS",
    "TOO_LONG",
    "NO_KNOWN_FORMAT",
    "CHECK_DIGIT_MISMATCH",
    "CARRIER_MISMATCH",
    "UNKNOWN_CARRIER",
  ] as const,
});

const TrackingNumberErrorRef = builder
  .objectRef<CarrierCheckError>("TrackingNumberError")
  .implement({
    fields: (t) => ({
      code: t.field({ type: TrackingNumberErrorCodeEnum, resolve: (error) => error.code }),
      message: t.exposeString("message"),
    }),
  });

const TrackingNumberWarningRef = builder
  .objectRef<TrackingNumberWarning>("TrackingNumberWarning")
  .implement({
    description:
      "A doubt about a number that is still valid: show it to the seller, do not refuse on it.",
    fields: (t) => ({
      code: t.field({ type: TrackingNumberErrorCodeEnum, resolve: (warning) => warning.code }),
      message: t.exposeString("message"),
    }),
  });

const ChecksumStateEnum = builder.enumType("ChecksumState", {
  values: {
    CHECKSUM_VALID: { description: "The number's check digit verified for this format." },
    NO_CHECKSUM: { description: "The format has no check digit: a pattern match only." },
  },
});

const CarrierMatchRef = builder
  .objectRef<CarrierMatch & { input: string }>("CarrierMatch")
  .implement({
    fields: (t) => ({
      carrier: t.field({
        type: CarrierRef,
        resolve: (match) => ({ info: match.carrier, trackingNumber: match.input }),
      }),
      format: t.exposeString("format"),
      checksum: t.field({ type: ChecksumStateEnum, resolve: (match) => match.checksum }),
      confidence: t.exposeFloat("confidence", {
        description: "0..1; checksum-valid matches are >= 0.5",
      }),
    }),
  });

const withInput = (matches: CarrierMatch[], input: string) =>
  matches.map((match) => ({ ...match, input }));

const DetectionResultRef = builder.objectRef<DetectionResult>("DetectionResult").implement({
  fields: (t) => ({
    input: t.exposeString("input"),
    normalized: t.exposeString("normalized", { nullable: true }),
    matches: t.field({
      type: [CarrierMatchRef],
      resolve: (result) => withInput(result.matches, result.normalized ?? result.input),
    }),
    errors: t.field({ type: [TrackingNumberErrorRef], resolve: (result) => result.errors }),
  }),
});

export const SuggestionRef = builder.objectRef<Suggestion>("TrackingNumberSuggestion").implement({
  description: "A number one typo away from the input that passes a check digit.",
  fields: (t) => ({
    trackingNumber: t.exposeString("trackingNumber"),
    carrier: t.exposeString("carrier", { description: "Carrier code" }),
    format: t.exposeString("format"),
  }),
});

const TrackingNumberCheckRef = builder.objectRef<CarrierCheck>("TrackingNumberCheck").implement({
  fields: (t) => ({
    valid: t.exposeBoolean("valid", {
      description: "False only when the number is certainly wrong; then `errors` says why.",
    }),
    normalized: t.exposeString("normalized", { nullable: true }),
    errors: t.field({ type: [TrackingNumberErrorRef], resolve: (check) => check.errors }),
    warnings: t.field({
      type: [TrackingNumberWarningRef],
      description:
        "Doubts about a valid number, e.g. NO_KNOWN_FORMAT: it fits none of the carrier's known formats.",
      resolve: (check) => check.warnings,
    }),
    suggestions: t.field({ type: [SuggestionRef], resolve: (check) => check.suggestions }),
    matches: t.field({
      type: [CarrierMatchRef],
      description: "Every carrier the number is valid for, best first.",
      resolve: (check) => withInput(check.matches, check.normalized ?? ""),
    }),
  }),
});

/** Optional ISO 3166-1 alpha-2 country, trimmed and upper-cased; anything else is refused. */
function country(name: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) {
    throw new GraphQLError(`${name} must be an ISO 3166-1 alpha-2 code, got "${value}"`, {
      extensions: { code: "INVALID_COUNTRY_CODE" },
    });
  }
  return code;
}

function contextFrom(args: {
  originCountry?: string | null;
  destinationCountry?: string | null;
}): DetectionContext {
  return {
    originCountry: country("originCountry", args.originCountry),
    destinationCountry: country("destinationCountry", args.destinationCountry),
  };
}

builder.queryFields((t) => ({
  detectCarrier: t.field({
    type: [CarrierMatchRef],
    description:
      "Carriers this number can belong to, best first; empty when none. Known origin and destination countries rank carriers operating there above equally plausible ones.",
    args: {
      trackingNumber: t.arg.string({ required: true }),
      originCountry: t.arg.string({
        description: "ISO 3166-1 alpha-2, where the parcel ships from",
      }),
      destinationCountry: t.arg.string({ description: "ISO 3166-1 alpha-2, where it goes" }),
    },
    resolve: (_root, { trackingNumber, ...countries }, ctx) => {
      const context = contextFrom(countries);
      const normalized = normalizeTrackingNumber(trackingNumber);
      if ("error" in normalized) return [];
      return withInput(ctx.carriers.detect(normalized.normalized, context), normalized.normalized);
    },
  }),
  detectCarriers: t.field({
    type: [DetectionResultRef],
    description: `Batch detection, same order as the input, at most ${MAX_BATCH_DETECTION} numbers; the countries apply to every number.`,
    args: {
      trackingNumbers: t.arg.stringList({ required: true }),
      originCountry: t.arg.string({
        description: "ISO 3166-1 alpha-2, where the parcels ship from",
      }),
      destinationCountry: t.arg.string({ description: "ISO 3166-1 alpha-2, where they go" }),
    },
    complexity: ({ trackingNumbers }) => ({ field: 1, multiplier: trackingNumbers.length }),
    resolve: (_root, { trackingNumbers, ...countries }, ctx) => {
      if (trackingNumbers.length > MAX_BATCH_DETECTION) {
        throw new GraphQLError(
          `detectCarriers takes at most ${MAX_BATCH_DETECTION} numbers, got ${trackingNumbers.length}`,
          { extensions: { code: "TOO_MANY" } },
        );
      }
      return ctx.carriers.detectMany(trackingNumbers, contextFrom(countries));
    },
  }),
  validateTrackingNumber: t.field({
    type: TrackingNumberCheckRef,
    description:
      "Whether the number is valid for this carrier, why not, what was probably meant, and any doubt worth showing.",
    args: {
      carrier: t.arg.string({ required: true }),
      trackingNumber: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) => {
      assertTextLimits(args, INPUT_LIMITS.validateTrackingNumber);
      return ctx.carriers.validate(args.carrier.trim().toLowerCase(), args.trackingNumber);
    },
  }),
}));
