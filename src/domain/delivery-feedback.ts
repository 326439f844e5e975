import type { PrismaClient } from "../../generated/prisma/client.ts";

/** How far back deliveryFeedback looks when no `since` is given. */
export const FEEDBACK_DEFAULT_DAYS = 90;
/** The latest comments a report lists. */
export const FEEDBACK_COMMENTS_SHOWN = 20;

export interface RatingTally {
  count: number;
  /** Mean of the ratings, 1..5; null when there are none. */
  average: number | null;
}

export interface DeliveryFeedbackReport extends RatingTally {
  since: Date;
  byCarrier: (RatingTally & { carrier: string })[];
  byLane: (RatingTally & { originCountry: string | null; destinationCountry: string })[];
  latestComments: {
    rating: number;
    comment: string;
    carrier: string;
    originCountry: string | null;
    destinationCountry: string;
    ratedAt: Date;
  }[];
}

const tally = (group: { _count: { _all: number }; _avg: { rating: number | null } }) => ({
  count: group._count._all,
  average: group._avg.rating,
});

/**
 * A store's delivery ratings given (or last changed) after `since`: overall, by carrier and by
 * lane, weakest first, and the latest comments. Three statements whatever the volume.
 */
export async function deliveryFeedbackReport(
  db: PrismaClient,
  scope: { tenantId: string; storeId: string; since: Date },
): Promise<DeliveryFeedbackReport> {
  const where = {
    tenantId: scope.tenantId,
    storeId: scope.storeId,
    updatedAt: { gt: scope.since },
  };
  const aggregate = { _count: { _all: true }, _avg: { rating: true } } as const;
  const [byCarrier, byLane, comments] = await Promise.all([
    db.deliveryFeedback.groupBy({ by: ["carrier"], where, ...aggregate }),
    db.deliveryFeedback.groupBy({
      by: ["originCountry", "destinationCountry"],
      where,
      ...aggregate,
    }),
    db.deliveryFeedback.findMany({
      where: { ...where, comment: { not: null } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: FEEDBACK_COMMENTS_SHOWN,
    }),
  ]);
  const count = byCarrier.reduce((sum, group) => sum + group._count._all, 0);
  const total = byCarrier.reduce((sum, g) => sum + (g._avg.rating ?? 0) * g._count._all, 0);
  const weakestFirst = (a: RatingTally, b: RatingTally) =>
    (a.average ?? 0) - (b.average ?? 0) || b.count - a.count;
  return {
    since: scope.since,
    count,
    average: count ? total / count : null,
    byCarrier: byCarrier.map((g) => ({ carrier: g.carrier, ...tally(g) })).sort(weakestFirst),
    byLane: byLane
      .map((g) => ({
        originCountry: g.originCountry,
        destinationCountry: g.destinationCountry,
        ...tally(g),
      }))
      .sort(weakestFirst),
    latestComments: comments.map((row) => ({
      rating: row.rating,
      comment: row.comment ?? "",
      carrier: row.carrier,
      originCountry: row.originCountry,
      destinationCountry: row.destinationCountry,
      ratedAt: row.updatedAt,
    })),
  };
}
