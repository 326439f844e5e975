import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/server/api-keys.ts";
import { startFakeAmazon } from "./fakes/amazon-sp-api.ts";
import { type FakeServer, startFakeServer } from "./fakes/fake-server.ts";
import { graphql } from "./generated/index.ts";
import { SELLER } from "./helpers/amazon-client.ts";
import { postHistory } from "./helpers/delivery-history.ts";
import { buildOrder, buildShipment, uniqueUpsNumber } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";
import { ConfirmForSync, ConnectStore } from "./marketplace-sync/operations.ts";

const CreateSubscription = graphql(`
  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      webhookSubscription { id url events enabled }
      secret
      errors { code message field }
    }
  }
`);

const UpdateSubscription = graphql(`
  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(input: $input) {
      webhookSubscription { id enabled disabledReason }
      errors { code message field }
    }
  }
`);

const RotateSecret = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      webhookSubscription { previousSecretExpiresAt }
      secret
      errors { code field }
    }
  }
`);

const Subscriptions = graphql(`
  query WebhookSubscriptions {
    webhookSubscriptions { id enabled disabledReason disabledAt }
  }
`);

const Deliveries = graphql(`
  query WebhookDeliveries($subscriptionId: ID!) {
    webhookDeliveries(subscriptionId: $subscriptionId, first: 50) {
      edges { node { id messageId eventType state attempts lastStatusCode lastError payload } }
    }
  }
`);

const Replay = graphql(`
  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) {
      delivery { id state }
      errors { code field }
    }
  }
`);

const ReplayFailed = graphql(`
  mutation ReplayFailedWebhookDeliveries($input: ReplayFailedWebhookDeliveriesInput!) {
    replayFailedWebhookDeliveries(input: $input) { replayed errors { code field } }
  }
`);

/** What the partner's endpoint answers per path: the statuses queued there, then 204 (500 when down). */
const plans = new Map<string, number[]>();
const down = new Set<string>();

let server: TestServer;
let receiver: FakeServer;
beforeAll(async () => {
  server = await startTestServer({
    // Signatures carry the send time, and receivers refuse one more than five minutes off.
    now: () => new Date(),
    webhookAllowHosts: "127.0.0.1",
    webhookRetryDelaysMs: [20, 20],
  });
  receiver = await startFakeServer(({ path }) => ({
    status: plans.get(path)?.shift() ?? (down.has(path) ? 500 : 204),
  }));
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await server.drainJobs();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function subscribe(
  events: ("SHIPMENT_UPDATED" | "SHIPMENT_EXCEPTION" | "IMPORT_FINISHED")[],
  path = "/hook",
) {
  const result = await server.request(CreateSubscription, {
    input: { url: `${receiver.url}${path}`, events },
  });
  const created = result.data?.createWebhookSubscription;
  if (!created?.webhookSubscription || !created.secret) {
    throw new Error(`createWebhookSubscription failed: ${JSON.stringify(result)}`);
  }
  return { id: created.webhookSubscription.id, secret: created.secret };
}

const sentTo = (path: string) => receiver.requests.filter((request) => request.path === path);

function record(
  shipmentId: string,
  occurredAt: string,
  status: "IN_TRANSIT" | "OUT_FOR_DELIVERY" = "IN_TRANSIT",
) {
  return server.request(RecordEvents, {
    input: { shipmentId, events: [{ occurredAt, status, rawCode: status.slice(0, 2) }] },
  });
}

async function deliveries(subscriptionId: string) {
  const result = await server.request(Deliveries, { subscriptionId });
  return result.data?.webhookDeliveries.edges.map((edge) => edge.node) ?? [];
}

describe("outbound webhooks", () => {
  it("signs shipment.updated so the Standard Webhooks verifier accepts it, with the API's ids", async () => {
    const { id, secret } = await subscribe(["SHIPMENT_UPDATED"], "/signed");
    const shipmentId = await buildShipment(server);
    await record(shipmentId, "2026-11-10T09:15:00-05:00", "OUT_FOR_DELIVERY");
    await until(() => sentTo("/signed").length === 1, "the delivery");

    const [request] = sentTo("/signed");
    const headers = request!.headers as Record<string, string>;
    const verified = new Webhook(secret).verify(request!.rawBody, headers) as {
      type: string;
      data: { shipment: { id: string; status: string }; events: { occurredAt: string }[] };
    };
    expect(verified.type).toBe("shipment.updated");
    expect(verified.data.shipment).toMatchObject({ id: shipmentId, status: "OUT_FOR_DELIVERY" });
    expect(verified.data.events[0]?.occurredAt).toBe("2026-11-10T09:15:00-05:00");
    expect(headers["webhook-id"]).toMatch(/^msg_/);
    // Another secret does not verify it.
    const other = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    expect(() => new Webhook(other).verify(request!.rawBody, headers)).toThrow();

    await until(async () => (await deliveries(id))[0]?.state === "DELIVERED", "the log");
    expect((await deliveries(id))[0]).toMatchObject({ attempts: 1, lastStatusCode: 204 });
  });

  it("retries a failed delivery with the same webhook-id until the endpoint takes it", async () => {
    const { id } = await subscribe(["SHIPMENT_UPDATED"], "/flaky");
    plans.set("/flaky", [500, 503]);
    await record(await buildShipment(server), "2026-11-10T10:00:00-05:00");
    await until(() => sentTo("/flaky").length === 3, "three attempts");

    const ids = new Set(sentTo("/flaky").map((request) => request.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    await until(async () => (await deliveries(id))[0]?.state === "DELIVERED", "the log");
    expect((await deliveries(id))[0]).toMatchObject({ attempts: 3, lastStatusCode: 204 });
  });

  it("disables a subscription whose endpoint failed every attempt, keeps what came meanwhile, and replays it", async () => {
    const { id } = await subscribe(["SHIPMENT_UPDATED"], "/down");
    const shipmentId = await buildShipment(server);
    const since = new Date().toISOString();
    down.add("/down");
    try {
      await record(shipmentId, "2026-11-10T11:00:00-05:00");
      await until(async () => (await deliveries(id))[0]?.state === "FAILED", "giving up");
    } finally {
      down.delete("/down");
    }
    expect(sentTo("/down")).toHaveLength(3);
    const listed = await server.request(Subscriptions);
    const disabled = listed.data?.webhookSubscriptions.find((s) => s.id === id);
    expect(disabled).toMatchObject({ enabled: false });
    expect(disabled?.disabledReason).toContain("HTTP 500");

    // Disabled: the event is kept, failed, and nothing is sent.
    await record(shipmentId, "2026-11-10T12:00:00-05:00");
    await server.drainJobs();
    expect(await deliveries(id)).toHaveLength(2);
    expect(sentTo("/down")).toHaveLength(3);
    const refused = await server.request(ReplayFailed, { input: { subscriptionId: id, since } });
    expect(refused.data?.replayFailedWebhookDeliveries.errors[0]?.code).toBe(
      "SUBSCRIPTION_DISABLED",
    );

    const enabled = await server.request(UpdateSubscription, { input: { id, enabled: true } });
    expect(enabled.data?.updateWebhookSubscription.webhookSubscription).toMatchObject({
      enabled: true,
      disabledReason: null,
    });
    const replayed = await server.request(ReplayFailed, { input: { subscriptionId: id, since } });
    expect(replayed.data?.replayFailedWebhookDeliveries).toEqual({ replayed: 2, errors: [] });
    await until(
      async () => (await deliveries(id)).every((d) => d.state === "DELIVERED"),
      "the replays",
    );
    const messageIds = (await deliveries(id)).map((delivery) => delivery.messageId);
    const sentIds = new Set(sentTo("/down").map((request) => request.headers["webhook-id"]));
    expect(messageIds.every((messageId) => sentIds.has(messageId))).toBe(true);

    // One delivered message sent again on request keeps its id too.
    const [latest] = await deliveries(id);
    const again = await server.request(Replay, { input: { id: latest!.id } });
    expect(again.data?.replayWebhookDelivery.errors).toEqual([]);
    await until(
      () =>
        sentTo("/down").filter((r) => r.headers["webhook-id"] === latest!.messageId).length === 2,
      "the single replay",
    );
  });

  it("signs with the old secret too while a rotation's grace lasts", async () => {
    const { id, secret: old } = await subscribe(["SHIPMENT_UPDATED"], "/rotated");
    const rotated = await server.request(RotateSecret, { input: { id, graceSeconds: 3600 } });
    const fresh = rotated.data?.rotateWebhookSecret.secret;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    expect(
      rotated.data?.rotateWebhookSecret.webhookSubscription?.previousSecretExpiresAt,
    ).not.toBeNull();
    await record(await buildShipment(server), "2026-11-10T13:00:00-05:00");
    await until(() => sentTo("/rotated").length === 1, "the delivery");
    const [request] = sentTo("/rotated");
    const headers = request!.headers as Record<string, string>;
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(() => new Webhook(fresh!).verify(request!.rawBody, headers)).not.toThrow();
    expect(() => new Webhook(old).verify(request!.rawBody, headers)).not.toThrow();
  });

  it("announces an exception when it opens and when it closes by itself", async () => {
    const { secret } = await subscribe(["SHIPMENT_EXCEPTION"], "/exceptions");
    const shipmentId = await buildShipment(server);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    const recorded = await server.request(RecordEvents, {
      input: {
        shipmentId,
        events: [{ occurredAt: hoursAgo(2), status: "DELIVERY_FAILED", rawCode: "NA" }],
      },
    });
    expect(recorded.data?.recordTrackingEvents.errors).toEqual([]);
    await until(() => sentTo("/exceptions").length === 1, "the opened exception");
    await record(shipmentId, hoursAgo(1), "OUT_FOR_DELIVERY");
    await until(() => sentTo("/exceptions").length === 2, "the closed exception");

    const payloads = sentTo("/exceptions").map(
      (request) =>
        new Webhook(secret).verify(request.rawBody, request.headers as Record<string, string>) as {
          type: string;
          data: { exception: Record<string, unknown>; shipment: { id: string } };
        },
    );
    expect(payloads.map((payload) => payload.type)).toEqual([
      "shipment.exception",
      "shipment.exception",
    ]);
    const [opened, closed] = payloads.map((payload) => payload.data);
    expect(opened).toMatchObject({
      exception: { type: "DELIVERY_FAILED", state: "OPEN" },
      shipment: { id: shipmentId, status: "DELIVERY_FAILED" },
    });
    expect(opened?.exception.evidence).toEqual(expect.any(Object));
    expect(closed).toMatchObject({
      exception: { id: opened?.exception.id, type: "DELIVERY_FAILED", state: "CLOSED" },
      shipment: { id: shipmentId, status: "OUT_FOR_DELIVERY" },
    });
    expect(closed?.exception.closedAt).toEqual(expect.any(String));
  });

  it("announces a finished delivery-history import", async () => {
    await subscribe(["IMPORT_FINISHED"], "/imports");
    const csv = [
      "destination_country,shipped_at,delivered_at",
      "US,2026-06-01T10:00:00-04:00,2026-06-04T15:00:00-04:00",
      "US,not a date,2026-06-04T15:00:00-04:00",
    ].join("\n");
    const answer = await postHistory(server, csv);
    await until(() => sentTo("/imports").length === 1, "the delivery");
    expect(JSON.parse(sentTo("/imports")[0]!.rawBody)).toMatchObject({
      type: "import.finished",
      data: { importId: answer.body.importId, kind: "DELIVERY_HISTORY", accepted: 1, rejected: 1 },
    });
  });

  it("refuses private targets, bad URLs, no events and keys without the write scope", async () => {
    const create = (
      url: string,
      events: "SHIPMENT_UPDATED"[] = ["SHIPMENT_UPDATED"],
      apiKey?: string,
    ) =>
      server
        .request(CreateSubscription, { input: { url, events } }, apiKey)
        .then((r) => r.data?.createWebhookSubscription.errors);
    for (const url of ["http://10.1.2.3/hook", "http://169.254.169.254/latest", "http://[::1]/x"]) {
      expect(await create(url)).toEqual([
        expect.objectContaining({ code: "BLOCKED_TARGET", field: "url" }),
      ]);
    }
    expect((await create("ftp://example.com/x"))?.[0]).toMatchObject({
      code: "INVALID_URL",
      field: "url",
    });
    expect((await create(`${receiver.url}/x`, []))?.[0]).toMatchObject({
      code: "REQUIRED",
      field: "events",
    });
    const readOnly = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "read only",
      scopes: ["read"],
    });
    expect((await create(`${receiver.url}/x`, undefined, readOnly))?.[0]?.code).toBe("FORBIDDEN");
  });

  it("never sends one tenant's events to another's subscription, nor shows its log", async () => {
    const { id } = await subscribe(["SHIPMENT_UPDATED"], "/tenant-a");
    const other = await server.createTenant("Tenant B");
    const theirs = await server.request(
      CreateSubscription,
      { input: { url: `${receiver.url}/tenant-b`, events: ["SHIPMENT_UPDATED"] } },
      other.apiKey,
    );
    expect(theirs.data?.createWebhookSubscription.errors).toEqual([]);
    await record(await buildShipment(server), "2026-11-10T14:00:00-05:00");
    await until(() => sentTo("/tenant-a").length === 1, "tenant A's delivery");
    expect(sentTo("/tenant-b")).toHaveLength(0);
    const peek = await server.request(Deliveries, { subscriptionId: id }, other.apiKey);
    expect(peek.data?.webhookDeliveries.edges).toEqual([]);
  });

  it("announces a push the marketplace refused for good", async () => {
    const orderId = "114-7770000-0000001";
    const amazon = await startFakeAmazon({
      sellers: [SELLER],
      orders: [
        { orderId, marketplaceId: "ATVPDKIKX0DER", items: [{ orderItemId: "A1", quantity: 1 }] },
      ],
    });
    try {
      amazon.setOrderStatus(orderId, "Canceled");
      const sync = await server.request(CreateSubscription, {
        input: { url: `${receiver.url}/sync`, events: ["MARKETPLACE_SYNC_FAILED"] },
      });
      expect(sync.data?.createWebhookSubscription.errors).toEqual([]);
      const connected = await server.request(ConnectStore, {
        input: {
          marketplace: "amazon",
          site: "US",
          name: "Amazon US (API)",
          credentials: { amazon: SELLER },
          apiBaseUrl: amazon.url,
          tokenUrl: amazon.tokenUrl,
        },
      });
      const storeId = connected.data!.connectStore.store!.id;
      const order = await buildOrder(server, { storeId, nativeOrderId: orderId });
      const confirmed = await server.request(ConfirmForSync, {
        input: { orderId: order, carrier: "ups", trackingNumber: uniqueUpsNumber() },
      });
      const shipmentId = confirmed.data?.confirmShipment.shipment?.id;
      await until(() => sentTo("/sync").length === 1, "the delivery");
      expect(JSON.parse(sentTo("/sync")[0]!.rawBody)).toMatchObject({
        type: "marketplace_sync.failed",
        data: { shipment: { id: shipmentId, storeId }, attempts: 1, errorCode: "InvalidInput" },
      });
    } finally {
      await amazon.close();
    }
  });
});
