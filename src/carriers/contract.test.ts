import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  isTrackingStatus,
  SUBSTATUSES_BY_STATUS,
  type TrackingStatus,
} from "../vocabulary/index.ts";
import { CarrierPayloadError } from "./json.ts";
import { ISO_WITH_OFFSET, offsetOf } from "./occurred-at.ts";
import { CARRIER_ADAPTERS } from "./registry.ts";
import { type CanonicalEvent, NO_RAW_CODE } from "./types.ts";

const here = dirname(fileURLToPath(import.meta.url));

function fixturesOf(code: string): { name: string; text: string; payload: unknown }[] {
  const dir = join(here, code, "__fixtures__");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      return { name: file.replace(/\.json$/, ""), text, payload: JSON.parse(text) as unknown };
    });
}

/** What an aggregator says of the whole tracking; undefined for a direct carrier. */
interface Provider {
  aggregator: boolean;
  overall: TrackingStatus | null | undefined;
}

type Scenario = (events: CanonicalEvent[], provider: Provider) => void;

/** What a fixture's name promises about its parsed, normalized events. */
const SCENARIOS: Record<string, Scenario> = {
  delivered: (events, { overall }) => {
    expect(events.some((e) => e.status === "DELIVERED")).toBe(true);
    // An aggregator says so itself, and a later-timed scan may follow the delivery (023).
    expect(overall === undefined ? events.at(-1)?.status : overall).toBe("DELIVERED");
  },
  "customs-hold": (events) =>
    expect(events.some((e) => e.status === "EXCEPTION" && e.substatus === "CUSTOMS_HELD")).toBe(
      true,
    ),
  "failed-delivery": (events) =>
    expect(events.some((e) => e.status === "DELIVERY_FAILED")).toBe(true),
  returned: (events) =>
    expect(
      events.some(
        (e) => e.substatus === "RETURNING_TO_SENDER" || e.substatus === "RETURNED_TO_SENDER",
      ),
    ).toBe(true),
  handoff: (events, { aggregator }) => {
    if (aggregator) expect(new Set(events.map((e) => e.carrier)).size).toBeGreaterThan(1);
    else expect(events.some((e) => e.substatus === "HANDED_TO_LAST_MILE")).toBe(true);
  },
  offsets: (events) => {
    const offsets = new Set(events.map((e) => offsetOf(e.occurredAt)).filter((o) => o !== "Z"));
    expect(offsets.size).toBeGreaterThan(1);
  },
};

/** "delivered" and "delivered-late-scan" both promise what "delivered" promises. */
function scenarioOf(fixture: string): Scenario | undefined {
  const key = Object.keys(SCENARIOS).find((s) => fixture === s || fixture.startsWith(`${s}-`));
  return key ? SCENARIOS[key] : undefined;
}

describe.each(CARRIER_ADAPTERS)("carrier contract: $code", (adapter) => {
  const fixtures = fixturesOf(adapter.code);

  it("has at least three fixture scenarios", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it("maps every code to a canonical status and a substatus of that status", () => {
    for (const [code, meaning] of Object.entries(adapter.codes)) {
      expect(isTrackingStatus(meaning.status), code).toBe(true);
      if (meaning.substatus) {
        const allowed: readonly string[] = SUBSTATUSES_BY_STATUS[meaning.status];
        expect(allowed, `${code} -> ${meaning.status}/${meaning.substatus}`).toContain(
          meaning.substatus,
        );
      }
    }
  });

  it.each(fixtures)(
    "parses $name into time-ordered events with kept offsets",
    ({ text, payload }) => {
      const events = adapter.parse(payload);
      expect(events.length).toBeGreaterThan(0);
      const instants = events.map((e) => Date.parse(e.occurredAt));
      expect(instants).toEqual([...instants].sort((a, b) => a - b));
      for (const event of events) {
        expect(event.occurredAt).toMatch(ISO_WITH_OFFSET);
        const offset = offsetOf(event.occurredAt);
        // A non-UTC offset comes from the payload: spelled out, or (USPS) implied by the
        // payload's own local wall-clock time next to its UTC time.
        if (offset !== "Z") {
          const spelled = text.includes(offset) || text.includes(offset.replace(":", ""));
          const localKept = text.includes(event.occurredAt.slice(0, 19));
          expect(spelled || localKept, `${event.occurredAt} offset not in payload`).toBe(true);
        }
        expect(event.trackingNumber).not.toBe("");
        expect(event.rawCode).not.toBe("");
        if (adapter.aggregator) expect(event.carrier).not.toBe(adapter.code);
        else expect(event.carrier).toBe(adapter.code);
      }
    },
  );

  it.each(fixtures)(
    "normalizes every coded event of $name to a known status",
    ({ name, payload }) => {
      const events = adapter.parse(payload).map((raw) => adapter.normalize(raw));
      for (const event of events) {
        // A scan the provider sent without any code is kept, but its status is only a fallback.
        const uncoded = event.rawCode.startsWith(NO_RAW_CODE);
        expect(event.known, `${event.rawCode} known: ${event.known}`).toBe(!uncoded);
      }
      scenarioOf(name)?.(events, {
        aggregator: adapter.aggregator === true,
        overall: adapter.overallStatus?.(payload),
      });
    },
  );

  it.each([null, undefined, 42, "text", [], {}, { shipments: "x" }, { data: 1 }])(
    "rejects malformed payload %j with a CarrierPayloadError",
    (payload) => {
      expect(() => adapter.parse(payload)).toThrow(CarrierPayloadError);
    },
  );

  it("normalizes an unknown code without throwing and marks it unknown", () => {
    const event = adapter.normalize({
      carrier: adapter.code,
      trackingNumber: "X1",
      occurredAt: "2026-03-02T14:05:00+08:00",
      rawCode: "NEVER_DOCUMENTED_CODE",
      rawDescription: "",
    });
    expect(event.known).toBe(false);
    expect(isTrackingStatus(event.status)).toBe(true);
  });

  it(
    adapter.aggregator
      ? "verifies webhooks and names delivery ids"
      : "takes no webhooks (direct carrier)",
    () => {
      if (adapter.aggregator) {
        expect(adapter.verifyWebhook).toBeTypeOf("function");
        expect(adapter.webhookEventId).toBeTypeOf("function");
        expect(adapter.overallStatus).toBeTypeOf("function");
      } else {
        expect(adapter.verifyWebhook).toBeUndefined();
        expect(adapter.overallStatus).toBeUndefined();
      }
    },
  );
});
