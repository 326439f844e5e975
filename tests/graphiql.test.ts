import { type DocumentNode, parse, print } from "graphql";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type App, buildApp } from "../src/server/app.ts";
import type { FetcherResult } from "../src/server/graphiql/fetcher.d.ts";
import { createFetcher } from "../src/server/graphiql/fetcher.js";
import { createTracklinePubSub, type PubSubHandle } from "../src/server/pubsub.ts";
import { buildShipment } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
let pubsub: PubSubHandle;
const apps: App[] = [];
const DEMO_KEY = "tl_test_prefilled_demo_key";

beforeAll(async () => {
  server = await startTestServer();
  pubsub = createTracklinePubSub(process.env.REDIS_URL);
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await pubsub.close();
  await server.close();
});

/** Another app on the test server's database, configured as `npm start` would configure it. */
async function startApp(options: { graphiql?: boolean; demoApiKey?: string }): Promise<string> {
  const app = buildApp({
    db: server.database.db,
    pubsub: pubsub.pubsub,
    secretBox: server.secretBox,
    jobs: server.database.jobs,
    ...options,
  });
  apps.push(app);
  return `http://127.0.0.1:${await app.listen(0, "127.0.0.1")}`;
}

async function graphiqlPage(origin: string): Promise<Response> {
  return fetch(`${origin}/graphql`, { headers: { accept: "text/html" } });
}

describe("GraphiQL page", () => {
  it("loads nothing from elsewhere: every asset is ours and served", async () => {
    const origin = new URL(server.url).origin;
    const response = await graphiqlPage(origin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    const withoutComments = html.replace(/<!--[\s\S]*?-->/g, "");
    expect(withoutComments).not.toMatch(/https?:\/\//);
    expect(html).not.toContain("__TITLE__");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");

    const assets = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    const scripts: string[] = [];
    for (const asset of assets) {
      expect(asset).toMatch(/^\/graphiql\//);
      const file = await fetch(`${origin}${asset}`);
      expect([asset, file.status]).toEqual([asset, 200]);
      if (asset.endsWith(".js")) {
        expect(file.headers.get("content-type")).toMatch(/^text\/javascript/);
        scripts.push(await file.text());
      } else {
        await file.arrayBuffer();
      }
    }
    // What the scripts load in turn: page.js's import, and Monaco's workers.
    const loaded = scripts.flatMap((script) => [
      ...script.matchAll(/(?:from\s+"\.\/|"\/graphiql\/)([\w.-]+\.js)"/g),
    ]);
    const names = new Set(loaded.map((match) => match[1]!));
    expect([...names].sort()).toEqual([
      "editor.worker.js",
      "fetcher.js",
      "graphql.worker.js",
      "json.worker.js",
    ]);
    for (const name of names) {
      expect([name, (await fetch(`${origin}/graphiql/${name}`)).status]).toEqual([name, 200]);
    }
  });

  it("lets a browser keep the bundle until it changes", async () => {
    const origin = new URL(server.url).origin;
    const first = await fetch(`${origin}/graphiql/yoga-graphiql.js`);
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await fetch(`${origin}/graphiql/yoga-graphiql.js`, {
      headers: { "if-none-match": etag! },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${origin}/graphiql/nothing.js`)).status).toBe(404);
  });

  it("holds no API key unless it is given the local demo's", async () => {
    const plain = await (await graphiqlPage(new URL(server.url).origin)).text();
    expect(plain).not.toContain("Bearer");
    const demo = await (await graphiqlPage(await startApp({ demoApiKey: DEMO_KEY }))).text();
    expect(demo).toContain(`Bearer ${DEMO_KEY}`);
    expect(demo).not.toContain("</script><");
  });

  it("is not served when GraphiQL is off", async () => {
    const origin = await startApp({ graphiql: false });
    const page = await graphiqlPage(origin);
    expect(await page.text()).not.toContain("graphiql-options");
    expect((await fetch(`${origin}/graphiql/page.js`)).status).toBe(404);
  });
});

describe("GraphiQL's fetcher (the file the page runs)", () => {
  const fetcher = () =>
    createFetcher({
      url: server.url,
      wsUrl: server.wsUrl,
      fetch: globalThis.fetch,
      createClient,
      webSocketImpl: WebSocket,
    });
  const operation = (source: string): { query: string; documentAST: DocumentNode } => ({
    query: source,
    documentAST: parse(source),
  });

  it("sends the headers editor's key with queries over HTTP", async () => {
    const { query, documentAST } = operation("{ stores { id } }");
    const result = await fetcher()(
      { query },
      { headers: { Authorization: `Bearer ${server.tenant.apiKey}` }, documentAST },
    );
    expect(result).toMatchObject({ data: { stores: expect.any(Array) } });
  });

  it("sends the same key in connectionParams, so subscriptions authenticate", async () => {
    const id = await buildShipment(server);
    const { query, documentAST } = operation(
      `subscription Live($id: ID!) { shipmentUpdated(id: $id) { id status } }`,
    );
    const result = await fetcher()(
      { query, operationName: "Live", variables: { id } },
      { headers: { Authorization: `Bearer ${server.tenant.apiKey}` }, documentAST },
    );
    const events = result as AsyncIterableIterator<FetcherResult>;
    expect(typeof events[Symbol.asyncIterator]).toBe("function");
    const first = events.next();
    // Record until the subscription, which starts asynchronously, has seen one.
    let received: IteratorResult<FetcherResult> | undefined;
    void first.then((value) => {
      received = value;
    });
    for (let attempt = 0; attempt < 20 && !received; attempt++) {
      await server.request(RecordEvents, {
        input: {
          shipmentId: id,
          events: [
            {
              occurredAt: `2026-11-10T09:${String(attempt).padStart(2, "0")}:00-05:00`,
              status: "OUT_FOR_DELIVERY",
              rawCode: `OT${attempt}`,
            },
          ],
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await first).value).toEqual({
      data: { shipmentUpdated: { id, status: "OUT_FOR_DELIVERY" } },
    });
    await events.return?.();
  });

  it("reports a refused WebSocket as an error GraphiQL can print", async () => {
    const { query, documentAST } = operation(
      "subscription { trackingEventAdded { shipment { id } } }",
    );
    const events = (await fetcher()(
      { query },
      { headers: {}, documentAST },
    )) as AsyncIterableIterator<FetcherResult>;
    await expect(events.next()).rejects.toThrow(/WebSocket closed: 4403/);
  });

  it("runs introspection (no document) over HTTP", async () => {
    const result = await fetcher()(
      { query: print(parse("{ __schema { queryType { name } } }")) },
      { headers: { authorization: `Bearer ${server.tenant.apiKey}` } },
    );
    expect(result).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });
});
