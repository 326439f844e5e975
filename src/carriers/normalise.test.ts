import { beforeEach, describe, expect, it } from "vitest";
import {
  createNormaliser,
  parentCodeFallback,
  recordUnknownCode,
  resetUnknownCodeCounts,
  UNKNOWN_CODE_MEANING,
  unknownCodeCounts,
} from "./normalise.ts";
import type { RawCarrierEvent } from "./types.ts";

const raw = (rawCode: string): RawCarrierEvent => ({
  carrier: "demo",
  trackingNumber: "X1",
  occurredAt: "2026-03-02T14:05:00+08:00",
  rawCode,
  rawDescription: "scan",
});

const table = {
  DL: { status: "DELIVERED" },
  X: { status: "EXCEPTION" },
  "X/RET": { status: "EXCEPTION", substatus: "RETURNED_TO_SENDER" },
} as const;

describe("createNormaliser", () => {
  beforeEach(() => resetUnknownCodeCounts());

  it("maps a known code and keeps the raw event", () => {
    const event = createNormaliser("demo", table)(raw("DL"));
    expect(event).toMatchObject({
      status: "DELIVERED",
      substatus: null,
      known: true,
      rawCode: "DL",
    });
    expect(event.occurredAt).toBe("2026-03-02T14:05:00+08:00");
    expect(unknownCodeCounts().size).toBe(0);
  });

  it("falls back to IN_TRANSIT, marks the event unknown and counts the code", () => {
    const normalise = createNormaliser("demo", table);
    const event = normalise(raw("ZZ"));
    normalise(raw("ZZ"));
    expect(event).toMatchObject({
      status: UNKNOWN_CODE_MEANING.status,
      substatus: null,
      known: false,
    });
    expect(unknownCodeCounts().get("demo:ZZ")).toBe(2);
  });

  it("uses the parent code of a new child code, still marked unknown", () => {
    const normalise = createNormaliser("demo", table, parentCodeFallback(table, "/"));
    expect(normalise(raw("X/RET"))).toMatchObject({ substatus: "RETURNED_TO_SENDER", known: true });
    expect(normalise(raw("X/NEW"))).toMatchObject({ status: "EXCEPTION", known: false });
    expect(unknownCodeCounts().get("demo:X/NEW")).toBe(1);
  });

  it("does not treat inherited object keys as codes", () => {
    const event = createNormaliser("demo", table)(raw("toString"));
    expect(event.known).toBe(false);
  });

  it("never throws, even when the fallback does", () => {
    const normalise = createNormaliser("demo", table, () => {
      throw new Error("boom");
    });
    expect(normalise(raw("??")).status).toBe("IN_TRANSIT");
  });

  it("returns a snapshot that later counts do not change", () => {
    recordUnknownCode("a", "1");
    const snapshot = unknownCodeCounts();
    recordUnknownCode("a", "1");
    expect(snapshot.get("a:1")).toBe(1);
    expect(unknownCodeCounts().get("a:1")).toBe(2);
  });
});
