import { describe, expect, it } from "vitest";
import {
  deferredByPush,
  nextPollAt,
  POLL_SCHEDULE,
  type PollFacts,
  shipmentsPerJob,
} from "./schedule.ts";

const HOUR = 3_600_000;
const now = new Date("2026-11-20T12:00:00Z");
const facts = (over: Partial<PollFacts> = {}): PollFacts => ({
  status: "IN_TRANSIT",
  substatus: null,
  shippedAt: new Date("2026-11-18T12:00:00Z"),
  createdAt: new Date("2026-11-18T10:00:00Z"),
  lastEventAt: new Date("2026-11-19T12:00:00Z"),
  quietCount: 0,
  ...over,
});
const hoursAhead = (date: Date | null) => (date ? (date.getTime() - now.getTime()) / HOUR : null);

describe("the poll schedule", () => {
  it("polls by status: 6 h before transit, 3 h in transit, 1 h out for delivery or at a pickup point", () => {
    expect(hoursAhead(nextPollAt(facts({ status: "PENDING" }), now))).toBe(6);
    expect(hoursAhead(nextPollAt(facts({ status: "INFO_RECEIVED" }), now))).toBe(6);
    expect(hoursAhead(nextPollAt(facts({ status: "IN_TRANSIT" }), now))).toBe(3);
    expect(hoursAhead(nextPollAt(facts({ status: "OUT_FOR_DELIVERY" }), now))).toBe(1);
    expect(hoursAhead(nextPollAt(facts({ status: "AVAILABLE_FOR_PICKUP" }), now))).toBe(1);
  });

  it("doubles the interval for each quiet poll, up to a day", () => {
    const hours = [0, 1, 2, 3, 4, 10].map((quietCount) =>
      hoursAhead(nextPollAt(facts({ quietCount }), now)),
    );
    expect(hours).toEqual([3, 6, 12, 24, 24, 24]);
  });

  it("stops after delivery, expiry and a completed return", () => {
    expect(nextPollAt(facts({ status: "DELIVERED" }), now)).toBeNull();
    expect(nextPollAt(facts({ status: "EXPIRED" }), now)).toBeNull();
    expect(
      nextPollAt(facts({ status: "EXCEPTION", substatus: "RETURNED_TO_SENDER" }), now),
    ).toBeNull();
    expect(
      nextPollAt(facts({ status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" }), now),
    ).not.toBeNull();
  });

  it("stops when nothing happened for 45 days after shipping or the last event", () => {
    const day = 24 * HOUR;
    const old = new Date(now.getTime() - 46 * day);
    expect(
      nextPollAt(facts({ shippedAt: old, createdAt: old, lastEventAt: null }), now),
    ).toBeNull();
    expect(nextPollAt(facts({ shippedAt: old, createdAt: old, lastEventAt: old }), now)).toBeNull();
    const recent = new Date(now.getTime() - 44 * day);
    expect(
      nextPollAt(facts({ shippedAt: old, createdAt: old, lastEventAt: recent }), now),
    ).not.toBeNull();
  });

  it("reads its numbers from the schedule it is given", () => {
    const fast = {
      ...POLL_SCHEDULE,
      intervalMs: { ...POLL_SCHEDULE.intervalMs, IN_TRANSIT: HOUR },
    };
    expect(hoursAhead(nextPollAt(facts(), now, fast))).toBe(1);
    expect(hoursAhead(deferredByPush(now))).toBe(24);
    expect(shipmentsPerJob(40)).toBe(200);
    expect(shipmentsPerJob(1)).toBe(5);
  });
});
