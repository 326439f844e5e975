import { createContextCache } from "@pothos/core";
import DataLoader from "dataloader";
import { GraphQLError, Kind } from "graphql";
import { isoOfDay } from "../domain/eta/days.ts";
import { explainEstimate } from "../domain/eta/explain.ts";
import { JOURNEY_POINTS, LEG_MILESTONES } from "../domain/eta/journey.ts";
import { LANE_LEVELS } from "../domain/eta/lanes.ts";
import { PRIOR_KINDS } from "../domain/eta/priors.ts";
import type { DeliveryEstimate, DeliveryQuote } from "../domain/eta/service.ts";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";
import { answerLocale, localeArgDescription } from "./locale.ts";

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new GraphQLError(`Date ${JSON.stringify(value)} is not YYYY-MM-DD`, {
      extensions: { code: "INVALID_TIMESTAMP" },
    });
  }
  return value;
}

builder.scalarType("Date", {
  description: "A calendar day, YYYY-MM-DD (delivery dates: days in the destination's time zone).",
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

/** An estimate with what its explanation needs: the marketplace's words, the buyer's language. */
export interface EstimateView {
  estimate: DeliveryEstimate;
  marketplace: string | null;
  buyer?: { buyerLocale: string } | null;
  store?: { marketplace: string; site: string } | null;
}

const BasisLevelEnum = builder.enumType("DeliveryEstimateBasisLevel", {
  description:
    "The finest lane with history (POSTAL, REGION, COUNTRY, DESTINATION), or the prior that stood in for thin history.",
  values: [...LANE_LEVELS, ...PRIOR_KINDS],
});
const AnchorEnum = builder.enumType("DeliveryEstimateAnchor", {
  description: "The point of the journey an estimate counts from.",
  values: JOURNEY_POINTS.filter((point) => point !== "DELIVERED"),
});
const LegMilestoneEnum = builder.enumType("DeliveryLegMilestone", { values: LEG_MILESTONES });

const BasisRef = builder.objectRef<DeliveryEstimate>("DeliveryEstimateBasis").implement({
  fields: (t) => ({
    level: t.field({ type: BasisLevelEnum, resolve: (e) => e.basis.level }),
    sampleSize: t.int({
      description: "Deliveries on that lane.",
      resolve: (e) => e.basis.sampleSize,
    }),
    lane: t.string({ resolve: (e) => e.basis.lane }),
    from: t.field({ type: AnchorEnum, resolve: (e) => e.anchor }),
  }),
});

type Leg = DeliveryEstimate["legs"][number];
const LegRef = builder.objectRef<Leg>("DeliveryEstimateLeg").implement({
  fields: (t) => ({
    milestone: t.field({ type: LegMilestoneEnum, resolve: (leg) => leg.milestone }),
    earliest: t.field({ type: "Date", resolve: (leg) => isoOfDay(leg.earliest) }),
    latest: t.field({ type: "Date", resolve: (leg) => isoOfDay(leg.latest) }),
  }),
});

const RiskRef = builder.objectRef<DeliveryEstimate["risks"][number]>("DeliveryRisk").implement({
  fields: (t) => ({ code: t.exposeString("code"), message: t.exposeString("message") }),
});

export const DeliveryEstimateRef = builder.objectRef<EstimateView>("DeliveryEstimate").implement({
  description:
    "An explained delivery range; dates are calendar days in the destination's time zone.",
  fields: (t) => ({
    earliest: t.field({ type: "Date", resolve: (v) => isoOfDay(v.estimate.earliest) }),
    latest: t.field({ type: "Date", resolve: (v) => isoOfDay(v.estimate.latest) }),
    mostLikely: t.field({ type: "Date", resolve: (v) => isoOfDay(v.estimate.mostLikely) }),
    confidence: t.float({ resolve: (v) => v.estimate.confidence }),
    timeZone: t.string({ resolve: (v) => v.estimate.timeZone }),
    basis: t.field({ type: BasisRef, resolve: (v) => v.estimate }),
    legs: t.field({
      type: [LegRef],
      description:
        "The expected window of each milestone still to come, where the lane's history has them.",
      resolve: (v) => v.estimate.legs,
    }),
    risks: t.field({
      type: [RiskRef],
      description:
        "What the store's marketplace holds against the estimate (Amazon: PAST_PROMISED_WINDOW).",
      resolve: (v) => v.estimate.risks,
    }),
    explanation: t.stringList({
      args: { locale: t.arg({ type: "Locale", description: localeArgDescription }) },
      resolve: (v, args, ctx) =>
        explainEstimate(
          v.estimate,
          ctx.texts,
          v.marketplace,
          answerLocale(ctx, args.locale, v.buyer, v.store),
        ),
    }),
  }),
});

/** One request's quotes estimated together, one model fit per tenant and confidence. */
export const estimateLoader = createContextCache(
  (ctx: Context) =>
    new DataLoader<{ quote: DeliveryQuote; confidence: number }, DeliveryEstimate | null>(
      async (keys) => {
        const out: (DeliveryEstimate | null)[] = new Array(keys.length).fill(null);
        for (const confidence of new Set(keys.map((key) => key.confidence))) {
          const at = keys.flatMap((key, i) => (key.confidence === confidence ? [i] : []));
          const quotes = at.map((i) => keys[i]!.quote);
          const estimates = await ctx.deliveryEstimates.estimate(
            ctx.viewer.tenantId,
            quotes,
            confidence,
          );
          at.forEach((i, j) => {
            out[i] = estimates[j] ?? null;
          });
        }
        return out;
      },
      { cache: false, maxBatchSize: 1000 },
    ),
);

/** A confidence argument, or the error an impossible one deserves. */
export function confidenceArg(value: number | null | undefined): number {
  const confidence = value ?? 0.9;
  if (!(confidence > 0 && confidence < 1)) {
    throw new GraphQLError(`confidence must be between 0 and 1 (exclusive), got ${value}`, {
      extensions: { code: "BAD_USER_INPUT", field: "confidence" },
    });
  }
  return confidence;
}
