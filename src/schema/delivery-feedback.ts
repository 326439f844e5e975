import {
  type DeliveryFeedbackReport,
  deliveryFeedbackReport,
  FEEDBACK_COMMENTS_SHOWN,
  FEEDBACK_DEFAULT_DAYS,
} from "../domain/delivery-feedback.ts";
import { builder } from "./builder.ts";
import { StoreRef } from "./store.ts";

type Report = DeliveryFeedbackReport;

const AVERAGE = "Mean rating, 1 (bad) to 5 (good); null when there is none.";

const CarrierRatingRef = builder
  .objectRef<Report["byCarrier"][number]>("CarrierDeliveryRating")
  .implement({
    description: "Buyers' delivery ratings of one carrier's parcels.",
    fields: (t) => ({
      carrier: t.exposeString("carrier"),
      count: t.exposeInt("count"),
      average: t.exposeFloat("average", { nullable: true, description: AVERAGE }),
    }),
  });

const LaneRatingRef = builder.objectRef<Report["byLane"][number]>("LaneDeliveryRating").implement({
  description: "Buyers' delivery ratings on one lane (country of the first scan -> destination).",
  fields: (t) => ({
    originCountry: t.exposeString("originCountry", { nullable: true }),
    destinationCountry: t.exposeString("destinationCountry"),
    count: t.exposeInt("count"),
    average: t.exposeFloat("average", { nullable: true, description: AVERAGE }),
  }),
});

const FeedbackCommentRef = builder
  .objectRef<Report["latestComments"][number]>("DeliveryFeedbackComment")
  .implement({
    description: "A buyer's comment with their rating.",
    fields: (t) => ({
      rating: t.exposeInt("rating"),
      comment: t.exposeString("comment"),
      carrier: t.exposeString("carrier"),
      originCountry: t.exposeString("originCountry", { nullable: true }),
      destinationCountry: t.exposeString("destinationCountry"),
      ratedAt: t.field({ type: "DateTime", resolve: (row) => row.ratedAt }),
    }),
  });

const DeliveryFeedbackRef = builder.objectRef<Report>("DeliveryFeedback").implement({
  description:
    "What buyers said of their deliveries on the public tracking page (decision 044), weakest carriers and lanes first.",
  fields: (t) => ({
    since: t.field({ type: "DateTime", resolve: (report) => report.since }),
    count: t.exposeInt("count"),
    average: t.exposeFloat("average", { nullable: true, description: AVERAGE }),
    byCarrier: t.field({ type: [CarrierRatingRef], resolve: (report) => report.byCarrier }),
    byLane: t.field({ type: [LaneRatingRef], resolve: (report) => report.byLane }),
    latestComments: t.field({
      type: [FeedbackCommentRef],
      description: `The latest ratings with a comment, newest first (at most ${FEEDBACK_COMMENTS_SHOWN}).`,
      resolve: (report) => report.latestComments,
    }),
  }),
});

builder.queryField("deliveryFeedback", (t) =>
  t.field({
    type: DeliveryFeedbackRef,
    nullable: true,
    description: `Buyers' delivery ratings of a store's parcels given after \`since\` (default: ${FEEDBACK_DEFAULT_DAYS} days back); null for a store that is not the caller's. Needs orders:read.`,
    args: {
      storeId: t.arg.globalID({ for: StoreRef, required: true }),
      since: t.arg({ type: "DateTime" }),
    },
    resolve: async (_root, { storeId, since }, ctx) => {
      const store = await ctx.db.store.findFirst({
        where: { id: storeId.id, tenantId: ctx.viewer.tenantId },
        select: { id: true },
      });
      if (!store) return null;
      const from =
        since?.instant ?? new Date(ctx.now().getTime() - FEEDBACK_DEFAULT_DAYS * 86_400_000);
      return deliveryFeedbackReport(ctx.db, {
        tenantId: ctx.viewer.tenantId,
        storeId: store.id,
        since: from,
      });
    },
  }),
);
