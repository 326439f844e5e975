import { Prisma, type PrismaClient, type TrackingEvent } from "../../generated/prisma/client.ts";
import { groupBy } from "./group-by.ts";

/**
 * A page of a shipment's timeline: oldest first (occurredAt, then recordedAt, then id, so the
 * order is total), `first` entries after the entry the cursor names.
 */
export interface TimelinePageRequest {
  shipmentId: string;
  first: number;
  after: TimelineCursor | null;
}

/** Where a page starts: just after this entry. */
export interface TimelineCursor {
  occurredAt: Date;
  recordedAt: Date;
  id: string;
}

const CURSOR_PREFIX = "timeline:";

/** An opaque cursor for `timeline(after:)`: the entry's place in the timeline's order. */
export function encodeTimelineCursor(event: Pick<TrackingEvent, keyof TimelineCursor>): string {
  const text = `${CURSOR_PREFIX}${event.occurredAt.toISOString()}|${event.recordedAt.toISOString()}|${event.id}`;
  return Buffer.from(text).toString("base64url");
}

/** The cursor a client sent back; null when it is not one this server made. */
export function decodeTimelineCursor(cursor: string): TimelineCursor | null {
  if (cursor.length > 200) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const [occurredAt, recordedAt, id, ...rest] = text.slice(CURSOR_PREFIX.length).split("|");
  if (rest.length > 0 || !occurredAt || !recordedAt || !id || !/^[A-Za-z0-9_-]+$/.test(id)) {
    return null;
  }
  const times = [new Date(occurredAt), new Date(recordedAt)] as const;
  if (times.some((time) => Number.isNaN(time.getTime()))) return null;
  return { occurredAt: times[0], recordedAt: times[1], id };
}

/**
 * Loads the pages of many shipments' timelines in one query per distinct (first, after): a
 * LATERAL join reads at most `first` rows of each shipment through the (shipmentId, occurredAt)
 * index, so a parcel with 200,000 events costs what a page costs. (Prisma's nested `take`
 * fetches every event of every shipment and slices them in memory.)
 */
export async function loadTimelinePages(
  db: PrismaClient,
  requests: readonly TimelinePageRequest[],
): Promise<TrackingEvent[][]> {
  const groupKey = ({ first, after }: TimelinePageRequest) =>
    `${first}|${after ? encodeTimelineCursor(after) : ""}`;
  const groups = groupBy(requests, groupKey);
  const pages = new Map<string, TrackingEvent[]>();
  for (const [key, group] of groups) {
    const { first, after } = group[0]!;
    const ids = [...new Set(group.map((request) => request.shipmentId))];
    const rows = first === 0 ? [] : await pageRows(db, ids, first, after);
    for (const row of rows) {
      const page = pages.get(`${row.shipmentId}|${key}`);
      if (page) page.push(row);
      else pages.set(`${row.shipmentId}|${key}`, [row]);
    }
  }
  return requests.map((request) => pages.get(`${request.shipmentId}|${groupKey(request)}`) ?? []);
}

function pageRows(
  db: PrismaClient,
  shipmentIds: string[],
  first: number,
  after: TimelineCursor | null,
): Promise<TrackingEvent[]> {
  const start = after
    ? Prisma.sql`AND (e."occurredAt", e."recordedAt", e."id") > (${after.occurredAt}::timestamptz, ${after.recordedAt}::timestamptz, ${after.id})`
    : Prisma.empty;
  return db.$queryRaw<TrackingEvent[]>`
    SELECT page.*
    FROM unnest(${shipmentIds}::text[]) AS s("id")
    CROSS JOIN LATERAL (
      SELECT e."id", e."shipmentId", e."occurredAt", e."utcOffsetMinutes", e."status"::text AS "status",
             e."substatus", e."rawCode", e."rawDescription", e."carrier", e."codeKnown", e."city",
             e."region", e."postalCode", e."countryCode", e."latitude", e."longitude",
             e."geoPrecision"::text AS "geoPrecision", e."source"::text AS "source", e."dedupeKey", e."recordedAt"
      FROM "TrackingEvent" e
      WHERE e."shipmentId" = s."id" ${start}
      ORDER BY e."occurredAt", e."recordedAt", e."id"
      LIMIT ${first}
    ) page
    ORDER BY page."shipmentId", page."occurredAt", page."recordedAt", page."id"`;
}
