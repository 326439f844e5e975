import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seventeenTrack } from "./17track/index.ts";
import { aftership } from "./aftership/index.ts";
import { carrierCodeFromName } from "./carrier-alias.ts";
import { easypost } from "./easypost/index.ts";
import { createCarrierRegistry } from "./registry.ts";
import { NO_RAW_CODE } from "./types.ts";

/** A fixture as a mutable JSON tree, for variants of a published example. */
function fixture<T>(code: string, name: string): T {
  const url = new URL(`./${code}/__fixtures__/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

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
    expect(event && easypost.normalize(event)).toMatchObject({ status: "DELIVERED", known: false });
  });

  it("findAdapter finds by code and returns undefined otherwise", () => {
    expect(findAdapter("17track")?.aggregator).toBe(true);
    expect(findAdapter("nope")).toBeUndefined();
  });
});

describe("scans sent without a code are kept (decision 020)", () => {
  it("17TRACK: the published example's scans with neither stage nor sub_status", () => {
    const events = seventeenTrack
      .parse(fixture("17track", "delivered-uncoded-scans"))
      .map((raw) => seventeenTrack.normalize(raw));
    expect(events.map((e) => e.rawDescription)).toEqual([
      "Shipper created a label, UPS has not received the package yet.",
      "Origin Scan",
      "Arrived at Facility",
      "Out For Delivery Today",
      "DELIVERED",
    ]);
    const uncoded = events.filter((e) => e.rawCode === NO_RAW_CODE);
    expect(uncoded).toHaveLength(2);
    for (const event of uncoded) {
      expect(event).toMatchObject({ status: "IN_TRANSIT", known: false, carrier: "ups" });
      expect(event.location?.city).toBeTruthy();
    }
    expect(events.at(-1)).toMatchObject({ status: "DELIVERED", known: true });
  });

  it("AfterShip: a checkpoint without tag and subtag", () => {
    const payload = fixture<{ msg: { checkpoints: Record<string, unknown>[] } }>(
      "aftership",
      "delivered",
    );
    const checkpoint = payload.msg.checkpoints[2]!;
    delete checkpoint.tag;
    checkpoint.subtag = null;
    const events = aftership.parse(payload).map((raw) => aftership.normalize(raw));
    expect(events).toHaveLength(payload.msg.checkpoints.length);
    expect(events.find((e) => e.rawDescription === "Departed from facility")).toMatchObject({
      rawCode: NO_RAW_CODE,
      status: "IN_TRANSIT",
      known: false,
    });
  });

  it("EasyPost: tracking_details without status, with and without status_detail", () => {
    const payload = fixture<{ result: { tracking_details: Record<string, unknown>[] } }>(
      "easypost",
      "delivered",
    );
    const [, arrived, outForDelivery] = payload.result.tracking_details;
    delete arrived!.status;
    outForDelivery!.status = null;
    outForDelivery!.status_detail = "";
    const events = easypost.parse(payload).map((raw) => easypost.normalize(raw));
    expect(events).toHaveLength(payload.result.tracking_details.length);
    expect(events[1]).toMatchObject({
      rawCode: `${NO_RAW_CODE}/arrived_at_facility`,
      rawDescription: "Arrived at USPS Regional Origin Facility",
      known: false,
    });
    expect(events[2]).toMatchObject({ rawCode: NO_RAW_CODE, known: false });
    expect(events.at(-1)).toMatchObject({ status: "DELIVERED", known: true });
  });
});

describe("the provider's overall status of a tracking (decision 023)", () => {
  it.each([
    ["17track", "delivered", "DELIVERED"],
    ["17track", "returned", "EXCEPTION"],
    ["17track", "failed-delivery", "DELIVERY_FAILED"],
    ["aftership", "delivered-late-scan", "DELIVERED"],
    ["aftership", "customs-hold", "EXCEPTION"],
    ["easypost", "delivered-late-scan", "DELIVERED"],
    ["easypost", "returned", "EXCEPTION"],
  ])("%s %s -> %s", (code, name, status) => {
    expect(findAdapter(code)?.overallStatus?.(fixture(code, name))).toBe(status);
  });

  it("reads a new sub-status as its main status, and nothing as null", () => {
    const payload = fixture<{
      data: { track_info: { latest_status: Record<string, unknown> } };
    }>("17track", "delivered");
    payload.data.track_info.latest_status.sub_status = "Delivered_Mailbox";
    expect(seventeenTrack.overallStatus?.(payload)).toBe("DELIVERED");
    payload.data.track_info.latest_status = {};
    expect(seventeenTrack.overallStatus?.(payload)).toBeNull();
    expect(aftership.overallStatus?.({ msg: { tag: "constructor" } })).toBeNull();
    expect(
      easypost.overallStatus?.({ result: { status: "delivered", status_detail: "new" } }),
    ).toBe("DELIVERED");
    expect(easypost.overallStatus?.(null)).toBeNull();
  });
});
