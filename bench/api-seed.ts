/**
 * Data for bench/api.ts: one tenant, one store, 50 orders whose shipments have about 10 events
 * each (the demo journeys), one long cross-border parcel with exactly 40 events, and one with
 * 400 (that journey ten times over, for the growth of a timeline's cost).
 */

import type { PrismaClient } from "../generated/prisma/client.ts";
import { CN_US, type DemoScenario, demoEvents } from "../prisma/seed/demo-timeline.ts";
import { type IngestEvent, ingestEvents } from "../src/domain/ingest.ts";
import { SWEEP_CATCHES_UP } from "../src/domain/jobs.ts";
import { createApiKey } from "../src/server/api-keys.ts";
import type { EventLocation, TrackingStatus, TrackingSubstatus } from "../src/vocabulary/index.ts";

export const ORDER_COUNT = 50;
export const LONG_EVENT_COUNT = 40;
export const LONG_TRACKING_NUMBER = "YT2699000000000001";
export const VERY_LONG_EVENT_COUNT = 400;
export const VERY_LONG_TRACKING_NUMBER = "YT2699000000000002";

const DAY = 86_400_000;

export interface BenchData {
  apiKey: string;
  /** Events stored for the 50 ordinary shipments, to check the list query returns all of them. */
  ordinaryEventCount: number;
  /** Events of the `first` newest ordinary shipments (what `shipments(first)` returns). */
  firstEventCounts(first: number): number;
}

type Place = EventLocation & { offset: number };

// Winter offsets: the US legs are on standard time, so the offsets differ from the demo lanes'.
const SHENZHEN: Place = { city: "Shenzhen", region: "Guangdong", countryCode: "CN", offset: 480 };
const DONGGUAN: Place = { city: "Dongguan", region: "Guangdong", countryCode: "CN", offset: 480 };
const HONG_KONG: Place = { city: "Hong Kong", countryCode: "HK", offset: 480 };
const ANCHORAGE: Place = { city: "Anchorage", region: "AK", countryCode: "US", offset: -540 };
const LOS_ANGELES: Place = {
  city: "Los Angeles",
  region: "CA",
  postalCode: "90045",
  countryCode: "US",
  offset: -480,
};
const ONTARIO: Place = { city: "Ontario", region: "CA", countryCode: "US", offset: -480 };
const INDUSTRY: Place = { city: "City of Industry", region: "CA", countryCode: "US", offset: -480 };
const CHICAGO: Place = { city: "Chicago", region: "IL", countryCode: "US", offset: -360 };
const JERSEY_CITY: Place = { city: "Jersey City", region: "NJ", countryCode: "US", offset: -300 };
const BROOKLYN: Place = {
  city: "Brooklyn",
  region: "NY",
  postalCode: "11201",
  countryCode: "US",
  offset: -300,
};

type LongStep = [
  hours: number,
  place: Place | null,
  status: TrackingStatus,
  substatus: TrackingSubstatus | null,
  rawCode: string,
  rawDescription: string,
];

/** CN -> HK -> US by air with a flight delay, a customs hold and a failed first delivery. */
const LONG_JOURNEY: LongStep[] = [
  [0, SHENZHEN, "INFO_RECEIVED", "LABEL_CREATED", "LBL", "Shipment information received"],
  [3, SHENZHEN, "INFO_RECEIVED", "LABEL_CREATED", "EDI", "Electronic information updated"],
  [10, SHENZHEN, "IN_TRANSIT", "PICKED_UP", "PU", "Picked up by courier"],
  [14, SHENZHEN, "IN_TRANSIT", "ARRIVED_AT_FACILITY", "AAF", "Arrived at first-mile center"],
  [16, SHENZHEN, "IN_TRANSIT", "DEPARTED_FACILITY", "DPF", "Departed first-mile center"],
  [22, DONGGUAN, "IN_TRANSIT", "ARRIVED_AT_FACILITY", "AAF", "Arrived at export hub"],
  [24, DONGGUAN, "IN_TRANSIT", null, "WGT", "Parcel weighed and measured"],
  [27, DONGGUAN, "IN_TRANSIT", "DEPARTED_FACILITY", "DPF", "Departed export hub"],
  [30, HONG_KONG, "IN_TRANSIT", null, "SEC", "Security screening completed"],
  [33, HONG_KONG, "IN_TRANSIT", "ARRIVED_AT_FACILITY", "AAF", "Arrived at airport handling center"],
  [38, HONG_KONG, "IN_TRANSIT", "EXPORT_CUSTOMS", "EXC", "Export customs clearance started"],
  [44, HONG_KONG, "IN_TRANSIT", "EXPORT_CUSTOMS", "EXD", "Export customs clearance completed"],
  [52, HONG_KONG, "IN_TRANSIT", null, "HOA", "Handed over to airline"],
  [60, HONG_KONG, "EXCEPTION", "DELAYED", "DLY", "Flight delayed by the airline"],
  [75, HONG_KONG, "IN_TRANSIT", "DEPARTED_ORIGIN_COUNTRY", "DEP", "Departed origin airport"],
  [84, ANCHORAGE, "IN_TRANSIT", null, "TRA", "Arrived at transit airport"],
  [88, ANCHORAGE, "IN_TRANSIT", null, "TRD", "Departed transit airport"],
  [95, LOS_ANGELES, "IN_TRANSIT", "ARRIVED_DESTINATION_COUNTRY", "ARR", "Arrived in the US"],
  [99, LOS_ANGELES, "IN_TRANSIT", null, "RCF", "Received by airline handling agent"],
  [104, LOS_ANGELES, "IN_TRANSIT", "IMPORT_CUSTOMS", "IMC", "Import customs clearance started"],
  [120, LOS_ANGELES, "EXCEPTION", "CUSTOMS_HELD", "HLD", "Held by customs for inspection"],
  [150, LOS_ANGELES, "IN_TRANSIT", "IMPORT_CUSTOMS", "INS", "Customs inspection completed"],
  [156, LOS_ANGELES, "IN_TRANSIT", "CUSTOMS_CLEARED", "CLR", "Import customs clearance completed"],
  [162, ONTARIO, "IN_TRANSIT", "ARRIVED_AT_FACILITY", "AAF", "Arrived at destination sort center"],
  [166, ONTARIO, "IN_TRANSIT", "DEPARTED_FACILITY", "DPF", "Departed destination sort center"],
  [170, ONTARIO, "IN_TRANSIT", "HANDED_TO_LAST_MILE", "HLM", "Handed over to USPS"],
  [174, INDUSTRY, "IN_TRANSIT", "ARRIVED_AT_FACILITY", "A10", "Arrived at USPS regional facility"],
  [180, INDUSTRY, "IN_TRANSIT", "DEPARTED_FACILITY", "L1", "Departed USPS regional facility"],
  [200, null, "IN_TRANSIT", null, "NT", "In transit to next facility"],
  [224, CHICAGO, "IN_TRANSIT", "ARRIVED_AT_FACILITY", "A10", "Arrived at USPS regional facility"],
  [230, CHICAGO, "IN_TRANSIT", "DEPARTED_FACILITY", "L1", "Departed USPS regional facility"],
  [252, JERSEY_CITY, "IN_TRANSIT", "ARRIVED_AT_FACILITY", "A10", "Arrived at USPS destination"],
  [258, JERSEY_CITY, "IN_TRANSIT", "DEPARTED_FACILITY", "L1", "Departed USPS destination"],
  [266, BROOKLYN, "IN_TRANSIT", "ARRIVED_AT_FACILITY", "07", "Arrived at post office"],
  [268, BROOKLYN, "OUT_FOR_DELIVERY", null, "OF", "Out for delivery"],
  [276, BROOKLYN, "DELIVERY_FAILED", "RECIPIENT_UNAVAILABLE", "02", "Notice left, no access"],
  [278, BROOKLYN, "AVAILABLE_FOR_PICKUP", null, "AP", "Available for pickup at post office"],
  [290, BROOKLYN, "IN_TRANSIT", null, "RD", "Redelivery scheduled by recipient"],
  [292, BROOKLYN, "OUT_FOR_DELIVERY", null, "OF", "Out for delivery"],
  [300, BROOKLYN, "DELIVERED", "SIGNED", "01", "Delivered, signed by recipient"],
];

function longEvents(labelAt: Date): IngestEvent[] {
  return LONG_JOURNEY.map(([hours, place, status, substatus, rawCode, rawDescription]) => {
    const { offset, ...location } = place ?? { offset: -300 };
    return {
      occurredAt: {
        instant: new Date(labelAt.getTime() + hours * 3_600_000),
        offsetMinutes: offset,
      },
      status,
      substatus,
      rawCode,
      rawDescription,
      location: place ? location : null,
      source: "IMPORT",
    };
  });
}

// 12 + 12 + 8 + 12 + 6 events: about 10 a shipment on average, with varied endings.
/** The long journey again and again, each leg 310 hours after the one before. */
function veryLongEvents(labelAt: Date): IngestEvent[] {
  const legs = VERY_LONG_EVENT_COUNT / LONG_EVENT_COUNT;
  return Array.from({ length: legs }, (_, leg) =>
    longEvents(new Date(labelAt.getTime() + leg * 310 * 3_600_000)),
  ).flat();
}

const SCENARIOS: DemoScenario[] = [
  "normal",
  "normal",
  "customs-hold",
  "failed-delivery",
  "stalled",
];

export async function seedBenchData(db: PrismaClient, now: Date): Promise<BenchData> {
  const tenant = await db.tenant.create({ data: { name: "Bench Seller" } });
  const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "bench" });
  const store = await db.store.create({
    data: { tenantId: tenant.id, marketplace: "amazon", site: "US", name: "Bench US" },
  });

  const addShipment = async (
    index: number,
    placedAt: Date,
    events: (at: Date) => IngestEvent[],
  ) => {
    const order = await db.order.create({
      data: {
        tenantId: tenant.id,
        storeId: store.id,
        nativeOrderId: `114-${String(5_000_000 + index).padStart(7, "0")}-${1000 + index}`,
        nativeStatus: "Shipped",
        state: "SHIPPED",
        buyerLocale: "en-US",
        destinationCountry: "US",
        placedAt,
      },
    });
    const labelAt = new Date(placedAt.getTime() + DAY / 2);
    const shipment = await db.shipment.create({
      data: {
        tenantId: tenant.id,
        orderId: order.id,
        storeId: store.id,
        carrier: "yunexpress",
        shippingMethod: "YunExpress Global Direct",
        trackingNumber:
          index === -2
            ? VERY_LONG_TRACKING_NUMBER
            : index < 0
              ? LONG_TRACKING_NUMBER
              : `YT26${String(12_000_000_000_000 + index * 104_729)}`,
        shippedAt: labelAt,
        syncState: "CONFIRMED",
      },
    });
    const { inserted } = await ingestEvents(
      db,
      shipment,
      events(labelAt),
      SWEEP_CATCHES_UP,
      new Date(),
    );
    return inserted.length;
  };

  // Created first so that `shipments(first: 50)` (newest first) returns only the 50 others.
  const veryLong = await addShipment(-2, new Date(now.getTime() - 140 * DAY), veryLongEvents);
  if (veryLong !== VERY_LONG_EVENT_COUNT) {
    throw new Error(`very long parcel has ${veryLong} events, not ${VERY_LONG_EVENT_COUNT}`);
  }
  const long = await addShipment(-1, new Date(now.getTime() - 20 * DAY), longEvents);
  if (long !== LONG_EVENT_COUNT) throw new Error(`long parcel has ${long} events, not 40`);

  const counts: number[] = [];
  for (let i = 0; i < ORDER_COUNT; i++) {
    // Every journey has ended by `now`, so each scenario yields its full event count.
    const placedAt = new Date(now.getTime() - (12 + i * 0.1) * DAY);
    const scenario = SCENARIOS[i % SCENARIOS.length]!;
    counts.push(
      await addShipment(i, placedAt, (labelAt) => demoEvents(CN_US, labelAt, now, scenario)),
    );
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    apiKey,
    ordinaryEventCount: sum(counts),
    firstEventCounts: (first) => sum(counts.slice(-first)),
  };
}
