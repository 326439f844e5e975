import { print } from "graphql";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { graphql } from "./generated/index.ts";
import { buildShipment } from "./helpers/factories.ts";
import { settle, subscribe } from "./helpers/live.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
const clients: Client[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server.close();
});

const CreateRevocableKey = graphql(`
  mutation CreateRevocableKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id } errors { code } }
  }
`);

const RevokeOpenKey = graphql(`
  mutation RevokeOpenKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) { errors { code } }
  }
`);

const RotateOpenKey = graphql(`
  mutation RotateOpenKey($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) { key errors { code } }
  }
`);

const Watch = graphql(`
  subscription WatchRevocation($id: ID!) { shipmentUpdated(id: $id) { id } }
`);

/** A graphql-ws client that records the code its socket was closed with. */
function client(url: string, apiKey: string) {
  const closed: number[] = [];
  const c = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    retryAttempts: 0,
    on: { closed: (event) => closed.push((event as { code: number }).code) },
  });
  clients.push(c);
  return { client: c, closed };
}

async function freshKey() {
  const result = await server.request(CreateRevocableKey, {
    input: { name: "socket", scopes: ["ORDERS_READ"] },
  });
  const payload = result.data?.createApiKey;
  return { key: payload?.key ?? "", id: payload?.apiKey?.id ?? "" };
}

async function waitFor(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

async function openSubscription(url: string, apiKey: string) {
  const shipmentId = await buildShipment(server);
  const socket = client(url, apiKey);
  const sub = subscribe(socket.client, print(Watch), { id: shipmentId });
  await settle(socket.client);
  return { ...socket, sub };
}

describe("revoking a key with an open WebSocket", () => {
  it("closes that socket with 4403 and leaves other keys' sockets open", async () => {
    const revoked = await freshKey();
    const doomed = await openSubscription(server.wsUrl, revoked.key);
    const bystander = await openSubscription(server.wsUrl, server.tenant.apiKey);

    const result = await server.request(RevokeOpenKey, { input: { id: revoked.id } });
    expect(result.data?.revokeApiKey.errors).toEqual([]);
    await waitFor(() => doomed.closed.length > 0, "the revoked key's socket to close");
    expect(doomed.closed).toEqual([4403]);
    await settle(bystander.client);
    expect(bystander.closed).toEqual([]);
    // And a new connection with the revoked key is refused.
    const again = client(server.wsUrl, revoked.key);
    subscribe(again.client, print(Watch), { id: "x" });
    await waitFor(() => again.closed.length > 0, "the refused connection to close");
    expect(again.closed).toEqual([4403]);
  });

  it("ends that key's server-sent-events subscriptions too", async () => {
    const revoked = await freshKey();
    const shipmentId = await buildShipment(server);
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: `Bearer ${revoked.key}`,
      },
      body: JSON.stringify({ query: print(Watch), variables: { id: shipmentId } }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let ended = false;
    const drained = (async () => {
      while (!(await reader.read()).done) {}
      ended = true;
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ended).toBe(false);

    await server.request(RevokeOpenKey, { input: { id: revoked.id } });
    await waitFor(() => ended, "the revoked key's event stream to end");
    await drained;
  });

  it("keeps a rotated key's socket open during its grace", async () => {
    const rotated = await freshKey();
    const open = await openSubscription(server.wsUrl, rotated.key);
    const result = await server.request(RotateOpenKey, {
      input: { id: rotated.id, graceSeconds: 3600 },
    });
    expect(result.data?.rotateApiKey.errors).toEqual([]);
    await settle(open.client);
    expect(open.closed).toEqual([]);
  });
});

// Only scale mode shares the revocation between instances: in-process pub/sub is per process.
describe.skipIf(!process.env.REDIS_URL)("revoking across instances (Redis)", () => {
  it("closes the key's socket on another instance and stops its cached key there", async () => {
    const peerWs = await server.startPeer();
    const peerHttp = peerWs.replace(/^ws/, "http");
    const revoked = await freshKey();
    const probe = () =>
      fetch(peerHttp, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${revoked.key}` },
        body: JSON.stringify({ query: "{ stores { id } }" }),
      }).then((response) => response.status);
    expect(await probe()).toBe(200);
    const doomed = await openSubscription(peerWs, revoked.key);

    await server.request(RevokeOpenKey, { input: { id: revoked.id } });
    await waitFor(() => doomed.closed.length > 0, "the peer's socket to close");
    expect(doomed.closed).toEqual([4403]);
    expect(await probe()).toBe(401);
  });
});
