import type { CalendarBook } from "../eta/calendar.ts";
import type { Day } from "../eta/days.ts";
import { businessDaysBetween } from "../eta/journey.ts";
import { laneKeys } from "../eta/lanes.ts";
import type { StallMilestone } from "./stall-milestones.ts";

/** A delivered parcel's physical scans (the delivery scan included), oldest first. */
export interface StallJourney {
  originCountry: string | null;
  destinationCountry: string;
  scans: readonly { day: Day; milestone: StallMilestone }[];
}

/** How long a parcel may go without a scan at a milestone on a lane, and where that came from. */
export interface StallThreshold {
  businessDays: number;
  source: "LEARNED" | "DEFAULT";
  /** The lane key the gaps were learnt on ("CN>US", or "X>US" for every cross-border origin). */
  lane: string;
  /** Gaps the threshold was learnt from; 0 for a default. */
  samples: number;
}

export interface StallTable {
  threshold(
    lane: { originCountry: string | null; destinationCountry: string },
    milestone: StallMilestone,
  ): StallThreshold;
}

/** The usual gap is this quantile of the lane's gaps at that milestone: one in twenty is slower. */
export const STALL_QUANTILE = 0.95;
/** Fewer gaps than this on a lane say too little: the coarser lane, then the default, decides. */
export const MIN_STALL_SAMPLES = 20;

/**
 * Business days without a scan before a parcel counts as stalled, when history is thin. Cross-
 * border parcels are quiet longest after leaving the origin country (the line-haul flight or
 * ship); out for delivery, the next business day without a scan is already unusual.
 */
export const DEFAULT_STALL_DAYS: Readonly<
  Record<"domestic" | "crossBorder", Readonly<Record<StallMilestone, number>>>
> = {
  domestic: {
    SHIPPED: 3,
    DEPARTED_ORIGIN_COUNTRY: 3,
    ARRIVED_DESTINATION_COUNTRY: 3,
    OUT_FOR_DELIVERY: 1,
  },
  crossBorder: {
    SHIPPED: 4,
    DEPARTED_ORIGIN_COUNTRY: 7,
    ARRIVED_DESTINATION_COUNTRY: 4,
    OUT_FOR_DELIVERY: 1,
  },
};

/** The lane keys a threshold is looked up by, finest first: origin country, then any origin. */
function stallLaneKeys(lane: { originCountry: string | null; destinationCountry: string }) {
  const keys = laneKeys({
    ...lane,
    originRegion: null,
    originPostalCode: null,
    destinationRegion: null,
    destinationPostalCode: null,
  });
  return [keys[2], keys[3]].filter((key): key is string => key !== null);
}

/**
 * Learns, per lane and milestone, the gaps in business days (of the destination) between
 * consecutive physical scans of delivered parcels, and answers the STALL_QUANTILE of them.
 */
export function learnStallTable(
  journeys: readonly StallJourney[],
  calendars: CalendarBook,
): StallTable {
  const gaps = new Map<string, number[]>();
  for (const journey of journeys) {
    const calendar = calendars.calendar(journey.destinationCountry);
    const keys = stallLaneKeys(journey);
    for (let i = 1; i < journey.scans.length; i++) {
      const before = journey.scans[i - 1]!;
      const gap = businessDaysBetween(before.day, journey.scans[i]!.day, calendar);
      for (const key of keys) {
        const id = `${key}|${before.milestone}`;
        const list = gaps.get(id) ?? [];
        list.push(gap);
        gaps.set(id, list);
      }
    }
  }
  const learnt = new Map<string, StallThreshold>();
  for (const [id, list] of gaps) {
    if (list.length < MIN_STALL_SAMPLES) continue;
    list.sort((a, b) => a - b);
    const rank = Math.ceil(STALL_QUANTILE * list.length) - 1;
    learnt.set(id, {
      businessDays: Math.max(1, list[rank]!),
      source: "LEARNED",
      lane: id.split("|")[0]!,
      samples: list.length,
    });
  }
  return {
    threshold(lane, milestone) {
      const keys = stallLaneKeys(lane);
      for (const key of keys) {
        const found = learnt.get(`${key}|${milestone}`);
        if (found) return found;
      }
      const domestic =
        !!lane.originCountry &&
        lane.originCountry.toUpperCase() === lane.destinationCountry.toUpperCase();
      return {
        businessDays: DEFAULT_STALL_DAYS[domestic ? "domestic" : "crossBorder"][milestone],
        source: "DEFAULT",
        lane: keys[0] ?? lane.destinationCountry,
        samples: 0,
      };
    },
  };
}
