import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApiKey } from "../src/server/api-keys.ts";
import { type App, buildApp } from "../src/server/app.ts";
import { createTracklinePubSub, type PubSubHandle } from "../src/server/pubsub.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

let database: TestDatabase;
let pubsub: PubSubHandle;
const apps: App[] = [];
let apiKey: string;
/** The app with the production limits (1 MB bodies, 64 KB frames) but a quick init timeout. */
let url: string;

async function start(limits: Parameters<typeof buildApp>[0]["limits"]): Promise<string> {
  const secretBox = createSecretBox(Buffer.alloc(32, "transport-limits-test"));
  const app = buildApp({
    db: database.db,
    pubsub: pubsub.pubsub,
    limits,
    secretBox,
    jobs: database.jobs,
  });
  apps.push(app);
  return `http://127.0.0.1:${await app.listen(0, "127.0.0.1")}/graphql`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  pubsub = createTracklinePubSub(process.env.REDIS_URL);
  const tenant = await database.db.tenant.create({ data: { name: "Limits" } });
  apiKey = await createApiKey(database.db, { tenantId: tenant.id, name: "test" });
  url = await start({ wsConnectionInitTimeoutMs: 300 });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await pubsub.close();
  await database.close();
});

function post(body: string, key: string | null = apiKey, target = url) {
  return fetch(target, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body,
  });
}

/** A valid request of about `bytes` bytes: the padding is a variable the query does not use. */
/** A body of exactly `bytes`, padded with texts short enough for the per-text cap (10,000). */
function paddedQuery(bytes: number): string {
  const build = (pad: string[]) => JSON.stringify({ query: "{ __typename }", variables: { pad } });
  const pad: string[] = [];
  while (build([...pad, "x".repeat(8000)]).length <= bytes) pad.push("x".repeat(8000));
  const rest = bytes - build([...pad, ""]).length;
  if (rest > 0) pad.push("x".repeat(rest));
  return build(pad);
}

/** Under yoga's own cap (25 MB by default), which refuses a larger declared length up front. */
const DECLARED = 20 * 1024 * 1024;

/**
 * POSTs headers announcing `declaredBytes` and sends only the first 64 KB, then waits: the
 * answer can only come from a server that did not wait for the body.
 */
function postWithoutFinishing(
  headers: Record<string, string>,
  declaredBytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": declaredBytes, ...headers },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error("no answer before the body was sent: the server waited for it"));
    }, 5000);
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    // The server closes the connection after answering: writes after that fail, as expected.
    req.on("error", () => {});
    req.write("x".repeat(64 * 1024));
  });
}

describe("HTTP request bodies", () => {
  it("answers 413 with a JSON error past 1 MB, and keeps serving", async () => {
    const response = await post(paddedQuery(1.5 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: "request body over 1048576 bytes (TRACKLINE_MAX_BODY_BYTES)",
          extensions: { code: "PAYLOAD_TOO_LARGE" },
        },
      ],
    });
    const next = await post(JSON.stringify({ query: "{ __typename }" }));
    expect([next.status, await next.json()]).toEqual([200, { data: { __typename: "Query" } }]);
  });

  it("counts the bytes of a body sent without a length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(256 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("accepts a body just under the cap", async () => {
    const response = await post(paddedQuery(1000 * 1024));
    expect([response.status, await response.json()]).toEqual([
      200,
      { data: { __typename: "Query" } },
    ]);
  });

  it("answers 401 before reading the body of a request without a valid key", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer tl_test_nope" }];
    for (const headers of attempts) {
      const { status, body } = await postWithoutFinishing(headers, DECLARED);
      expect(status).toBe(401);
      expect(JSON.parse(body).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it("answers 413 from the declared length, before reading the body", async () => {
    const { status } = await postWithoutFinishing({ authorization: `Bearer ${apiKey}` }, DECLARED);
    expect(status).toBe(413);
  });

  it("takes its cap from the limits (TRACKLINE_MAX_BODY_BYTES)", async () => {
    const small = await start({ maxBodyBytes: 2000 });
    expect((await post(paddedQuery(1000), apiKey, small)).status).toBe(200);
    const response = await post(paddedQuery(3000), apiKey, small);
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain("over 2000 bytes");
  });
});

/**
 * Opens a graphql-ws socket, sends `messages` (and `afterAck` once the server acknowledged the
 * connection), and resolves with how the server closed it.
 */
function closeOf(
  messages: unknown[],
  waitMs = 3000,
  options: { afterAck?: unknown[]; protocol?: string } = {},
): Promise<number | "still open"> {
  return new Promise((resolve, reject) => {
    const protocol = options.protocol ?? "graphql-transport-ws";
    const socket = new WebSocket(url.replace("http", "ws"), protocol ? [protocol] : []);
    const timer = setTimeout(() => {
      socket.terminate();
      resolve("still open");
    }, waitMs);
    socket.on("open", () => {
      for (const message of messages) socket.send(JSON.stringify(message));
    });
    socket.on("message", (data) => {
      if (JSON.parse(String(data)).type !== "connection_ack") return;
      for (const message of options.afterAck ?? []) socket.send(JSON.stringify(message));
    });
    socket.on("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    socket.on("error", reject);
  });
}

describe("WebSocket frames and handshake", () => {
  it("closes the socket on a message over 64 KB (1009), even a well-formed one", async () => {
    const init = {
      type: "connection_init",
      payload: { authorization: `Bearer ${apiKey}`, padding: "x".repeat(70 * 1024) },
    };
    expect(await closeOf([init])).toBe(1009);
  });

  it("keeps a socket whose messages fit", async () => {
    const init = { type: "connection_init", payload: { authorization: `Bearer ${apiKey}` } };
    expect(await closeOf([init], 600)).toBe("still open");
  });

  it("closes with the protocol's codes: 4400, 4401, 4403, 4406, 4409, 4429", async () => {
    const init = { type: "connection_init", payload: { authorization: `Bearer ${apiKey}` } };
    const live = {
      id: "1",
      type: "subscribe",
      payload: { query: "subscription { trackingEventAdded { events { status } } }" },
    };
    // A message the protocol does not know.
    expect(await closeOf([init, { type: "shout" }])).toBe(4400);
    // A subscription before the connection is acknowledged.
    expect(await closeOf([live])).toBe(4401);
    // A key that is not one.
    const wrongKey = { type: "connection_init", payload: { authorization: "Bearer tl_live_no" } };
    expect(await closeOf([wrongKey])).toBe(4403);
    // No graphql-transport-ws subprotocol agreed.
    expect(await closeOf([init], 3000, { protocol: "" })).toBe(4406);
    // Two subscriptions under one id.
    expect(await closeOf([init], 3000, { afterAck: [live, live] })).toBe(4409);
    // A second connection_init.
    expect(await closeOf([init], 3000, { afterAck: [init] })).toBe(4429);
  });

  it("closes a socket that never sends connection_init (4408)", async () => {
    const started = Date.now();
    expect(await closeOf([])).toBe(4408);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
