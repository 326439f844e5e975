import {
  EXCEPTION_MILESTONES,
  type ExceptionType,
  type Milestone,
  type TrackingStatus,
} from "../../vocabulary/index.ts";

/** Substatuses that say the parcel is in the buyer's country. */
const IN_DESTINATION = new Set([
  "ARRIVED_DESTINATION_COUNTRY",
  "IMPORT_CUSTOMS",
  "CUSTOMS_CLEARED",
  "HANDED_TO_LAST_MILE",
]);

/**
 * The milestone a shipment's current status stands for, or null. Only the current one: a batch
 * that brings a week of scans at once tells the buyer where the parcel is now, not its history.
 * Problems (failed delivery, customs hold, delay) come from the exceptions they open instead.
 */
export function statusMilestone(shipment: {
  status: TrackingStatus | string;
  substatus: string | null;
  firstScanAt: Date | null;
}): Milestone | null {
  switch (shipment.status) {
    case "DELIVERED":
      return "DELIVERED";
    case "OUT_FOR_DELIVERY":
      return "OUT_FOR_DELIVERY";
    case "AVAILABLE_FOR_PICKUP":
      return "AVAILABLE_FOR_PICKUP";
    case "IN_TRANSIT":
      if (shipment.substatus && IN_DESTINATION.has(shipment.substatus)) {
        return "ARRIVED_IN_DESTINATION_COUNTRY";
      }
      return "ORDER_SHIPPED";
    default:
      return null;
  }
}

/** The milestones open exceptions tell the buyer about, in the order they opened. */
export function exceptionMilestones(open: readonly { type: string }[]): Milestone[] {
  const found: Milestone[] = [];
  for (const { type } of open) {
    const milestone = EXCEPTION_MILESTONES[type as ExceptionType] ?? null;
    if (milestone && !found.includes(milestone)) found.push(milestone);
  }
  return found;
}

/** Delivery is what the buyer waits for: it is told even inside the frequency cap. */
export const CAP_EXEMPT: ReadonlySet<Milestone> = new Set(["DELIVERED"]);
