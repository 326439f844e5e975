import { describe, expect, it } from "vitest";
import { createCalendarBook } from "../eta/calendar.ts";
import { dayOfIso } from "../eta/days.ts";
import { detectExceptions, type ExceptionFacts, type RuleContext } from "./rules.ts";
import type { StallMilestone } from "./stall-milestones.ts";
import { learnStallTable, type StallJourney, type StallTable } from "./stall-thresholds.ts";

const calendars = createCalendarBook();
const US = calendars.calendar("US");
const EST = -300;

/** A parcel in the US scanned on arrival the day before Thanksgiving (Thu 2026-11-26). */
const ARRIVED: ExceptionFacts = {
  status: "IN_TRANSIT",
  substatus: "ARRIVED_DESTINATION_COUNTRY",
  statusEvent: { instant: new Date("2026-11-25T15:00:00Z"), offsetMinutes: EST },
  lastScan: {
    instant: new Date("2026-11-25T15:00:00Z"),
    offsetMinutes: EST,
    milestone: "ARRIVED_DESTINATION_COUNTRY",
  },
  confirmedAt: new Date("2026-11-20T12:00:00Z"),
  originCountry: "CN",
  destinationCountry: "US",
  timeZone: "America/New_York",
  promisedDeliveryTo: null,
  estimatedLatest: null,
};

function context(now: string, table: StallTable = learnStallTable([], calendars)): RuleContext {
  return {
    now: new Date(now),
    calendar: US,
    stallThreshold: (milestone: StallMilestone) =>
      table.threshold({ originCountry: "CN", destinationCountry: "US" }, milestone),
    noScanBusinessDays: 2,
  };
}

const types = (facts: ExceptionFacts, ctx: RuleContext) =>
  detectExceptions(facts, ctx).map((found) => found.type);

describe("STALLED", () => {
  it("counts business days: Thanksgiving and the weekend do not count towards the default gap of 4", () => {
    // Calendar days since the scan: 5, 7, 8. Business days: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3.
    expect(types(ARRIVED, context("2026-11-30T17:00:00Z"))).toEqual([]);
    expect(types(ARRIVED, context("2026-12-02T17:00:00Z"))).toEqual([]);
    const [stalled] = detectExceptions(ARRIVED, context("2026-12-03T17:00:00Z"));
    expect(stalled).toEqual({
      type: "STALLED",
      since: ARRIVED.lastScan?.instant,
      evidence: {
        lastScanAt: "2026-11-25T15:00:00.000Z",
        milestone: "ARRIVED_DESTINATION_COUNTRY",
        businessDays: 5,
        thresholdBusinessDays: 4,
        thresholdSource: "DEFAULT",
        lane: "CN>US",
        samples: 0,
        calendar: "US",
      },
    });
  });

  it("uses the gap learnt on this lane and milestone, and the default on a lane without history", () => {
    // 20 parcels on CN>US scanned again one business day after arriving, then delivered.
    const journeys: StallJourney[] = Array.from({ length: 20 }, (_, i) => ({
      originCountry: "CN",
      destinationCountry: "US",
      scans: [
        { day: dayOfIso("2026-10-05") + i * 7, milestone: "SHIPPED" },
        { day: dayOfIso("2026-10-12") + i * 7, milestone: "ARRIVED_DESTINATION_COUNTRY" },
        { day: dayOfIso("2026-10-13") + i * 7, milestone: "OUT_FOR_DELIVERY" },
      ],
    }));
    const table = learnStallTable(journeys, calendars);
    expect(
      table.threshold(
        { originCountry: "CN", destinationCountry: "US" },
        "ARRIVED_DESTINATION_COUNTRY",
      ),
    ).toEqual({ businessDays: 1, source: "LEARNED", lane: "CN>US", samples: 20 });
    // Two business days after the scan (Fri 27, Mon 30): over the learnt gap.
    expect(types(ARRIVED, context("2026-11-30T17:00:00Z", table))).toEqual(["STALLED"]);
    // The same parcel on a lane with no history into Mexico waits for the default.
    const mexico = { ...ARRIVED, destinationCountry: "MX" };
    const mx: RuleContext = {
      ...context("2026-11-30T17:00:00Z", table),
      calendar: calendars.calendar("MX"),
      stallThreshold: (milestone) =>
        table.threshold({ originCountry: "CN", destinationCountry: "MX" }, milestone),
    };
    expect(types(mexico, mx)).toEqual([]);
  });

  it("does not apply to a parcel waiting for pickup, delivered, or not yet scanned", () => {
    const late = context("2026-12-10T17:00:00Z");
    expect(types({ ...ARRIVED, status: "AVAILABLE_FOR_PICKUP", substatus: null }, late)).toEqual(
      [],
    );
    expect(types({ ...ARRIVED, status: "DELIVERED", substatus: null }, late)).toEqual([]);
  });
});

describe("NO_SCAN_AFTER_CONFIRMATION", () => {
  const unscanned: ExceptionFacts = {
    ...ARRIVED,
    status: "INFO_RECEIVED",
    substatus: "LABEL_CREATED",
    lastScan: null,
    originCountry: null,
    // Friday evening in New York, after Thanksgiving.
    confirmedAt: new Date("2026-11-27T23:00:00Z"),
  };

  it("opens two business days after the confirmation, not two calendar days", () => {
    expect(types(unscanned, context("2026-11-30T17:00:00Z"))).toEqual([]);
    const [found] = detectExceptions(unscanned, context("2026-12-01T17:00:00Z"));
    expect(found).toMatchObject({
      type: "NO_SCAN_AFTER_CONFIRMATION",
      since: unscanned.confirmedAt,
      evidence: { businessDays: 2, thresholdBusinessDays: 2 },
    });
  });

  it("waits for a confirmation", () => {
    expect(types({ ...unscanned, confirmedAt: null }, context("2026-12-10T17:00:00Z"))).toEqual([]);
  });
});

describe("status rules", () => {
  it("reads the carrier's latest word: a failed delivery, a customs hold, a return", () => {
    const now = context("2026-11-25T16:00:00Z");
    expect(
      types({ ...ARRIVED, status: "DELIVERY_FAILED", substatus: "ADDRESS_ISSUE" }, now),
    ).toEqual(["DELIVERY_FAILED"]);
    expect(types({ ...ARRIVED, status: "EXCEPTION", substatus: "CUSTOMS_HELD" }, now)).toEqual([
      "CUSTOMS_HELD",
    ]);
    expect(
      types({ ...ARRIVED, status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" }, now),
    ).toEqual(["RETURNING_TO_SENDER"]);
    expect(types(ARRIVED, now)).toEqual([]);
  });
});

describe("LATE", () => {
  it("opens past the promised instant, with the promised day in its own offset", () => {
    const promised = {
      ...ARRIVED,
      promisedDeliveryTo: { instant: new Date("2026-11-28T07:59:59Z"), offsetMinutes: -480 },
    };
    expect(types(promised, context("2026-11-28T07:00:00Z"))).toEqual([]);
    const [late] = detectExceptions(promised, context("2026-11-28T08:00:00Z"));
    expect(late).toMatchObject({
      type: "LATE",
      since: promised.promisedDeliveryTo.instant,
      evidence: { basis: "PROMISE", date: "2026-11-27" },
    });
  });

  it("opens the day after the hand-over estimate's latest day, in the destination's time zone", () => {
    const estimated = { ...ARRIVED, estimatedLatest: dayOfIso("2026-11-27") };
    expect(types(estimated, context("2026-11-28T04:59:00Z"))).toEqual([]);
    const [late] = detectExceptions(estimated, context("2026-11-28T05:00:00Z"));
    expect(late).toEqual({
      type: "LATE",
      since: new Date("2026-11-28T05:00:00Z"),
      evidence: { basis: "ESTIMATE", date: "2026-11-27", timeZone: "America/New_York" },
    });
  });

  it("never holds once delivered", () => {
    const delivered = {
      ...ARRIVED,
      status: "DELIVERED" as const,
      substatus: null,
      promisedDeliveryTo: { instant: new Date("2026-11-20T00:00:00Z"), offsetMinutes: 0 },
    };
    expect(types(delivered, context("2026-12-10T17:00:00Z"))).toEqual([]);
  });
});
