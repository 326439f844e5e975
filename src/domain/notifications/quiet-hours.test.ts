import { describe, expect, it } from "vitest";
import { inQuietHours, isTimeZone, releaseAt } from "./quiet-hours.ts";

const night = { startMinute: 21 * 60, endMinute: 8 * 60 };

describe("quiet hours in the buyer's zone", () => {
  it("holds a message due at 23:30 in Los Angeles until 08:00 there", () => {
    // 2026-11-20 23:30 PST is 07:30 UTC the next day.
    const due = new Date("2026-11-21T07:30:00Z");
    expect(inQuietHours(due, "America/Los_Angeles", night)).toBe(true);
    expect(releaseAt(due, "America/Los_Angeles", night).toISOString()).toBe(
      "2026-11-21T16:00:00.000Z",
    );
  });

  it("lets the same instant go at once for a buyer in Berlin, where it is 08:30", () => {
    const due = new Date("2026-11-21T07:30:00Z");
    expect(inQuietHours(due, "Europe/Berlin", night)).toBe(false);
    expect(releaseAt(due, "Europe/Berlin", night)).toBe(due);
  });

  it("holds a message due just after the start until the same morning's end, not a day later", () => {
    const due = new Date("2026-11-20T12:05:00Z"); // 21:05 in Tokyo
    expect(releaseAt(due, "Asia/Tokyo", night).toISOString()).toBe("2026-11-20T23:00:00.000Z");
    const early = new Date("2026-11-20T22:59:59Z"); // 07:59:59 in Tokyo
    expect(releaseAt(early, "Asia/Tokyo", night).toISOString()).toBe("2026-11-20T23:00:00.000Z");
  });

  it("lands on 08:00 local across a daylight-saving change in the night", () => {
    // Berlin leaves summer time on 2026-10-25 at 03:00: 22:00 CEST on the 24th is 20:00 UTC.
    const due = new Date("2026-10-24T20:00:00Z");
    expect(releaseAt(due, "Europe/Berlin", night).toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });

  it("has none when start equals end, and windows that do not span midnight work", () => {
    expect(inQuietHours(new Date(), "UTC", { startMinute: 600, endMinute: 600 })).toBe(false);
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60 };
    expect(inQuietHours(new Date("2026-11-20T12:30:00Z"), "UTC", lunch)).toBe(true);
    expect(inQuietHours(new Date("2026-11-20T13:00:00Z"), "UTC", lunch)).toBe(false);
  });

  it("knows IANA zones", () => {
    expect(isTimeZone("Asia/Singapore")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
