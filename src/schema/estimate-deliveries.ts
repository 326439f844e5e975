import { GraphQLError } from "graphql";
import { toQuote } from "../domain/eta/quote-input.ts";
import type { DeliveryQuote } from "../domain/eta/service.ts";
import { LIST_INPUT_LIMITS } from "../domain/input-limits.ts";
import { builder } from "./builder.ts";
import {
  confidenceArg,
  DeliveryEstimateRef,
  type EstimateView,
  estimateLoader,
} from "./delivery-estimate.ts";
import { StoreRef } from "./store.ts";

const MAX = LIST_INPUT_LIMITS.deliveryEstimates;

const OriginInput = builder.inputType("DeliveryOriginInput", {
  fields: (t) => ({
    countryCode: t.string({
      description: "ISO 3166-1 alpha-2; unknown: the lane pools every origin.",
    }),
    region: t.string({ description: "State, province or region code (SP, CA, BY)." }),
    postalCode: t.string(),
  }),
});

const DestinationInput = builder.inputType("DeliveryDestinationInput", {
  fields: (t) => ({
    countryCode: t.string({ required: true, description: "ISO 3166-1 alpha-2." }),
    region: t.string({ description: "State, province or region code: its holidays count." }),
    postalCode: t.string({ description: "Its first three characters refine the lane." }),
  }),
});

const EstimateInput = builder.inputType("DeliveryEstimateInput", {
  fields: (t) => ({
    storeId: t.globalID({
      for: StoreRef,
      description: "Adds the store's marketplace rules and its site's calendar.",
    }),
    origin: t.field({ type: OriginInput }),
    destination: t.field({ type: DestinationInput, required: true }),
    carrier: t.string(),
    service: t.string(),
    orderedAt: t.field({ type: "DateTime" }),
    shippedAt: t.field({
      type: "DateTime",
      description: "Counted from when given, else orderedAt.",
    }),
  }),
});

builder.queryFields((t) => ({
  estimateDeliveries: t.field({
    type: [DeliveryEstimateRef],
    nullable: { list: false, items: true },
    description: `Delivery ranges for up to ${MAX} quotes, in input order. earliest and latest are the (1-c)/2 and (1+c)/2 quantiles at confidence c. A bad input answers null at its place and an error whose path ends with its index and whose extensions name the field.`,
    args: {
      inputs: t.arg({ type: [EstimateInput], required: true }),
      confidence: t.arg.float({ defaultValue: 0.9 }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.inputs.length }),
    resolve: async (_root, args, ctx) => {
      if (args.inputs.length > MAX) {
        throw new GraphQLError(
          `estimateDeliveries takes at most ${MAX} inputs, got ${args.inputs.length}`,
          {
            extensions: { code: "TOO_MANY", field: "inputs" },
          },
        );
      }
      const confidence = confidenceArg(args.confidence);
      const storeIds = [
        ...new Set(args.inputs.flatMap((input) => (input.storeId ? [input.storeId.id] : []))),
      ];
      const stores = await ctx.db.store.findMany({
        where: { id: { in: storeIds }, tenantId: ctx.viewer.tenantId },
        select: { id: true, marketplace: true, site: true },
      });
      const storeOf = new Map(stores.map((store) => [store.id, store]));
      return Promise.all(
        args.inputs.map(async (input, i): Promise<EstimateView | GraphQLError | null> => {
          const fail = (code: string, message: string, field: string) =>
            new GraphQLError(message, { extensions: { code, field: `inputs.${i}.${field}` } });
          const store = input.storeId ? storeOf.get(input.storeId.id) : undefined;
          if (input.storeId && !store) return fail("NOT_FOUND", "no such store", "storeId");
          const checked = toQuote(input, ctx.deliveryEstimates.calendars);
          if ("error" in checked) {
            return fail(checked.error.code, checked.error.message, checked.error.field ?? "");
          }
          const quote: DeliveryQuote = { ...checked.quote, store };
          const estimate = await estimateLoader(ctx).load({ quote, confidence });
          return estimate && { estimate, marketplace: store?.marketplace ?? null, store };
        }),
      ) as Promise<(EstimateView | null)[]>;
    },
  }),
}));
