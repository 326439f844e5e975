import type { TrackingStatus } from "../../vocabulary/index.ts";

/**
 * The milestone a parcel had reached at a scan, for STALLED: the usual gap between two scans
 * depends on where the parcel is (an ocean leg after departure is quiet for days, the last mile
 * is not). Milestones never go backwards along a journey.
 */
export const STALL_MILESTONES = [
  "SHIPPED",
  "DEPARTED_ORIGIN_COUNTRY",
  "ARRIVED_DESTINATION_COUNTRY",
  "OUT_FOR_DELIVERY",
] as const;
export type StallMilestone = (typeof STALL_MILESTONES)[number];

const MILESTONE_OF_SUBSTATUS: Readonly<Record<string, StallMilestone>> = {
  EXPORT_CUSTOMS: "DEPARTED_ORIGIN_COUNTRY",
  DEPARTED_ORIGIN_COUNTRY: "DEPARTED_ORIGIN_COUNTRY",
  ARRIVED_DESTINATION_COUNTRY: "ARRIVED_DESTINATION_COUNTRY",
  IMPORT_CUSTOMS: "ARRIVED_DESTINATION_COUNTRY",
  CUSTOMS_HELD: "ARRIVED_DESTINATION_COUNTRY",
  CUSTOMS_CLEARED: "ARRIVED_DESTINATION_COUNTRY",
  HANDED_TO_LAST_MILE: "ARRIVED_DESTINATION_COUNTRY",
};

/** The milestone after `event`, given the one reached before it. */
export function nextMilestone(
  reached: StallMilestone,
  event: { status: TrackingStatus; substatus: string | null },
): StallMilestone {
  const own =
    event.status === "OUT_FOR_DELIVERY" || event.status === "AVAILABLE_FOR_PICKUP"
      ? "OUT_FOR_DELIVERY"
      : event.substatus
        ? MILESTONE_OF_SUBSTATUS[event.substatus]
        : undefined;
  if (!own) return reached;
  return STALL_MILESTONES.indexOf(own) > STALL_MILESTONES.indexOf(reached) ? own : reached;
}

/** The milestone reached at each of a journey's events, oldest first. */
export function milestonesAlong(
  events: readonly { status: TrackingStatus; substatus: string | null }[],
): StallMilestone[] {
  let reached: StallMilestone = "SHIPPED";
  return events.map((event) => {
    reached = nextMilestone(reached, event);
    return reached;
  });
}
