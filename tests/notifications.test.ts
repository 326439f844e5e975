import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailChannel } from "../src/server/email-channel.ts";
import { createSmsChannel } from "../src/server/sms-channel.ts";
import { type FakeResponse, type FakeServer, startFakeServer } from "./fakes/fake-server.ts";
import { type SmtpInbox, startSmtpInbox } from "./fakes/smtp-inbox.ts";
import { globalId } from "./helpers/factories.ts";
import {
  buildParcel,
  notificationsOf,
  SetPreferences,
  SetRules,
  StoreRules,
  scan,
} from "./helpers/notifications.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

// Daytime for a buyer in Los Angeles (11:00 PST); earlier than the real date, so a job the app
// schedules for "now" is due at once.
let clock = new Date("2026-11-20T19:00:00Z");
let server: TestServer;
let inbox: SmtpInbox;
let sms: FakeServer;
const smsAnswers: FakeResponse[] = [];
const hours = (n: number) => n * 3_600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

beforeAll(async () => {
  inbox = await startSmtpInbox();
  sms = await startFakeServer(() => smsAnswers.shift() ?? { status: 202, body: { id: "m1" } });
  server = await startTestServer({
    now: () => clock,
    notificationChannels: {
      email: createEmailChannel({ url: inbox.url, from: "Acme Shop <orders@acme.example>" }),
      sms: createSmsChannel({ baseUrl: `${sms.url}/v1`, token: "sms-test-token", fetch }),
    },
    notificationRetryDelaysMs: [10, 10],
  });
  const result = await server.request(SetRules, {
    input: { storeId: globalId("Store", server.tenant.amazonStoreId), enabled: true },
  });
  expect(result.data?.setStoreNotificationRules.errors).toEqual([]);
});
afterAll(async () => {
  await server.close();
  await inbox.close();
  await sms.close();
});

const amazonStore = () => globalId("Store", server.tenant.amazonStoreId);
const losAngeles = { email: "jane.doe@example.com", timeZone: "America/Los_Angeles" };

describe("store notification rules", () => {
  it("read the documented defaults until set, and refuse a bad time or a milestone twice", async () => {
    const stores = (await server.request(StoreRules)).data?.stores ?? [];
    const shopee = stores.find((s) => s.id === globalId("Store", server.tenant.shopeeStoreId));
    expect(shopee?.notificationRules).toEqual({
      enabled: false,
      milestones: [
        "ORDER_SHIPPED",
        "ARRIVED_IN_DESTINATION_COUNTRY",
        "CUSTOMS_HELD",
        "OUT_FOR_DELIVERY",
        "DELIVERY_FAILED",
        "DELIVERED",
        "DELAYED",
        "RETURNING_TO_SENDER",
      ].map((milestone) => ({ milestone, channel: "EMAIL" })),
      quietHoursStart: "21:00",
      quietHoursEnd: "08:00",
    });
    const bad = await server.request(SetRules, {
      input: {
        storeId: globalId("Store", server.tenant.shopeeStoreId),
        enabled: true,
        quietHoursStart: "25:00",
        milestones: [
          { milestone: "DELIVERED", channel: "SMS" },
          { milestone: "DELIVERED", channel: "EMAIL" },
        ],
      },
    });
    const errors = bad.data?.setStoreNotificationRules.errors ?? [];
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ["INVALID_INPUT", "quietHoursStart"],
      ["DUPLICATE", "milestones.1.milestone"],
    ]);
    const other = await server.createTenant("Other");
    const foreign = await server.request(
      SetRules,
      { input: { storeId: amazonStore(), enabled: false } },
      other.apiKey,
    );
    expect(foreign.data?.setStoreNotificationRules.errors[0]?.code).toBe("NOT_FOUND");
  });

  it("tell nothing while a store has them off", async () => {
    const quiet = await server.database.db.store.create({
      data: {
        tenantId: server.tenant.tenantId,
        marketplace: "amazon",
        site: "US",
        name: "Rules never set",
        syncPolicy: "MANUAL",
      },
    });
    const parcel = await buildParcel(server, losAngeles, globalId("Store", quiet.id));
    const sentBefore = inbox.received.length;
    await scan(server, parcel.shipmentId, at(clock, -hours(1)), "OUT_FOR_DELIVERY");
    expect(await notificationsOf(server, parcel.orderId)).toEqual([]);
    expect(inbox.received.length).toBe(sentBefore);
  });
});

describe("email through a local SMTP server", () => {
  it("sends the milestone in the buyer's language with text and HTML parts, and logs it masked", async () => {
    clock = new Date("2026-11-20T19:00:00Z");
    const parcel = await buildParcel(server, { ...losAngeles, locale: "de-DE" });
    await scan(server, parcel.shipmentId, at(clock, -hours(1)), "OUT_FOR_DELIVERY");
    const mail = inbox.received.find((m) => m.subject.includes(parcel.nativeOrderId));
    expect(mail?.to).toEqual(["jane.doe@example.com"]);
    expect(mail?.from).toBe("orders@acme.example");
    expect(mail?.subject).toBe(`Ihre Bestellung ${parcel.nativeOrderId} wird heute zugestellt`);
    expect(mail?.text).toContain(parcel.nativeOrderId);
    expect(mail?.text).toMatch(/Sendung verfolgen: https:\/\/www\.ups\.com\//);
    expect(mail?.html).toMatch(/<a href="https:\/\/www\.ups\.com\/[^"]+">/);
    const log = await notificationsOf(server, parcel.orderId);
    expect(log).toEqual([
      expect.objectContaining({
        kind: "OUT_FOR_DELIVERY",
        channel: "EMAIL",
        state: "SENT",
        reason: null,
        to: "j***@example.com",
        sentAt: clock.toISOString(),
        attempts: 1,
      }),
    ]);
  });

  it("never tells one milestone twice, and the database refuses a second row", async () => {
    clock = new Date("2026-11-20T19:00:00Z");
    const parcel = await buildParcel(server, losAngeles);
    await scan(server, parcel.shipmentId, at(clock, -hours(3)), "OUT_FOR_DELIVERY");
    // The carrier scans it out for delivery again 13 h later (past the cap): still one message.
    clock = at(clock, hours(13));
    await scan(
      server,
      parcel.shipmentId,
      at(clock, -hours(1)),
      "IN_TRANSIT",
      "ARRIVED_AT_FACILITY",
    );
    await scan(server, parcel.shipmentId, at(clock, -hours(0.5)), "OUT_FOR_DELIVERY");
    const log = await notificationsOf(server, parcel.orderId);
    expect(log.filter((row) => row.kind === "OUT_FOR_DELIVERY")).toHaveLength(1);
    const row = await server.database.db.buyerNotification.findFirstOrThrow({
      where: { kind: "OUT_FOR_DELIVERY", order: { nativeOrderId: parcel.nativeOrderId } },
    });
    const { id: _id, ...copy } = row;
    await expect(server.database.db.buyerNotification.create({ data: copy })).rejects.toThrow(
      /BuyerNotification_shipmentId_kind_key|Unique constraint/,
    );
  });

  it("skips a message for a buyer who opted out, recorded by the seller's system", async () => {
    clock = new Date("2026-11-20T19:00:00Z");
    const parcel = await buildParcel(server, losAngeles);
    const optOut = await server.request(SetPreferences, {
      input: { orderId: parcel.orderId, optedOut: true },
    });
    expect(optOut.data?.setBuyerNotificationPreferences.preferences).toMatchObject({
      optedOut: true,
      optedOutAt: clock.toISOString(),
      email: "j***@example.com",
    });
    await scan(server, parcel.shipmentId, at(clock, -hours(1)), "DELIVERED");
    expect(await notificationsOf(server, parcel.orderId)).toEqual([
      expect.objectContaining({ kind: "DELIVERED", state: "SKIPPED", reason: "OPTED_OUT" }),
    ]);
    expect(inbox.received.some((m) => m.subject.includes(parcel.nativeOrderId))).toBe(false);
  });

  it("refuses preferences it cannot use", async () => {
    const parcel = await buildParcel(server);
    const result = await server.request(SetPreferences, {
      input: { orderId: parcel.orderId, email: "jane", phone: "555-0100", timeZone: "Mars/Base" },
    });
    const errors = result.data?.setBuyerNotificationPreferences.errors ?? [];
    expect(errors.map((e) => e.code)).toEqual([
      "INVALID_EMAIL",
      "INVALID_PHONE",
      "INVALID_TIME_ZONE",
    ]);
  });
});

const jobStarts = async (notificationId: string) =>
  server.database.db.$queryRawUnsafe<{ start_after: Date; state: string }[]>(
    `SELECT start_after, state::text AS state FROM ${server.database.handle.jobSchema}.job
     WHERE name = 'buyer-notification-send' AND data->>'notificationId' = $1`,
    notificationId,
  );
const rowOf = (nativeOrderId: string) =>
  server.database.db.buyerNotification.findFirstOrThrow({ where: { order: { nativeOrderId } } });

describe("quiet hours in the buyer's time zone", () => {
  it("holds a message due at night until 08:00 there, then sends it; the zone comes from the buyer, else the country", async () => {
    // 07:30 UTC: 23:30 in Los Angeles, 02:30 in New York, 16:30 in Tokyo. After the real date,
    // so a job scheduled for later really waits.
    clock = new Date("2027-01-15T07:30:00Z");
    const la = await buildParcel(server, losAngeles);
    const us = await buildParcel(server, { email: "sam@example.com" });
    const tokyo = await buildParcel(server, { email: "ken@example.jp", timeZone: "Asia/Tokyo" });
    for (const parcel of [la, us, tokyo]) {
      await scan(server, parcel.shipmentId, at(clock, -hours(1)), "IN_TRANSIT", "PICKED_UP");
    }
    const [held] = await notificationsOf(server, la.orderId);
    expect(held).toMatchObject({ state: "QUEUED", scheduledFor: "2027-01-15T16:00:00.000Z" });
    // No time zone given: the destination country's (US: the holiday library's main zone).
    const [derived] = await notificationsOf(server, us.orderId);
    expect(derived).toMatchObject({ state: "QUEUED", scheduledFor: "2027-01-15T13:00:00.000Z" });
    const [day] = await notificationsOf(server, tokyo.orderId);
    expect(day).toMatchObject({ state: "SENT", sentAt: clock.toISOString() });

    const row = await rowOf(la.nativeOrderId);
    expect(await jobStarts(row.id)).toEqual([
      { start_after: new Date("2027-01-15T16:00:00Z"), state: "created" },
    ]);
    expect(inbox.received.some((m) => m.subject.includes(la.nativeOrderId))).toBe(false);

    // Morning in Los Angeles: the job engine's clock reaches start_after.
    clock = new Date("2027-01-15T16:00:00Z");
    await server.database.db.$executeRawUnsafe(
      `UPDATE ${server.database.handle.jobSchema}.job SET start_after = now()
       WHERE name = 'buyer-notification-send' AND data->>'notificationId' = $1`,
      row.id,
    );
    await server.drainJobs();
    expect((await notificationsOf(server, la.orderId))[0]).toMatchObject({
      state: "SENT",
      sentAt: "2027-01-15T16:00:00.000Z",
    });
    expect(inbox.received.some((m) => m.subject.includes(la.nativeOrderId))).toBe(true);
  });
});

describe("the frequency cap", () => {
  it("sends at most one message per parcel in 12 hours, delivery excepted", async () => {
    const start = new Date("2026-11-20T16:05:00Z"); // 08:05 in Los Angeles
    clock = start;
    const parcel = await buildParcel(server, losAngeles);
    await scan(server, parcel.shipmentId, at(clock, -hours(1)), "IN_TRANSIT", "PICKED_UP");
    clock = at(start, hours(2));
    await scan(
      server,
      parcel.shipmentId,
      at(clock, -hours(0.5)),
      "IN_TRANSIT",
      "ARRIVED_DESTINATION_COUNTRY",
    );
    clock = at(start, hours(12.5)); // 20:35, twelve and a half hours after the first message
    await scan(server, parcel.shipmentId, at(clock, -hours(0.2)), "OUT_FOR_DELIVERY");
    clock = at(start, hours(12.7));
    await scan(server, parcel.shipmentId, at(clock, -hours(0.1)), "DELIVERED");
    const log = await notificationsOf(server, parcel.orderId);
    expect(log.map((row) => [row.kind, row.state, row.reason])).toEqual([
      ["ORDER_SHIPPED", "SENT", null],
      ["ARRIVED_IN_DESTINATION_COUNTRY", "SKIPPED", "FREQUENCY_CAP"],
      ["OUT_FOR_DELIVERY", "SENT", null],
      ["DELIVERED", "SENT", null],
    ]);
    const mails = inbox.received.filter((m) => m.subject.includes(parcel.nativeOrderId));
    expect(mails).toHaveLength(3);
  });
});

describe("exceptions", () => {
  it("tell the buyer of a failed delivery once its exception opens", async () => {
    clock = new Date("2026-11-20T19:00:00Z");
    const parcel = await buildParcel(server, losAngeles);
    await scan(
      server,
      parcel.shipmentId,
      at(clock, -hours(1)),
      "DELIVERY_FAILED",
      "RECIPIENT_UNAVAILABLE",
    );
    expect(await notificationsOf(server, parcel.orderId)).toEqual([
      expect.objectContaining({ kind: "DELIVERY_FAILED", state: "SENT" }),
    ]);
    const mail = inbox.received.find((m) => m.subject.includes(parcel.nativeOrderId));
    expect(mail?.text).toContain(
      `could not deliver your order ${parcel.nativeOrderId} (1 attempt)`,
    );
  });
});
