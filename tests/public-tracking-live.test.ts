import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_SCRIPT_PATH } from "../src/server/public-tracking-page.ts";
import {
  openEventStream,
  publicOrigin,
  RevokeLink,
  recordEvents,
  subscriptionUrl,
  trackedShipment,
} from "./helpers/public-tracking.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

/** The live page's feed: shipmentUpdated over Server-Sent Events (decision 044). */
let server: TestServer;
/** While set, the per-IP request limiter refuses everything (decision 043's 429). */
let overLimit = false;
beforeAll(async () => {
  server = await startTestServer({
    access: {
      publicStreamsPerAddress: 3,
      publicRateLimiter: {
        pointsPerMinute: 120,
        charge: async () => ({
          allowed: !overLimit,
          limit: 120,
          remaining: overLimit ? 0 : 100,
          resetSeconds: 42,
        }),
      },
    },
  });
});
afterAll(() => server.close());

const parse = (data: string) => JSON.parse(data) as { data?: { shipmentUpdated: unknown } };

describe("public shipmentUpdated over Server-Sent Events", () => {
  it("sends the page at once, then the parcel again when an event is recorded", async () => {
    const { shipmentId, token } = await trackedShipment(server);
    const stream = await openEventStream(subscriptionUrl(server, { token, locale: "ja" }));
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.response.headers.get("cache-control")).toBe("no-store");
    const [first] = await stream.waitFor(1);
    expect(first?.event).toBe("next");
    const page = parse(first!.data).data?.shipmentUpdated as { locale: string; events: unknown[] };
    expect(page.locale).toBe("ja");
    expect(page.events).toHaveLength(3);

    await recordEvents(server, shipmentId, [
      { occurredAt: "2026-11-07T08:00:00-08:00", status: "OUT_FOR_DELIVERY", rawCode: "OD" },
    ]);
    const events = await stream.waitFor(2);
    expect(events[1]?.event).toBe("next");
    const text = events[1]!.data;
    const updated = parse(text).data?.shipmentUpdated as {
      status: string;
      events: unknown[];
      route: { name: string; precision: string }[];
    };
    expect(updated.status).toBe("OUT_FOR_DELIVERY");
    expect(updated.events).toHaveLength(4);
    expect(updated.route.map((stop) => stop.name)).toEqual([
      "Shenzhen, CN",
      "Hong Kong, HK",
      "Los Angeles, US",
    ]);
    // No row id of any kind travels to the buyer.
    const rawId = Buffer.from(shipmentId, "base64").toString().split(":")[1]!;
    for (const id of [shipmentId, rawId, server.tenant.tenantId]) expect(text).not.toContain(id);
    stream.close();
  });

  it("answers an unknown token as a miss: a null page, then complete, then the end", async () => {
    const stream = await openEventStream(subscriptionUrl(server, { token: "A".repeat(32) }));
    expect(stream.response.status).toBe(200);
    await stream.done;
    expect(stream.events).toEqual([
      { event: "next", data: JSON.stringify({ data: { shipmentUpdated: null } }) },
      { event: "complete", data: "" },
    ]);
    // The same shape as the query's miss.
    const miss = await fetch(
      `${publicOrigin(server)}/public/graphql?id=trackingPage&variables=${encodeURIComponent(JSON.stringify({ token: "A".repeat(32) }))}`,
    );
    expect(await miss.json()).toEqual({ data: { trackingPage: null } });
  });

  it("ends the stream of a revoked link at the next change", async () => {
    const { shipmentId, token } = await trackedShipment(server);
    const stream = await openEventStream(subscriptionUrl(server, { token }));
    await stream.waitFor(1);
    const revoked = await server.request(RevokeLink, { input: { shipmentId } });
    expect(revoked.data?.revokePublicTrackingLink.errors).toEqual([]);
    await recordEvents(server, shipmentId, [
      { occurredAt: "2026-11-07T08:00:00-08:00", status: "OUT_FOR_DELIVERY", rawCode: "OD" },
    ]);
    await stream.done;
    expect(stream.events.slice(1)).toEqual([
      { event: "next", data: JSON.stringify({ data: { shipmentUpdated: null } }) },
      { event: "complete", data: "" },
    ]);
  });

  it("holds an address to its open streams, and frees a slot when one closes", async () => {
    const { token } = await trackedShipment(server, { events: [] });
    const url = subscriptionUrl(server, { token });
    const open = [
      await openEventStream(url),
      await openEventStream(url),
      await openEventStream(url),
    ];
    for (const stream of open) await stream.waitFor(1);
    const refused = await fetch(url, { headers: { accept: "text/event-stream" } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect((await refused.json()).errors[0].extensions.code).toBe("TOO_MANY_STREAMS");
    open[0]!.close();
    await open[0]!.done;
    let again: Awaited<ReturnType<typeof openEventStream>> | null = null;
    for (let i = 0; i < 20 && again?.response.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await openEventStream(url);
    }
    expect(again?.response.status).toBe(200);
    for (const stream of [...open, again!]) stream.close();
  });

  it("serves the subscription only as an event stream, and mutations only by POST", async () => {
    const { token } = await trackedShipment(server, { events: [] });
    const plain = await fetch(subscriptionUrl(server, { token }));
    expect(plain.status).toBe(406);
    expect((await plain.json()).errors[0].extensions.code).toBe("EVENT_STREAM_ONLY");
    const badVariables = await openEventStream(subscriptionUrl(server, { token: 42 }));
    const body = await badVariables.response.json();
    expect(body.errors[0].message).toMatch(/token/);
    const query = new URLSearchParams({
      id: "rateDelivery",
      variables: JSON.stringify({ token, rating: 5 }),
    });
    const viaGet = await fetch(`${publicOrigin(server)}/public/graphql?${query}`);
    expect(viaGet.status).toBe(405);
  });

  it("serves the map alone as SVG, and the page's script for good under its hash", async () => {
    const { token } = await trackedShipment(server);
    const map = await fetch(`${publicOrigin(server)}/t/${token}/map?lang=de`);
    expect(map.status).toBe(200);
    expect(map.headers.get("content-type")).toContain("image/svg+xml");
    const svg = await map.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox=/);
    expect(svg).toContain(
      "Karte der Sendungsroute: Shenzhen, CN → Hong Kong, HK → Los Angeles, US",
    );
    const miss = await fetch(`${publicOrigin(server)}/t/${"C".repeat(32)}/map`);
    expect(miss.status).toBe(404);
    const script = await fetch(`${publicOrigin(server)}${PAGE_SCRIPT_PATH}`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.headers.get("cache-control")).toContain("immutable");
    expect(await script.text()).toContain("EventSource");
  });

  it("counts opening a stream against the per-IP request limit", async () => {
    const { token } = await trackedShipment(server, { events: [] });
    overLimit = true;
    try {
      const refused = await fetch(subscriptionUrl(server, { token }), {
        headers: { accept: "text/event-stream" },
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("42");
      expect((await refused.json()).errors[0].extensions.code).toBe("RATE_LIMITED");
    } finally {
      overLimit = false;
    }
  });
});
