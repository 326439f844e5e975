import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { seventeenTrack } from "../../src/carriers/17track/index.ts";
import { dhl } from "../../src/carriers/dhl/index.ts";
import type { TrackingAccount, TrackingContext } from "../../src/carriers/tracking-api.ts";
import { createTokenCache } from "../../src/carriers/tracking-api.ts";
import { ups } from "../../src/carriers/ups/index.ts";
import {
  type CarrierFake,
  startDhlFake,
  startSeventeenTrackFake,
  startUpsFake,
} from "../helpers/carrier-fakes.ts";

const fixture = (carrier: string, name: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../../src/carriers/${carrier}/__fixtures__/${name}.json`, import.meta.url),
      "utf8",
    ),
  ) as Record<string, unknown>;

let clock = new Date("2026-11-20T12:00:00Z");
const fakes: CarrierFake[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
  clock = new Date("2026-11-20T12:00:00Z");
});

function context(): TrackingContext {
  return { fetch, now: () => clock, tokens: createTokenCache(), timeoutMs: 2_000 };
}
const account = (url: string, credentials: Record<string, string>): TrackingAccount => ({
  id: "account-1",
  credentials,
  baseUrl: url,
});

describe("UPS Track API v1", () => {
  const number = "1Z999AA10123456784";
  const start = async () => {
    const fake = await startUpsFake({
      clientId: "id-1",
      clientSecret: "secret-1",
      tokenSeconds: 3600,
    });
    fakes.push(fake);
    return { fake, account: account(fake.url, { clientId: "id-1", clientSecret: "secret-1" }) };
  };

  it("gets a token, tracks, and the answer parses into the adapter's events", async () => {
    const { fake, account: acc } = await start();
    fake.track(number, fixture("ups", "delivered"));
    const result = await ups.tracking!.fetch([number], acc, context());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [tracked] = result.numbers;
    expect(tracked).toMatchObject({ trackingNumber: number, ok: true });
    if (!tracked?.ok) return;
    const events = tracked.payloads.flatMap((payload) => ups.parse(payload));
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1)).toMatchObject({ rawCode: "D/011", trackingNumber: number });
  });

  it("keeps the token until it expires, then asks for a new one", async () => {
    const { fake, account: acc } = await start();
    fake.track(number, fixture("ups", "delivered"));
    const ctx = context();
    await ups.tracking!.fetch([number], acc, ctx);
    await ups.tracking!.fetch([number], acc, ctx);
    expect(fake.tokensIssued()).toBe(1);
    clock = new Date(clock.getTime() + 3_600_000);
    await ups.tracking!.fetch([number], acc, ctx);
    expect(fake.tokensIssued()).toBe(2);
  });

  it("reports an unknown number as NOT_FOUND with UPS's code", async () => {
    const { account: acc } = await start();
    const result = await ups.tracking!.fetch([number], acc, context());
    expect(result).toEqual({
      ok: true,
      numbers: [
        {
          trackingNumber: number,
          ok: false,
          failure: {
            kind: "NOT_FOUND",
            code: "151044",
            message: "No tracking information available",
          },
        },
      ],
    });
  });

  it("classifies refused credentials, 429 with Retry-After and 503", async () => {
    const { fake, account: acc } = await start();
    const wrong = account(fake.url, { clientId: "id-1", clientSecret: "wrong" });
    expect(await ups.tracking!.fetch([number], wrong, context())).toMatchObject({
      ok: false,
      failure: { kind: "AUTH", code: "10401" },
    });
    fake.fail("rate-limited", { retryAfterSeconds: 120 });
    expect(await ups.tracking!.fetch([number], acc, context())).toMatchObject({
      ok: false,
      failure: { kind: "RATE_LIMITED", code: "429", retryAfterMs: 120_000 },
    });
    fake.fail("server-error");
    expect(await ups.tracking!.fetch([number], acc, context())).toMatchObject({
      ok: false,
      failure: { kind: "TRANSIENT", code: "9999" },
    });
  });

  it("is TRANSIENT when the host does not answer", async () => {
    const { fake, account: acc } = await start();
    await fake.close();
    expect(await ups.tracking!.fetch([number], acc, context())).toMatchObject({
      ok: false,
      failure: { kind: "TRANSIENT", code: "NETWORK_ERROR" },
    });
  });
});

describe("DHL Shipment Tracking - Unified", () => {
  const start = async () => {
    const fake = await startDhlFake({ apiKey: "dhl-key" });
    fakes.push(fake);
    return { fake, account: account(fake.url, { apiKey: "dhl-key" }) };
  };

  it("sends the DHL-API-Key header, and the answer parses into events", async () => {
    const { fake, account: acc } = await start();
    fake.track("1234567890", fixture("dhl", "delivered"));
    const result = await dhl.tracking!.fetch(["1234567890"], acc, context());
    if (!result.ok) throw new Error(JSON.stringify(result));
    const tracked = result.numbers[0];
    if (!tracked?.ok) throw new Error(JSON.stringify(tracked));
    expect(dhl.parse(tracked.payloads[0]).at(-1)).toMatchObject({ rawCode: "delivered" });
    expect(fake.requests[0]?.headers["dhl-api-key"]).toBe("dhl-key");
  });

  it("reads RFC 7807 problems: 404 not found, 401 auth, 429 with Retry-After", async () => {
    const { fake, account: acc } = await start();
    const missing = await dhl.tracking!.fetch(["0000000000"], acc, context());
    expect(missing).toMatchObject({
      ok: true,
      numbers: [{ ok: false, failure: { kind: "NOT_FOUND", code: "404" } }],
    });
    expect(
      await dhl.tracking!.fetch(["1234567890"], account(fake.url, { apiKey: "nope" }), context()),
    ).toMatchObject({
      ok: false,
      failure: { kind: "AUTH", message: "Unauthorized: Unauthorized for given resource." },
    });
    fake.fail("rate-limited", { retryAfterSeconds: 7 });
    expect(await dhl.tracking!.fetch(["1234567890"], acc, context())).toMatchObject({
      ok: false,
      failure: { kind: "RATE_LIMITED", retryAfterMs: 7_000 },
    });
  });
});

describe("17TRACK v2.2", () => {
  const delivered = fixture("17track", "delivered");
  const data = delivered.data as { number: string };
  const start = async () => {
    const fake = await startSeventeenTrackFake({ apiKey: "17-key" });
    fakes.push(fake);
    return { fake, account: account(fake.url, { apiKey: "17-key" }) };
  };

  it("registers a number 17TRACK does not know and reports it NOT_FOUND until data comes", async () => {
    const { fake, account: acc } = await start();
    const first = await seventeenTrack.tracking!.fetch([data.number], acc, context());
    expect(first).toMatchObject({
      ok: true,
      numbers: [
        {
          trackingNumber: data.number,
          ok: false,
          failure: { kind: "NOT_FOUND", code: "-18019902" },
        },
      ],
    });
    expect(fake.registered()).toEqual([data.number]);
    fake.track(data.number, data);
    const second = await seventeenTrack.tracking!.fetch([data.number], acc, context());
    if (!second.ok || !second.numbers[0]?.ok) throw new Error(JSON.stringify(second));
    const events = second.numbers[0].payloads.flatMap((payload) => seventeenTrack.parse(payload));
    expect(events).toEqual(seventeenTrack.parse(delivered));
    expect(events.length).toBeGreaterThan(0);
    // Registered once: the second lookup found it registered.
    expect(fake.requests.filter((r) => r.path.endsWith("/register"))).toHaveLength(1);
  });

  it("sends 40 numbers in one call and sorts accepted from rejected", async () => {
    const { fake, account: acc } = await start();
    expect(seventeenTrack.tracking!.maxBatch).toBe(40);
    const numbers = Array.from({ length: 40 }, (_, i) => `LX${String(i).padStart(9, "0")}CN`);
    await seventeenTrack.tracking!.fetch(numbers, acc, context());
    fake.track(numbers[3]!, { ...data, number: numbers[3] });
    const result = await seventeenTrack.tracking!.fetch(numbers, acc, context());
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.numbers.filter((n) => n.ok).map((n) => n.trackingNumber)).toEqual([numbers[3]]);
    expect(result.numbers.filter((n) => !n.ok)).toHaveLength(39);
    expect(JSON.parse(fake.trackingCalls().at(-1)!.rawBody)).toHaveLength(40);
  });

  it("classifies an invalid key (code -18010002) as AUTH and HTTP 429 as RATE_LIMITED", async () => {
    const { fake, account: acc } = await start();
    expect(
      await seventeenTrack.tracking!.fetch(["X1"], account(fake.url, { apiKey: "bad" }), context()),
    ).toMatchObject({
      ok: false,
      failure: { kind: "AUTH", code: "-18010002", message: "Access key invalid." },
    });
    fake.fail("rate-limited", { retryAfterSeconds: 2 });
    expect(await seventeenTrack.tracking!.fetch(["X1"], acc, context())).toMatchObject({
      ok: false,
      failure: { kind: "RATE_LIMITED", retryAfterMs: 2_000 },
    });
  });
});
