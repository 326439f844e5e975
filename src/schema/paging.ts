import { createContextCache } from "@pothos/core";
import DataLoader from "dataloader";
import { GraphQLError } from "graphql";
import type { TrackingEvent } from "../../generated/prisma/client.ts";
import { pageSize } from "../domain/input-limits.ts";
import {
  decodeTimelineCursor,
  loadTimelinePages,
  type TimelineCursor,
  type TimelinePageRequest,
} from "../domain/timeline-page.ts";
import type { Context } from "./context.ts";

/** `first` of a page argument, or the error a negative one deserves. */
export function pageSizeArg(
  first: number | null | undefined,
  limits: { default: number; max: number },
): number {
  const size = pageSize(first, limits);
  if (size === null) {
    throw new GraphQLError('Argument "first" must be a non-negative integer', {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return size;
}

/** The cursor of `after`, or the error a cursor this server did not make deserves. */
export function timelineCursorArg(after: string | null | undefined): TimelineCursor | null {
  if (after == null) return null;
  const cursor = decodeTimelineCursor(after);
  if (!cursor) {
    throw new GraphQLError(
      `Argument "after" is not a timeline cursor: pass a TimelineEntry.cursor back as it came`,
      { extensions: { code: "BAD_USER_INPUT" } },
    );
  }
  return cursor;
}

/**
 * One loader per request: the timelines of a list of shipments load together. No cache, so a
 * subscription (one context for its whole life) reads fresh events each time.
 */
export const timelinePages = createContextCache(
  (ctx: Context) =>
    new DataLoader<TimelinePageRequest, TrackingEvent[]>(
      (requests) => loadTimelinePages(ctx.db, requests),
      { cache: false },
    ),
);
