import { geoEqualEarth } from "d3-geo";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.ts";
import { renderBaseMap } from "../src/server/live-map/base-map.ts";
import { eventStreamMessages } from "../src/server/live-map/event-stream.js";
import { equalEarth } from "../src/server/live-map/projection.js";
import * as queries from "../src/server/live-map/queries.js";
import { buildShipment, globalId } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
let origin = "";
beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
});
afterAll(() => server.close());

describe("GET /map", () => {
  it("serves the page under a strict Content-Security-Policy, with nothing inline to allow", async () => {
    const response = await fetch(`${origin}/map`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const policy = response.headers.get("content-security-policy")!.split("; ");
    expect(policy).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "script-src 'self'",
        "connect-src 'self'",
        "style-src 'self'",
      ]),
    );
    expect(policy.join(" ")).not.toMatch(/unsafe|https?:|\*/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    // The base map is drawn in: land, borders, and the projection the page places dots with.
    const map = renderBaseMap();
    expect(html).toContain(`data-scale="${map.scale}"`);
    expect(html).toContain(`<path class="land" d="${map.land}"`);
    expect(map.land.length).toBeGreaterThan(10_000);
  });

  it("serves each file the page loads, small, and nothing else under /map/", async () => {
    const html = await (await fetch(`${origin}/map`)).text();
    const linked = [...html.matchAll(/(?:src|href)="(\/map\/[^"]+)"/g)].map(([, path]) => path!);
    expect(linked).toEqual(
      expect.arrayContaining(["/map/live-map.js", "/map/live-map.css", "/map/favicon.svg"]),
    );
    const imports = new Set(["/map/live-map.js"]);
    let scriptBytes = 0;
    for (const path of imports) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      const text = await response.text();
      scriptBytes += Buffer.byteLength(text);
      for (const [, name] of text.matchAll(/^import .* from "\.\/([^"]+)";$/gm)) {
        imports.add(`/map/${name}`);
      }
    }
    expect([...imports].sort()).toEqual([
      "/map/api.js",
      "/map/event-stream.js",
      "/map/live-map.js",
      "/map/projection.js",
      "/map/queries.js",
      "/map/text.js",
    ]);
    expect(scriptBytes).toBeLessThan(30_000);
    expect((await fetch(`${origin}/map/live-map.css`)).status).toBe(200);
    expect((await fetch(`${origin}/map/app.ts`)).status).toBe(404);
    expect((await fetch(`${origin}/map/../package.json`)).status).not.toBe(200);
  });

  it("answers 304 to a browser holding the current file", async () => {
    const first = await fetch(`${origin}/map/live-map.js`);
    const etag = first.headers.get("etag")!;
    const again = await fetch(`${origin}/map/live-map.js`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });
});

describe("what the page runs", () => {
  it("sends only documents the schema accepts", () => {
    const documents = Object.entries(queries);
    expect(documents.length).toBe(5);
    for (const [name, text] of documents) {
      expect(validate(schema, parse(text)), name).toEqual([]);
    }
  });

  it("reads a page of the map's parcels in as many SQL statements for 2 parcels as for 6", async () => {
    const storeId = globalId("Store", server.tenant.amazonStoreId);
    const addParcels = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const shipmentId = await buildShipment(server);
        const location = { city: "Shenzhen", countryCode: "CN" };
        const events = [
          {
            occurredAt: "2026-11-04T09:00:00+08:00",
            status: "EXCEPTION" as const,
            substatus: "CUSTOMS_HELD" as const,
            location,
          },
        ];
        await server.request(RecordEvents, { input: { shipmentId, events } });
      }
    };
    const statements = async () => {
      await server.drainJobs();
      server.database.queries.length = 0;
      const response = await fetch(server.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${server.tenant.apiKey}`,
        },
        body: JSON.stringify({ query: queries.SHIPMENTS, variables: { storeId, first: 100 } }),
      });
      const body = (await response.json()) as {
        data: { shipments: { edges: { node: { exceptions: unknown[] } }[] } };
      };
      const counted = server.database.queries.filter((sql) => !sql.includes('"ApiKey"')).length;
      return {
        counted,
        parcels: body.data.shipments.edges.filter((edge) => edge.node.exceptions.length).length,
      };
    };
    await addParcels(2);
    const few = await statements();
    await addParcels(4);
    const more = await statements();
    expect([few.parcels, more.parcels]).toEqual([2, 6]);
    expect(more.counted).toBe(few.counted);
  });

  it("projects points exactly where d3-geo's Equal Earth puts them on the base map", () => {
    const { scale, translate } = renderBaseMap();
    const d3 = geoEqualEarth().scale(scale).translate(translate);
    const page = equalEarth(scale, ...translate);
    const points: [number, number][] = [
      [0, 0],
      [114.06, 22.54],
      [-87.63, 41.88],
      [8.68, 50.11],
      [151.21, -33.87],
      [-179.9, 89.9],
      [179.9, -89.9],
    ];
    for (const point of points) {
      const [x, y] = page(...point);
      const [dx, dy] = d3(point)!;
      expect(x).toBeCloseTo(dx, 6);
      expect(y).toBeCloseTo(dy, 6);
    }
  });

  it("reads GraphQL over SSE however the body is cut into chunks", async () => {
    const wire =
      ':\n\nevent: next\ndata: {"data":{"a":1}}\n\r\nevent: next\ndata: line one\ndata: line two\r\n\r\n: ping\n\nevent: complete\ndata:\n\n';
    const expected = [
      { event: "next", data: '{"data":{"a":1}}' },
      { event: "next", data: "line one\nline two" },
      { event: "complete", data: "" },
    ];
    for (const size of [1, 2, 3, 7, wire.length]) {
      const bytes = new TextEncoder().encode(wire);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += size) {
            controller.enqueue(bytes.slice(at, at + size));
          }
          controller.close();
        },
      });
      const messages = [];
      for await (const message of eventStreamMessages(body)) messages.push(message);
      expect(messages, `chunks of ${size}`).toEqual(expected);
    }
  });
});
