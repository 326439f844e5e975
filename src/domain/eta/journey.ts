import type { WorkCalendar } from "./calendar.ts";
import type { Day } from "./days.ts";
import type { Lane } from "./lanes.ts";

/**
 * The points of a parcel's journey an estimate can start from or predict, in order. SHIPPED is
 * the hand-over to the carrier (pick-up, or the first physical scan).
 */
export const JOURNEY_POINTS = [
  "ORDERED",
  "SHIPPED",
  "DEPARTED_ORIGIN_COUNTRY",
  "IMPORT_CUSTOMS",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
] as const;
export type JourneyPoint = (typeof JOURNEY_POINTS)[number];
/** Where an estimate can start from. */
export type Anchor = Exclude<JourneyPoint, "DELIVERED">;
/** The milestones shown as legs of a journey still to come. */
export const LEG_MILESTONES = [
  "SHIPPED",
  "DEPARTED_ORIGIN_COUNTRY",
  "IMPORT_CUSTOMS",
  "OUT_FOR_DELIVERY",
] as const satisfies readonly JourneyPoint[];
export type LegMilestone = (typeof LEG_MILESTONES)[number];

/** One completed delivery: its lane and the local calendar day each known point happened on. */
export interface DeliveryRecord {
  lane: Lane;
  carrier: string | null;
  days: Partial<Record<JourneyPoint, Day>> & { DELIVERED: Day };
}

/** Points on the origin side: a parcel handed over on a day off there waits for the next working day. */
const ORIGIN_SIDE: ReadonlySet<JourneyPoint> = new Set(["ORDERED", "SHIPPED"]);

/** Business days cannot run away when a calendar is degenerate (a week of holidays). */
const MAX_SKIP = 31;

/** The first day a parcel moves from `day` at `from`: the next working day at the origin. */
export function firstMovingDay(from: JourneyPoint, day: Day, origin: WorkCalendar): Day {
  if (!ORIGIN_SIDE.has(from)) return day;
  let start = day;
  for (let i = 0; i < MAX_SKIP && !origin.isWorkingDay(start); i++) start++;
  return start;
}

/**
 * Business days of the destination from `start` (after the origin's days off) to `end`:
 * the working days d with start < d <= end. A delivery the same day is 0.
 */
export function businessDaysBetween(start: Day, end: Day, destination: WorkCalendar): number {
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (destination.isWorkingDay(day)) count++;
  return count;
}

/** The day `count` destination business days after `start` (start itself for 0). */
export function addBusinessDays(start: Day, count: number, destination: WorkCalendar): Day {
  let day = start;
  let left = count;
  while (left > 0) {
    day++;
    if (destination.isWorkingDay(day)) left--;
  }
  return day;
}
