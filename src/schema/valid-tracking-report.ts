import { resolveCursorConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { PAGE_LIMITS } from "../domain/input-limits.ts";
import {
  decodeReportCursor,
  encodeReportCursor,
  type ReportCursor,
  type TrackingProblemRow,
  validTrackingReport,
} from "../domain/valid-tracking-report.ts";
import { TRACKING_PROBLEMS } from "../vocabulary/seller-risk.ts";
import { builder } from "./builder.ts";
import { metricStore } from "./metric-store.ts";
import { MetricWindowEnum } from "./seller-metrics.ts";
import { StoreRef } from "./store.ts";

const PROBLEM_DESCRIPTIONS: Record<(typeof TRACKING_PROBLEMS)[number], string> = {
  NO_PHYSICAL_SCAN: "No physical carrier scan yet (on marketplaces that require one).",
  CARRIER_MISMATCH:
    "The first physical scan came from another carrier than the one declared (a scan event naming a different carrier).",
  UPLOADED_AFTER_DELIVERY: "The marketplace got the tracking after the delivery scan.",
  INVALID_TRACKING_ID:
    "The marketplace refused the tracking (marketplaceError says why), or the number fails its carrier's check digit.",
  UNSUPPORTED_CARRIER: "The carrier is not on the marketplace's carrier list for the store's site.",
  NOT_UPLOADED: "The marketplace has not confirmed the tracking (pending, waiting or failed).",
};

const TrackingProblemEnum = builder.enumType("TrackingProblem", {
  description: "Why a shipment's tracking does not count as valid.",
  values: Object.fromEntries(
    TRACKING_PROBLEMS.map((problem) => [problem, { description: PROBLEM_DESCRIPTIONS[problem] }]),
  ),
});

const ValidTrackingProblemRef = builder
  .objectRef<TrackingProblemRow>("ValidTrackingProblem")
  .implement({
    description: "A shipment that counts, or will count, against the Valid Tracking Rate.",
    fields: (t) => ({
      shipment: t.prismaField({
        type: "Shipment",
        resolve: (query, row, _args, ctx) =>
          ctx.db.shipment.findUniqueOrThrow({ ...query, where: { id: row.shipmentId } }),
      }),
      reasons: t.field({ type: [TrackingProblemEnum], resolve: (row) => row.reasons }),
      reportedAt: t.field({
        type: "DateTime",
        description:
          "When the marketplace confirmed it, or, while it has not, when it was attached.",
        resolve: (row) => row.reportedAt,
      }),
      marketplaceErrorCode: t.exposeString("syncErrorCode", { nullable: true }),
      marketplaceError: t.exposeString("syncError", {
        nullable: true,
        description: "The marketplace's last refusal, in its words.",
      }),
    }),
  });

function cursorArg(cursor: string | undefined): ReportCursor | null {
  if (cursor === undefined) return null;
  const decoded = decodeReportCursor(cursor);
  if (!decoded) {
    throw new GraphQLError(
      "Cursor is not one validTrackingReport made: pass a cursor back as it came",
      {
        extensions: { code: "BAD_USER_INPUT" },
      },
    );
  }
  return decoded;
}

builder.queryField("validTrackingReport", (t) =>
  t.connection({
    type: ValidTrackingProblemRef,
    nullable: true,
    description: `The store's shipments reported in the window (confirmed then, or attached then and not confirmed) whose tracking does not count as valid, newest first, each with every reason that applies; null for a store that is not the caller's. Pages of ${PAGE_LIMITS.connection.default} by default, at most ${PAGE_LIMITS.connection.max}.`,
    args: {
      storeId: t.arg.globalID({ for: StoreRef, required: true }),
      window: t.arg({ type: MetricWindowEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const found = await metricStore(ctx, args.storeId.id);
      if (!found) return null;
      const [after, before] = [
        cursorArg(args.after ?? undefined),
        cursorArg(args.before ?? undefined),
      ];
      return resolveCursorConnection<Promise<TrackingProblemRow[]>>(
        {
          args,
          defaultSize: PAGE_LIMITS.connection.default,
          maxSize: PAGE_LIMITS.connection.max,
          toCursor: encodeReportCursor,
        },
        ({ limit, inverted }) =>
          validTrackingReport(ctx.db, {
            tenantId: ctx.viewer.tenantId,
            storeId: found.store.id,
            window: args.window,
            now: ctx.now(),
            plugin: found.plugin,
            site: found.site,
            carriers: ctx.carriers,
            page: { after, before, limit, inverted },
          }),
      );
    },
  }),
);
