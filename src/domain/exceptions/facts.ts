import type { Prisma } from "../../../generated/prisma/client.ts";
import type { TrackingStatus } from "../../vocabulary/index.ts";
import type { CalendarBook } from "../eta/calendar.ts";
import type { Day } from "../eta/days.ts";
import { QUOTE_ORDER_SELECT } from "../eta/shipment-quote.ts";
import { isPhysicalScan } from "../physical-scan.ts";
import { confirmedAtOf } from "../shipment-facts.ts";
import type { ExceptionFacts } from "./rules.ts";
import { milestonesAlong } from "./stall-milestones.ts";

/** What an evaluation loads of each shipment: the rules' facts and the estimate's quote. */
export const EXCEPTION_FACTS_SELECT = {
  id: true,
  tenantId: true,
  storeId: true,
  // For the shipment.exception webhook's payload.
  orderId: true,
  trackingNumber: true,
  lastEventAt: true,
  carrier: true,
  shippingMethod: true,
  shippedAt: true,
  shippedAtOffsetMinutes: true,
  status: true,
  substatus: true,
  createdAt: true,
  updatedAt: true,
  syncConfirmedAt: true,
  syncState: true,
  order: {
    select: {
      ...QUOTE_ORDER_SELECT,
    },
  },
  store: { select: { marketplace: true, site: true } },
  // What the rules and the hand-over quote read of an event, not its texts and keys.
  events: {
    select: {
      occurredAt: true,
      utcOffsetMinutes: true,
      status: true,
      substatus: true,
      rawCode: true,
      codeKnown: true,
      city: true,
      region: true,
      postalCode: true,
      countryCode: true,
      latitude: true,
    },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ShipmentSelect;

export type LoadedShipment = Prisma.ShipmentGetPayload<{ select: typeof EXCEPTION_FACTS_SELECT }>;
type LoadedEvent = LoadedShipment["events"][number];

/** The hand-over estimate's latest day, in the time zone its days are of. */
export interface EstimatedLatest {
  latest: Day;
  timeZone: string;
}

/** A loaded shipment as the rules read it. */
export function exceptionFacts(
  shipment: LoadedShipment,
  calendars: CalendarBook,
  estimate: EstimatedLatest | null,
): ExceptionFacts {
  const known = shipment.events.filter((event) => event.codeKnown);
  const milestones = milestonesAlong(known);
  let lastScan: ExceptionFacts["lastScan"] = null;
  let firstScan: LoadedEvent | undefined;
  let statusEvent: LoadedEvent | undefined;
  known.forEach((event, i) => {
    statusEvent = event;
    if (!isPhysicalScan(event)) return;
    firstScan ??= event;
    lastScan = {
      instant: event.occurredAt,
      offsetMinutes: event.utcOffsetMinutes,
      milestone: milestones[i]!,
    };
  });
  const { order } = shipment;
  return {
    status: shipment.status as TrackingStatus,
    substatus: shipment.substatus,
    statusEvent: statusEvent
      ? { instant: statusEvent.occurredAt, offsetMinutes: statusEvent.utcOffsetMinutes }
      : null,
    lastScan,
    confirmedAt: confirmedAtOf(shipment),
    originCountry: firstScan?.countryCode ?? null,
    destinationCountry: order.destinationCountry,
    timeZone: estimate?.timeZone ?? calendars.timeZone(order.destinationCountry) ?? "UTC",
    promisedDeliveryTo: order.promisedDeliveryTo && {
      instant: order.promisedDeliveryTo,
      offsetMinutes: order.promisedDeliveryToOffsetMinutes,
    },
    estimatedLatest: estimate?.latest ?? null,
  };
}
