import { describe, expect, it } from "vitest";
import { createNormalizer, parentCodeFallback, UNKNOWN_CODE_MEANING } from "./normalize.ts";
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

describe("createNormalizer", () => {
  it("maps a known code and keeps the raw event", () => {
    const event = createNormalizer(table)(raw("DL"));
    expect(event).toMatchObject({
      status: "DELIVERED",
      substatus: null,
      known: true,
      rawCode: "DL",
    });
    expect(event.occurredAt).toBe("2026-03-02T14:05:00+08:00");
  });

  it("falls back to IN_TRANSIT and marks the event unknown", () => {
    const normalize = createNormalizer(table);
    const event = normalize(raw("ZZ"));
    expect(event).toMatchObject({
      status: UNKNOWN_CODE_MEANING.status,
      substatus: null,
      known: false,
    });
  });

  it("uses the parent code of a new child code, still marked unknown", () => {
    const normalize = createNormalizer(table, parentCodeFallback(table, "/"));
    expect(normalize(raw("X/RET"))).toMatchObject({ substatus: "RETURNED_TO_SENDER", known: true });
    expect(normalize(raw("X/NEW"))).toMatchObject({ status: "EXCEPTION", known: false });
  });

  it("does not treat inherited object keys as codes", () => {
    const event = createNormalizer(table)(raw("toString"));
    expect(event.known).toBe(false);
  });

  it("never throws, even when the fallback does", () => {
    const normalize = createNormalizer(table, () => {
      throw new Error("boom");
    });
    expect(normalize(raw("??")).status).toBe("IN_TRANSIT");
  });
});
