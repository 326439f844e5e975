import { describe, expect, it } from "vitest";
import { seventeenTrack } from "./17track/index.ts";
import { carrierCodeFromName } from "./carrier-alias.ts";
import { easypost } from "./easypost/index.ts";
import { createCarrierRegistry } from "./registry.ts";

const findAdapter = (code: string) => createCarrierRegistry().adapter(code);

const seventeenTrackPayload = (key: number | null, name: string) => ({
  event: "TRACKING_UPDATED",
  data: {
    number: "RR1",
    carrier: key,
    track_info: {
      tracking: {
        providers: [
          {
            provider: { key, name },
            events: [{ time_iso: "2026-03-02T10:00:00+08:00", sub_status: "InTransit_PickedUp" }],
          },
        ],
      },
    },
  },
});

describe("aggregator events name the real carrier", () => {
  it.each([
    [21051, "USPS", "usps"],
    [3011, "China Post", "china-post"],
    [190008, "YunExpress", "yunexpress"],
    [999999, "Singapore Post", "singapore-post"],
    [999998, "Poste Italiane", "poste-italiane"],
  ])("17TRACK key %i (%s) -> %s", (key, name, code) => {
    expect(seventeenTrack.parse(seventeenTrackPayload(key, name))[0]?.carrier).toBe(code);
  });

  it("17TRACK: a notice without track_info yields no events", () => {
    expect(seventeenTrack.parse({ event: "TRACKING_STOPPED", data: { number: "RR1" } })).toEqual(
      [],
    );
  });

  it.each([
    ["usps", "usps"],
    ["china-ems", "china-ems"],
    ["FedEx", "fedex"],
    ["DHLExpress", "dhl"],
    ["DHLEcommerceSolutions", "dhl-ecommerce"],
    ["AmazonShipping", "amazon"],
    ["CanadaPost", "canada-post"],
    ["4PX", "4px"],
    ["Some New Courier", "some-new-courier"],
  ])("name %s -> %s", (name, code) => {
    expect(carrierCodeFromName(name)).toBe(code);
  });

  it("EasyPost: a new status_detail keeps its status but is counted unknown", () => {
    const [event] = easypost.parse({
      id: "evt_1",
      result: {
        tracking_code: "EZ1",
        carrier: "USPS",
        tracking_details: [
          {
            status: "delivered",
            status_detail: "brand_new_detail",
            datetime: "2026-03-04T17:31:00Z",
          },
        ],
      },
    });
    expect(event && easypost.normalise(event)).toMatchObject({ status: "DELIVERED", known: false });
  });

  it("findAdapter finds by code and returns undefined otherwise", () => {
    expect(findAdapter("17track")?.aggregator).toBe(true);
    expect(findAdapter("nope")).toBeUndefined();
  });
});
