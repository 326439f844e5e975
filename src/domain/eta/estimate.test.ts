import { describe, expect, it } from "vitest";
import { createCalendarBook } from "./calendar.ts";
import { isoOfDay } from "./days.ts";
import { type EtaQuery, estimateDelivery } from "./estimate.ts";
import { businessDaysBetween, type DeliveryRecord } from "./journey.ts";
import { fitEtaModel } from "./model.ts";
import { day, lane, record, seeded } from "./test-records.ts";

const calendars = createCalendarBook();
const US = lane("US-CA", "US-NY");
const query = (overrides: Partial<EtaQuery>): EtaQuery => ({
  lane: US,
  carrier: null,
  service: null,
  reached: {},
  confidence: 0.9,
  ...overrides,
});

/** Every delivery on the lane exactly three US business days after pick-up. */
function threeBusinessDays() {
  const ny = calendars.calendar("US", "NY");
  const records: DeliveryRecord[] = [];
  for (let shipped = day("2026-06-01"); shipped < day("2026-10-01"); shipped++) {
    if (!ny.isWorkingDay(shipped)) continue;
    records.push(record(calendars, US, shipped, 3));
  }
  return fitEtaModel(records, { now: day("2026-11-20"), calendars });
}

describe("business days", () => {
  const model = threeBusinessDays();

  it("skips the weekend and Thanksgiving at the destination", () => {
    // Picked up Saturday 21 Nov: moves Monday; Tue, Wed, (Thu is Thanksgiving), Fri.
    const result = estimateDelivery(model, query({ reached: { SHIPPED: day("2026-11-21") } }))!;
    expect([result.earliest, result.mostLikely, result.latest].map(isoOfDay)).toEqual([
      "2026-11-27",
      "2026-11-27",
      "2026-11-27",
    ]);
    expect(result.holidays.map((h) => [h.side, isoOfDay(h.day)])).toEqual([
      ["DESTINATION", "2026-11-26"],
    ]);
  });

  it("waits at the origin over Christmas and the weekend before counting", () => {
    // Handed over on Friday 25 Dec (a holiday there): moves Monday 28; 29, 30, 31.
    const result = estimateDelivery(model, query({ reached: { SHIPPED: day("2026-12-25") } }))!;
    expect(isoOfDay(result.mostLikely)).toBe("2026-12-31");
    expect(
      result.holidays.map((h) => [h.side, isoOfDay(h.day), h.calendar.holiday(h.day)]),
    ).toEqual([["ORIGIN", "2026-12-25", "Christmas Day"]]);
  });

  it("counts the destination's regional holidays, by the buyer's state", () => {
    const br = calendars.calendar("BR", "BA");
    expect(br.isWorkingDay(day("2026-07-02"))).toBe(false); // Independência da Bahia
    expect(calendars.calendar("BR", "SP").isWorkingDay(day("2026-07-02"))).toBe(true);
    expect(calendars.calendar("BR").holidayName(day("2026-11-20"), "en")).toBe(
      "Black Awareness Day",
    );
  });
});

describe("a lane with few deliveries", () => {
  // The country: 600 deliveries in 5 days. SP -> AM: its own 15 days, 3 or 300 times.
  function model(thin: number) {
    const random = seeded(7);
    const records: DeliveryRecord[] = [];
    for (let i = 0; i < 600; i++) {
      const to = ["RJ", "MG", "PR", "RS"][i % 4]!;
      records.push(
        record(
          calendars,
          lane("BR-SP", `BR-${to}`),
          day("2026-03-02") + Math.floor(random() * 150),
          5,
        ),
      );
    }
    for (let i = 0; i < thin; i++) {
      records.push(record(calendars, lane("BR-SP", "BR-AM"), day("2026-03-02") + (i % 150), 15));
    }
    return fitEtaModel(records, { now: day("2026-10-01"), calendars });
  }
  const amazonas = query({ lane: lane("BR-SP", "BR-AM"), reached: { SHIPPED: day("2026-10-05") } });
  const am = calendars.calendar("BR", "AM");
  const businessDays = (to: number) => businessDaysBetween(day("2026-10-05"), to, am);

  it("shrinks toward its country instead of jumping to its own few", () => {
    const result = estimateDelivery(model(3), amazonas)!;
    expect(businessDays(result.mostLikely)).toBe(5);
    expect(businessDays(result.latest)).toBeGreaterThan(5);
    expect(businessDays(result.latest)).toBeLessThanOrEqual(15);
    expect(result.basis).toEqual({ level: "REGION", sampleSize: 3, lane: "BR-SP → BR-AM" });
    expect(result.shrunkToward).toEqual({ level: "COUNTRY", sampleSize: 603, lane: "BR → BR" });
  });

  it("follows its own history once it has plenty", () => {
    const result = estimateDelivery(model(300), amazonas)!;
    expect(businessDays(result.mostLikely)).toBe(15);
    expect(result.shrunkToward).toBeNull();
  });
});

describe("the most likely day", () => {
  // 30 % take 3 business days, 15 % take 4, the rest 5-12: the median is 5, while the day with
  // most deliveries within a day either side is 4, a tenth of a day dearer in expected error.
  function model(mostLikelyTolerance?: number) {
    const ny = calendars.calendar("US", "NY");
    const spread = [3, 3, 3, 3, 3, 3, 4, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 5, 6, 7];
    const records: DeliveryRecord[] = [];
    let i = 0;
    for (let shipped = day("2026-03-02"); shipped < day("2026-10-01"); shipped++) {
      if (ny.isWorkingDay(shipped)) records.push(record(calendars, US, shipped, spread[i++ % 20]!));
    }
    const options = mostLikelyTolerance === undefined ? {} : { mostLikelyTolerance };
    return fitEtaModel(records, { now: day("2026-11-20"), calendars, options });
  }
  // Shipped on a Friday: 3, 4 and 5 business days are the next Wednesday, Thursday and Friday.
  const shipped = query({ reached: { SHIPPED: day("2026-12-04") } });

  it("stays on the median when a likelier day would cost more than the tolerance", () => {
    expect(isoOfDay(estimateDelivery(model(), shipped)!.mostLikely)).toBe("2026-12-11");
  });

  it("moves to the likelier day when the tolerance allows its cost", () => {
    expect(isoOfDay(estimateDelivery(model(0.2), shipped)!.mostLikely)).toBe("2026-12-10");
  });
});

describe("without history", () => {
  const empty = fitEtaModel([], { now: day("2026-11-20"), calendars });
  const shipped = { SHIPPED: day("2026-11-23") };

  it("uses the marketplace's promised window first", () => {
    const result = estimateDelivery(
      empty,
      query({ reached: shipped, promise: { from: day("2026-11-30"), to: day("2026-12-04") } }),
    )!;
    expect(result.basis.level).toBe("PROMISE");
    expect(result.prior?.kind).toBe("PROMISE");
    expect(isoOfDay(result.earliest) <= "2026-11-30").toBe(true);
    expect(isoOfDay(result.latest) >= "2026-12-04").toBe(true);
  });

  it("then the channel's service days, then the carrier's standard, then the default", () => {
    const channel = { kind: "CHANNEL" as const, fromDays: 3, toDays: 7, source: "Shopee" };
    expect(
      estimateDelivery(empty, query({ reached: shipped, channelPrior: channel }))!.basis.level,
    ).toBe("CHANNEL");
    const ups = estimateDelivery(
      empty,
      query({ reached: shipped, carrier: "ups", service: "UPS Ground" }),
    )!;
    expect([ups.basis.level, ups.prior?.source]).toEqual(["CARRIER_STANDARD", "UPS Ground"]);
    const none = estimateDelivery(empty, query({ reached: shipped, carrier: "yunexpress" }))!;
    expect(none.basis.level).toBe("DEFAULT");
  });
});

describe("a parcel in transit", () => {
  it("counts what is left from its latest milestone, never before today", () => {
    const model = threeBusinessDays();
    const result = estimateDelivery(
      model,
      query({ reached: { SHIPPED: day("2026-11-02") }, notDeliveredBefore: day("2026-11-10") }),
    )!;
    expect(isoOfDay(result.earliest) >= "2026-11-10").toBe(true);
  });
});

describe("calibration", () => {
  // A steady world: per lane, a base of 2-8 days plus a right-skewed spread.
  function history(seed: number, from: string, days: number) {
    const random = seeded(seed);
    const lanes = ["RJ", "MG", "BA", "PE", "RS", "AM"].map((to, i) => ({
      on: lane("BR-SP", `BR-${to}`),
      base: 2 + i,
    }));
    const records: DeliveryRecord[] = [];
    for (let i = 0; i < days * 40; i++) {
      const { on, base } = lanes[Math.floor(random() * lanes.length)]!;
      const spread = Math.floor(-Math.log(1 - random()) * (base / 2));
      records.push(record(calendars, on, day(from) + Math.floor(i / 40), base + spread));
    }
    return records;
  }

  it.each([0.5, 0.8, 0.9, 0.95])("covers what it states on held-out history (%s)", (confidence) => {
    const model = fitEtaModel(history(1, "2025-01-01", 365), { now: day("2026-01-01"), calendars });
    const heldOut = history(2, "2026-01-01", 60);
    let covered = 0;
    for (const r of heldOut) {
      const result = estimateDelivery(
        model,
        query({ lane: r.lane, reached: { SHIPPED: r.days.SHIPPED }, confidence }),
      )!;
      if (result.earliest <= r.days.DELIVERED && r.days.DELIVERED <= result.latest) covered++;
    }
    const coverage = covered / heldOut.length;
    expect(coverage).toBeGreaterThanOrEqual(confidence - 0.03);
    expect(coverage).toBeLessThanOrEqual(confidence + 0.06);
  });
});
