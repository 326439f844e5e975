import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import { NO_CHANNELS } from "../src/domain/notifications/channels.ts";
import { sendBuyerNotification } from "../src/domain/notifications/send.ts";
import { createTextBook } from "../src/domain/texts/index.ts";
import { createMarketplaceRegistry } from "../src/plugins/registry.ts";
import { createEmailChannel } from "../src/server/email-channel.ts";
import { createSmsChannel } from "../src/server/sms-channel.ts";
import { type FakeResponse, type FakeServer, startFakeServer } from "./fakes/fake-server.ts";
import { type SmtpInbox, startSmtpInbox } from "./fakes/smtp-inbox.ts";
import { globalId } from "./helpers/factories.ts";
import { buildParcel, notificationsOf, SetRules, scan } from "./helpers/notifications.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

// 11:00 in Los Angeles, before the real date: retries scheduled a few ms on are due at once.
const clock = new Date("2026-11-20T19:00:00Z");
const before = new Date(clock.getTime() - 3_600_000);
let server: TestServer;
let inbox: SmtpInbox;
let sms: FakeServer;
const smsAnswers: FakeResponse[] = [];

beforeAll(async () => {
  inbox = await startSmtpInbox();
  sms = await startFakeServer(() => smsAnswers.shift() ?? { status: 202, body: { id: "m1" } });
  server = await startTestServer({
    now: () => clock,
    notificationChannels: {
      email: createEmailChannel({ url: inbox.url, from: "Acme Shop <orders@acme.example>" }),
      sms: createSmsChannel({ baseUrl: `${sms.url}/v1/`, token: "sms-test-token", fetch }),
    },
    notificationRetryDelaysMs: [10, 10],
  });
  const storeId = globalId("Store", server.tenant.amazonStoreId);
  const result = await server.request(SetRules, {
    input: { storeId, enabled: true, milestones: [{ milestone: "DELIVERED", channel: "SMS" }] },
  });
  expect(result.data?.setStoreNotificationRules.errors).toEqual([]);
});
afterAll(async () => {
  await server.close();
  await inbox.close();
  await sms.close();
});

const buyer = { phone: "+1 (415) 555-0100", timeZone: "America/Los_Angeles" };
const requestsFor = (reference: string) =>
  sms.requests.filter((r) => JSON.parse(r.rawBody).reference === reference);
const rowOf = (nativeOrderId: string) =>
  server.database.db.buyerNotification.findFirstOrThrow({ where: { order: { nativeOrderId } } });

describe("SMS through the HTTP provider contract", () => {
  it("posts the message with the bearer token, and retries a 503 with the same idempotency key", async () => {
    smsAnswers.push({ status: 503, body: { error: "try later" } });
    const parcel = await buildParcel(server, buyer);
    await scan(server, parcel.shipmentId, before, "DELIVERED");
    const [logged] = await notificationsOf(server, parcel.orderId);
    expect(logged).toMatchObject({
      kind: "DELIVERED",
      channel: "SMS",
      state: "SENT",
      attempts: 2,
      to: "+*******0100",
      detail: "SMS provider answered 503: try later",
    });
    const { id } = await rowOf(parcel.nativeOrderId);
    const requests = requestsFor(id);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/v1/messages");
      expect(request.headers.authorization).toBe("Bearer sms-test-token");
      expect(request.headers["idempotency-key"]).toBe(id);
      const body = JSON.parse(request.rawBody);
      expect(body.to).toBe("+14155550100");
      expect(body.text).toContain(`Your order ${parcel.nativeOrderId} has been delivered.`);
    }
  });

  it("marks a message the provider refuses for good FAILED, with its answer", async () => {
    smsAnswers.push({ status: 400, body: { error: "not a mobile number" } });
    const parcel = await buildParcel(server, buyer);
    await scan(server, parcel.shipmentId, before, "DELIVERED");
    expect(await notificationsOf(server, parcel.orderId)).toEqual([
      expect.objectContaining({
        state: "FAILED",
        reason: "SEND_FAILED",
        detail: "SMS provider answered 400: not a mobile number",
        attempts: 1,
      }),
    ]);
  });

  it("gives up after the last retry", async () => {
    smsAnswers.push({ status: 500 }, { status: 502 }, { status: 503 });
    const parcel = await buildParcel(server, buyer);
    await scan(server, parcel.shipmentId, before, "DELIVERED");
    const [logged] = await notificationsOf(server, parcel.orderId);
    expect(logged).toMatchObject({ state: "FAILED", reason: "SEND_FAILED", attempts: 3 });
    expect(logged?.detail).toBe("SMS provider answered 503");
  });

  it("skips a buyer without a phone number", async () => {
    const parcel = await buildParcel(server, { timeZone: "America/Los_Angeles" });
    await scan(server, parcel.shipmentId, before, "DELIVERED");
    expect(await notificationsOf(server, parcel.orderId)).toEqual([
      expect.objectContaining({ state: "SKIPPED", reason: "NO_ADDRESS", to: null }),
    ]);
  });
});

describe("email retries", () => {
  it("retries a 451 from the mail server and sends; a 550 fails for good", async () => {
    const email = { email: "ana@example.com", channel: "EMAIL", timeZone: "America/Los_Angeles" };
    inbox.refuseNext(1, 451);
    const retried = await buildParcel(server, email);
    await scan(server, retried.shipmentId, before, "DELIVERED");
    expect((await notificationsOf(server, retried.orderId))[0]).toMatchObject({
      state: "SENT",
      attempts: 2,
    });
    const mails = inbox.received.filter((m) => m.subject.includes(retried.nativeOrderId));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.html).toContain(`<p>Your order ${retried.nativeOrderId} has been delivered`);

    inbox.refuseNext(1, 550);
    const refused = await buildParcel(server, email);
    await scan(server, refused.shipmentId, before, "DELIVERED");
    const [logged] = await notificationsOf(server, refused.orderId);
    expect(logged).toMatchObject({ state: "FAILED", reason: "SEND_FAILED", attempts: 1 });
    expect(logged?.detail).toMatch(/^SMTP 550/);
  });
});

describe("channels that cannot send", () => {
  it("skips marketplace messages Amazon does not allow, saying why", async () => {
    const parcel = await buildParcel(server, { channel: "MARKETPLACE_MESSAGE" });
    await scan(server, parcel.shipmentId, before, "DELIVERED");
    const [logged] = await notificationsOf(server, parcel.orderId);
    expect(logged).toMatchObject({
      channel: "MARKETPLACE_MESSAGE",
      state: "SKIPPED",
      reason: "MARKETPLACE_MESSAGING_NOT_SUPPORTED",
    });
    expect(logged?.detail).toMatch(/^Amazon allows only/);
  });

  it("skips email when the server has no SMTP settings: logged, not failed, not lost", async () => {
    const parcel = await buildParcel(server, { email: "lee@example.com", channel: "EMAIL" });
    const shipment = await server.database.db.shipment.findFirstOrThrow({
      where: { order: { nativeOrderId: parcel.nativeOrderId } },
    });
    const row = await server.database.db.buyerNotification.create({
      data: {
        tenantId: shipment.tenantId,
        orderId: shipment.orderId,
        shipmentId: shipment.id,
        kind: "DELIVERED",
        channel: "EMAIL",
        state: "QUEUED",
        scheduledFor: clock,
      },
    });
    const marketplaces = createMarketplaceRegistry();
    await sendBuyerNotification(
      server.database.db,
      { notificationId: row.id, attempt: 0 },
      {
        now: () => clock,
        jobs: server.database.jobs,
        channels: NO_CHANNELS,
        marketplaces,
        carriers: createCarrierRegistry(),
        texts: createTextBook(marketplaces),
        countryTimeZone: () => null,
      },
    );
    expect(await notificationsOf(server, parcel.orderId)).toEqual([
      expect.objectContaining({
        state: "SKIPPED",
        reason: "CHANNEL_NOT_CONFIGURED",
        detail: "this server has no TRACKLINE_SMTP_URL",
      }),
    ]);
  });
});
