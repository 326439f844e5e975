import type { CalendarBook } from "../src/domain/eta/calendar.ts";
import type { Day } from "../src/domain/eta/days.ts";
import {
  type Anchor,
  addBusinessDays,
  type DeliveryRecord,
  firstMovingDay,
} from "../src/domain/eta/journey.ts";
import type { Lane } from "../src/domain/eta/lanes.ts";
import { journeyDays, laneCalendars } from "../src/domain/eta/model.ts";

/** Fewer deliveries than this on a lane and the baseline uses every lane's. */
const MIN_LANE = 10;

/**
 * The plain baseline: per origin-state -> destination-state lane, the business-day quantiles
 * (1-c)/2, 1/2 and (1+c)/2 of the training deliveries; every lane pooled when a lane has few.
 */
export function fitBaseline(
  history: DeliveryRecord[],
  calendars: CalendarBook,
  confidence: number,
) {
  const byLane = new Map<string, number[]>();
  const key = (lane: Lane, anchor: Anchor) =>
    `${anchor} ${lane.originRegion}>${lane.destinationRegion}`;
  for (const record of history) {
    const { origin, destination } = laneCalendars(calendars, record.lane);
    for (const anchor of ["ORDERED", "SHIPPED"] as const) {
      const start = record.days[anchor];
      if (start === undefined) continue;
      const days = journeyDays(anchor, start, record.days.DELIVERED, origin, destination);
      for (const k of [key(record.lane, anchor), `${anchor} *`]) {
        const list = byLane.get(k) ?? [];
        list.push(days);
        byLane.set(k, list);
      }
    }
  }
  for (const list of byLane.values()) list.sort((a, b) => a - b);
  const q = (list: number[], level: number) =>
    list[Math.min(list.length - 1, Math.max(0, Math.ceil(level * list.length) - 1))]!;
  const tail = (1 - confidence) / 2;
  return {
    estimate(lane: Lane, anchor: Anchor, day: Day) {
      const own = byLane.get(key(lane, anchor));
      const list = own && own.length >= MIN_LANE ? own : byLane.get(`${anchor} *`)!;
      const { origin, destination } = laneCalendars(calendars, lane);
      const start = firstMovingDay(anchor, day, origin);
      const at = (level: number) => addBusinessDays(start, q(list, level), destination);
      return { earliest: at(tail), latest: at(1 - tail), mostLikely: at(0.5) };
    },
  };
}
