import type { IngestEvent } from "../../src/domain/ingest.ts";
import type {
  EventLocation,
  TrackingStatus,
  TrackingSubstatus,
} from "../../src/vocabulary/index.ts";

/** One step of a demo parcel's journey, hours after the label and where it happened. */
interface Step {
  hours: number;
  status: TrackingStatus;
  substatus: TrackingSubstatus | null;
  rawCode: string;
  rawDescription: string;
  at: "origin" | "hub" | "destination" | "local";
}

export interface Lane {
  origin: EventLocation & { offset: number };
  hub: EventLocation & { offset: number };
  destination: EventLocation & { offset: number };
  local: EventLocation & { offset: number };
}

export const CN_US: Lane = {
  origin: { city: "Shenzhen", region: "Guangdong", countryCode: "CN", offset: 480 },
  hub: { city: "Hong Kong", countryCode: "HK", offset: 480 },
  // The gateway reports its facility's own coordinates (LAX): kept as given, precision EXACT.
  destination: {
    city: "Los Angeles",
    region: "CA",
    postalCode: "90045",
    countryCode: "US",
    latitude: 33.9425,
    longitude: -118.40807,
    offset: -480,
  },
  local: { city: "Brooklyn", region: "NY", postalCode: "11201", countryCode: "US", offset: -300 },
};

export const CN_SG: Lane = {
  origin: { city: "Yiwu", region: "Zhejiang", countryCode: "CN", offset: 480 },
  hub: { city: "Guangzhou", region: "Guangdong", countryCode: "CN", offset: 480 },
  destination: { city: "Singapore", countryCode: "SG", postalCode: "819663", offset: 480 },
  local: { city: "Singapore", countryCode: "SG", postalCode: "560123", offset: 480 },
};

export const CN_TH: Lane = {
  origin: { city: "Shenzhen", region: "Guangdong", countryCode: "CN", offset: 480 },
  hub: { city: "Kunming", region: "Yunnan", countryCode: "CN", offset: 480 },
  destination: { city: "Bangkok", countryCode: "TH", postalCode: "10540", offset: 420 },
  local: { city: "Chiang Mai", countryCode: "TH", postalCode: "50200", offset: 420 },
};

export const CN_JP: Lane = {
  origin: { city: "Dongguan", region: "Guangdong", countryCode: "CN", offset: 480 },
  hub: { city: "Hong Kong", countryCode: "HK", offset: 480 },
  destination: {
    city: "Narita",
    region: "Chiba",
    postalCode: "282-0004",
    countryCode: "JP",
    offset: 540,
  },
  local: { city: "Osaka", region: "Osaka", postalCode: "530-0001", countryCode: "JP", offset: 540 },
};

const JOURNEY: Step[] = [
  {
    hours: 0,
    status: "INFO_RECEIVED",
    substatus: "LABEL_CREATED",
    rawCode: "LBL",
    rawDescription: "Shipment information received",
    at: "origin",
  },
  {
    hours: 9,
    status: "IN_TRANSIT",
    substatus: "PICKED_UP",
    rawCode: "PU",
    rawDescription: "Picked up by courier",
    at: "origin",
  },
  {
    hours: 20,
    status: "IN_TRANSIT",
    substatus: "ARRIVED_AT_FACILITY",
    rawCode: "AAF",
    rawDescription: "Arrived at sorting center",
    at: "origin",
  },
  {
    hours: 40,
    status: "IN_TRANSIT",
    substatus: "EXPORT_CUSTOMS",
    rawCode: "EXC",
    rawDescription: "Export customs clearance started",
    at: "hub",
  },
  {
    hours: 62,
    status: "IN_TRANSIT",
    substatus: "DEPARTED_ORIGIN_COUNTRY",
    rawCode: "DEP",
    rawDescription: "Departed from origin country airport",
    at: "hub",
  },
  {
    hours: 110,
    status: "IN_TRANSIT",
    substatus: "ARRIVED_DESTINATION_COUNTRY",
    rawCode: "ARR",
    rawDescription: "Arrived at destination country",
    at: "destination",
  },
  {
    hours: 118,
    status: "IN_TRANSIT",
    substatus: "IMPORT_CUSTOMS",
    rawCode: "IMC",
    rawDescription: "Import customs clearance started",
    at: "destination",
  },
  {
    hours: 140,
    status: "IN_TRANSIT",
    substatus: "CUSTOMS_CLEARED",
    rawCode: "CLR",
    rawDescription: "Import customs clearance completed",
    at: "destination",
  },
  {
    hours: 150,
    status: "IN_TRANSIT",
    substatus: "HANDED_TO_LAST_MILE",
    rawCode: "HLM",
    rawDescription: "Handed over to last-mile carrier",
    at: "destination",
  },
  {
    hours: 190,
    status: "IN_TRANSIT",
    substatus: "ARRIVED_AT_FACILITY",
    rawCode: "AAF",
    rawDescription: "Arrived at local delivery unit",
    at: "local",
  },
  {
    hours: 206,
    status: "OUT_FOR_DELIVERY",
    substatus: null,
    rawCode: "OFD",
    rawDescription: "Out for delivery",
    at: "local",
  },
  {
    hours: 212,
    status: "DELIVERED",
    substatus: "LEFT_AT_SAFE_PLACE",
    rawCode: "DLV",
    rawDescription: "Delivered, left at front door",
    at: "local",
  },
];

export type DemoScenario = "normal" | "stalled" | "failed-delivery" | "customs-hold";

/** A realistic journey up to `now`, starting at `labelAt`; scenarios bend its ending. */
export function demoEvents(
  lane: Lane,
  labelAt: Date,
  now: Date,
  scenario: DemoScenario,
): IngestEvent[] {
  let steps = JOURNEY;
  if (scenario === "stalled") steps = JOURNEY.slice(0, 6);
  if (scenario === "customs-hold") {
    steps = [
      ...JOURNEY.slice(0, 7),
      {
        hours: 130,
        status: "EXCEPTION",
        substatus: "CUSTOMS_HELD",
        rawCode: "HLD",
        rawDescription: "Held by customs: commercial invoice required",
        at: "destination",
      },
    ];
  }
  if (scenario === "failed-delivery") {
    steps = [
      ...JOURNEY.slice(0, 11),
      {
        hours: 214,
        status: "DELIVERY_FAILED",
        substatus: "RECIPIENT_UNAVAILABLE",
        rawCode: "NDL",
        rawDescription: "Delivery attempted, no one available; notice left",
        at: "local",
      },
    ];
  }
  return steps
    .map((step) => toEvent(lane, labelAt, step))
    .filter((event) => event.occurredAt.instant <= now);
}

function toEvent(lane: Lane, labelAt: Date, step: Step): IngestEvent {
  const { offset, ...location } = lane[step.at];
  return {
    occurredAt: {
      instant: new Date(labelAt.getTime() + step.hours * 3_600_000),
      offsetMinutes: offset,
    },
    status: step.status,
    substatus: step.substatus,
    rawCode: step.rawCode,
    rawDescription: step.rawDescription,
    location,
    source: "IMPORT",
  };
}
