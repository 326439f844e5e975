import { describe, expect, it } from "vitest";
import { fourPx } from "./4px/index.ts";
import { aftership } from "./aftership/index.ts";
import { parseOffset, withOffsetFromUtc } from "./occurred-at.ts";
import { ups } from "./ups/index.ts";
import { usps } from "./usps/index.ts";

const upsActivity = (extra: Record<string, unknown>) => ({
  trackResponse: {
    shipment: [
      {
        package: [
          {
            trackingNumber: "1Z1",
            activity: [
              { status: { type: "D", statusCode: "011", description: "DELIVERED" }, ...extra },
            ],
          },
        ],
      },
    ],
  },
});

describe("carrier offsets", () => {
  it("reads the offset spellings carriers use", () => {
    expect(parseOffset("GMT+08:00")).toBe("+08:00");
    expect(parseOffset("UTC+8")).toBe("+08:00");
    expect(parseOffset("-0530")).toBe("-05:30");
    expect(parseOffset("UTC")).toBe("Z");
    expect(parseOffset("+15:00")).toBeNull();
    expect(parseOffset("Asia/Shanghai")).toBeNull();
  });

  it("UPS: local date + time + gmtOffset", () => {
    const [event] = ups.parse(
      upsActivity({ date: "20260304", time: "132200", gmtOffset: "-05:00" }),
    );
    expect(event?.occurredAt).toBe("2026-03-04T13:22:00-05:00");
  });

  it("UPS: GMT date and time only -> UTC", () => {
    const [event] = ups.parse(
      upsActivity({ date: "20260304", time: "132200", gmtDate: "20260304", gmtTime: "18:22:00" }),
    );
    expect(event?.occurredAt).toBe("2026-03-04T18:22:00Z");
  });

  it("UPS: no zone at all -> the country's fixed offset, else UTC", () => {
    const inChina = upsActivity({
      date: "20260304",
      time: "132200",
      location: { address: { countryCode: "CN" } },
    });
    expect(ups.parse(inChina)[0]?.occurredAt).toBe("2026-03-04T13:22:00+08:00");
    const inUs = upsActivity({ date: "20260304", time: "132200" });
    expect(ups.parse(inUs)[0]?.occurredAt).toBe("2026-03-04T13:22:00Z");
  });

  it("USPS: the offset implied by eventTimestamp and GMTTimestamp", () => {
    const [event] = usps.parse({
      trackingNumber: "94001",
      trackingEvents: [
        {
          eventCode: "01",
          eventType: "Delivered",
          eventTimestamp: "2026-07-04T09:30:00",
          GMTTimestamp: "2026-07-04T16:30:00Z",
        },
      ],
    });
    expect(event?.occurredAt).toBe("2026-07-04T09:30:00-07:00");
    expect(withOffsetFromUtc("2026-03-02T20:15:00", "2026-03-02T14:30:00Z")).toBe(
      "2026-03-02T20:15:00+05:45",
    );
  });

  it("AfterShip: a checkpoint time without offset takes its country's fixed offset", () => {
    const events = aftership.parse({
      msg: {
        tracking_number: "YT1",
        slug: "yunexpress",
        checkpoints: [
          { checkpoint_time: "2026-03-02T19:40:00", country_iso3: "CHN", subtag: "InTransit_002" },
          { checkpoint_time: "2026-03-03T19:40:00", country_iso3: "USA", subtag: "InTransit_003" },
        ],
      },
    });
    expect(events.map((e) => e.occurredAt)).toEqual([
      "2026-03-02T19:40:00+08:00",
      "2026-03-03T19:40:00Z",
    ]);
  });

  it("4PX: tkTimezone null -> tkDate in UTC", () => {
    const [event] = fourPx.parse({
      data: [
        {
          queryCode: "4PX1",
          tracks: [
            {
              tkCode: "FPX_I_RCUK",
              tkTimezone: null,
              tkDate: "2024-09-05T18:18:00.000+0000",
              tkDateStr: "2024-09-06 02:18:00",
            },
          ],
        },
      ],
    });
    expect(event?.occurredAt).toBe("2024-09-05T18:18:00.000+00:00");
  });
});
