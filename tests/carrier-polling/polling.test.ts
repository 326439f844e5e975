import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCarrierRegistry } from "../../src/carriers/registry.ts";
import { queueDuePolls } from "../../src/domain/polling/sweep.ts";
import { graphql } from "../generated/index.ts";
import {
  type CarrierFake,
  startSeventeenTrackFake,
  startUpsFake,
  upsPayload,
} from "../helpers/carrier-fakes.ts";
import { buildShipment, uniqueUpsNumber } from "../helpers/factories.ts";
import { ShipmentTimeline } from "../helpers/operations.ts";
import { startTestServer, type TestServer, type TestTenant } from "../helpers/test-server.ts";
import { postWebhook, SIGN } from "../helpers/webhooks.ts";

const ConnectCarrierAccount = graphql(`
  mutation PollConnectCarrierAccount($input: ConnectCarrierAccountInput!) {
    connectCarrierAccount(input: $input) {
      account { id carrier status credentialNames lastError }
      errors { code field message }
    }
  }
`);
const CarrierAccounts = graphql(`
  query PollCarrierAccounts {
    carrierAccounts { id carrier status credentialNames lastError pausedUntil lastPolledAt }
  }
`);
const CreateCarrierHook = graphql(`
  mutation PollCarrierHook($input: CreateCarrierWebhookInput!) {
    createCarrierWebhook(input: $input) { webhook { path } errors { code } }
  }
`);

const HOUR = 3_600_000;
let clock = new Date();
let server: TestServer;
let ups: CarrierFake & { tokensIssued(): number };
let seventeen: CarrierFake & { registered(): string[] };
let tenant: TestTenant;

const rowId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;
const ago = (hours: number) => new Date(clock.getTime() - hours * HOUR);
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const sweep = () =>
  queueDuePolls(server.database.db, {
    now: clock,
    jobs: server.database.jobs,
    carriers: createCarrierRegistry(),
  });
const shipmentRow = (id: string) =>
  server.database.db.shipment.findUniqueOrThrow({ where: { id: rowId(id) } });
const callsFor = (number: string) =>
  ups.trackingCalls().filter((request) => request.path.endsWith(`/${number}`)).length;

async function pollNow(): Promise<number> {
  const queued = await sweep();
  await server.drainJobs();
  return queued;
}

async function connectUps(apiKey = tenant.apiKey) {
  const result = await server.request(
    ConnectCarrierAccount,
    {
      input: {
        carrier: "ups",
        credentials: [
          { name: "clientId", value: "client-1" },
          { name: "clientSecret", value: "secret-1" },
        ],
      },
    },
    apiKey,
  );
  return result.data!.connectCarrierAccount;
}

async function accounts(apiKey = tenant.apiKey) {
  return (await server.request(CarrierAccounts, {}, apiKey)).data!.carrierAccounts;
}

beforeAll(async () => {
  ups = await startUpsFake({ clientId: "client-1", clientSecret: "secret-1" });
  seventeen = await startSeventeenTrackFake({ apiKey: "seventeen-key" });
  server = await startTestServer({
    now: () => clock,
    carrierApiUrls: { ups: ups.url, "17track": seventeen.url },
  });
  tenant = server.tenant;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await ups?.close();
  await seventeen?.close();
});

describe("connecting a carrier account", () => {
  it("names the field at fault and never shows the credentials back", async () => {
    const wrong = await server.request(ConnectCarrierAccount, {
      input: {
        carrier: "ups",
        credentials: [
          { name: "clientId", value: "client-1" },
          { name: "key", value: "x" },
        ],
      },
    });
    expect(wrong.data?.connectCarrierAccount.errors).toEqual([
      expect.objectContaining({ code: "INVALID_INPUT", field: "credentials.1.name" }),
      expect.objectContaining({ code: "MISSING_CREDENTIALS", field: "credentials.clientSecret" }),
    ]);
    const unsupported = await server.request(ConnectCarrierAccount, {
      input: { carrier: "yunexpress", credentials: [] },
    });
    expect(unsupported.data?.connectCarrierAccount.errors).toEqual([
      expect.objectContaining({ code: "UNSUPPORTED_CARRIER", field: "carrier" }),
    ]);
    const long = await server.request(ConnectCarrierAccount, {
      input: {
        carrier: "u".repeat(101),
        credentials: Array.from({ length: 11 }, () => ({ name: "apiKey", value: "k" })),
      },
    });
    expect(long.data?.connectCarrierAccount.errors.map((e) => [e.code, e.field])).toEqual([
      ["TOO_MANY", "credentials"],
      ["TOO_LONG", "carrier"],
    ]);
    const connected = await connectUps();
    expect(connected.errors).toEqual([]);
    expect(connected.account).toMatchObject({
      carrier: "ups",
      status: "ACTIVE",
      credentialNames: ["clientId", "clientSecret"],
    });
    const listed = JSON.stringify(await server.request(CarrierAccounts, {}));
    expect(listed).not.toContain("secret-1");
    const stored = await server.database.db.carrierAccount.findFirstOrThrow({
      where: { tenantId: tenant.tenantId },
    });
    expect(stored.credentials).not.toContain("secret-1");
  });
});

describe("polling through the job", () => {
  it("records the carrier's events in the timeline and schedules the next poll by status", async () => {
    const number = uniqueUpsNumber();
    const shipment = await buildShipment(server, { trackingNumber: number });
    ups.track(
      number,
      upsPayload(number, [
        ["M/003", "Shipper created a label", ago(30)],
        ["I/005", "Departed from facility", ago(5)],
      ]),
    );
    // A new row is due from its creation on, by the database's clock: the test clock catches up.
    clock = new Date(Math.max(clock.getTime(), Date.now()) + 1000);
    expect(await pollNow()).toBeGreaterThanOrEqual(1);
    const timeline = await server.request(ShipmentTimeline, { id: shipment });
    expect(timeline.data?.shipment?.status).toBe("IN_TRANSIT");
    expect(timeline.data?.shipment?.timeline.map((entry) => entry.rawCode)).toEqual(
      expect.arrayContaining(["M/003", "I/005"]),
    );
    const row = await shipmentRow(shipment);
    expect(row.nextPollAt?.getTime()).toBe(clock.getTime() + 3 * HOUR);
    expect(row.pollQuietCount).toBe(0);
    const events = await server.database.db.trackingEvent.findMany({
      where: { shipmentId: row.id },
    });
    expect(events.every((event) => event.source === "POLL")).toBe(true);

    // Nothing new three hours later: the repeat is deduplicated and the interval doubles.
    advance(3 * HOUR);
    await pollNow();
    const quiet = await shipmentRow(shipment);
    expect(quiet.pollQuietCount).toBe(1);
    expect(quiet.nextPollAt?.getTime()).toBe(clock.getTime() + 6 * HOUR);
    expect(await server.database.db.trackingEvent.count({ where: { shipmentId: row.id } })).toBe(2);
  });

  it("backs off on a 429 for as long as Retry-After says, pausing the account", async () => {
    const number = uniqueUpsNumber();
    const shipment = await buildShipment(server, { trackingNumber: number });
    ups.track(number, upsPayload(number, [["P/038", "Picked up", ago(2)]]));
    advance(6 * HOUR);
    ups.fail("rate-limited", { retryAfterSeconds: 600 });
    await pollNow();
    const row = await shipmentRow(shipment);
    expect(row.nextPollAt?.getTime()).toBe(clock.getTime() + 600_000);
    const [account] = await accounts();
    expect(account).toMatchObject({
      status: "ACTIVE",
      pausedUntil: new Date(clock.getTime() + 600_000).toISOString(),
    });
    expect(account?.lastError).toContain("RATE_LIMITED");
    const calls = callsFor(number);
    advance(5 * 60_000);
    expect(await pollNow()).toBe(0);
    expect(callsFor(number)).toBe(calls);
    // A poll queued before the pause (another sweep's job) waits it out instead of calling.
    const { db, jobs } = server.database;
    await db.$transaction((tx) =>
      jobs.enqueue(tx, "carrier-poll", { accountId: account!.id, shipmentIds: [row.id] }),
    );
    await server.drainJobs();
    expect(callsFor(number)).toBe(calls);
    expect((await shipmentRow(shipment)).nextPollAt?.toISOString()).toBe(account?.pausedUntil);
    advance(5 * 60_000);
    await pollNow();
    expect(callsFor(number)).toBe(calls + 1);
    expect((await shipmentRow(shipment)).status).toBe("IN_TRANSIT");
  });

  it("stops polling a delivered shipment", async () => {
    const number = uniqueUpsNumber();
    const shipment = await buildShipment(server, { trackingNumber: number });
    ups.track(
      number,
      upsPayload(number, [
        ["I/005", "Departed from facility", ago(20)],
        ["D/011", "Delivered", ago(1)],
      ]),
    );
    advance(HOUR);
    await pollNow();
    const row = await shipmentRow(shipment);
    expect(row.status).toBe("DELIVERED");
    expect(row.nextPollAt).toBeNull();
    const calls = callsFor(number);
    advance(48 * HOUR);
    await pollNow();
    expect(callsFor(number)).toBe(calls);
  });

  it("polls rarely a shipment its carrier pushes by webhook", async () => {
    const number = uniqueUpsNumber();
    const shipment = await buildShipment(server, { trackingNumber: number });
    const hook = await server.request(CreateCarrierHook, {
      input: { provider: "aftership", secret: "poll-test-secret-0123456789" },
    });
    const body = JSON.stringify({
      event: "tracking_update",
      msg: {
        tracking_number: number,
        slug: "ups",
        tag: "InTransit",
        checkpoints: [
          {
            checkpoint_time: ago(1).toISOString(),
            tag: "InTransit",
            subtag: "InTransit_001",
            message: "Departed",
            city: "Louisville",
            country_iso3: "USA",
          },
        ],
      },
    });
    const path = hook.data!.createCarrierWebhook.webhook!.path;
    const pushed = await postWebhook(
      server,
      path,
      body,
      SIGN.aftership!(body, "poll-test-secret-0123456789"),
    );
    expect(pushed.status).toBe(202);
    await server.drainJobs();
    const row = await shipmentRow(shipment);
    expect(row.nextPollAt?.getTime()).toBe(clock.getTime() + 24 * HOUR);
    advance(12 * HOUR);
    await pollNow();
    expect(callsFor(number)).toBe(0);
  });

  it("marks the account FAILED on refused credentials, stops polling it, and resumes once replaced", async () => {
    const number = uniqueUpsNumber();
    const shipment = await buildShipment(server, { trackingNumber: number });
    ups.track(number, upsPayload(number, [["P/038", "Picked up", ago(2)]]));
    ups.fail("auth");
    advance(25 * HOUR);
    await pollNow();
    const [failed] = await accounts();
    expect(failed).toMatchObject({ status: "FAILED" });
    expect(failed?.lastError).toMatch(/^AUTH /);
    const tokenCalls = ups.requests.length;
    advance(2 * HOUR);
    expect(await pollNow()).toBe(0);
    expect(ups.requests.length).toBe(tokenCalls);
    expect((await shipmentRow(shipment)).status).toBe("PENDING");

    ups.reset();
    const replaced = await connectUps();
    expect(replaced.account).toMatchObject({ status: "ACTIVE", lastError: null });
    await pollNow();
    expect((await shipmentRow(shipment)).status).toBe("IN_TRANSIT");
    expect((await accounts())[0]).toMatchObject({ status: "ACTIVE", lastError: null });
  });
});

describe("polling through an aggregator", () => {
  it("registers the number with 17TRACK first, then records what 17TRACK found", async () => {
    const other = await server.createTenant("Tenant 17");
    const connected = await server.request(
      ConnectCarrierAccount,
      { input: { carrier: "17track", credentials: [{ name: "apiKey", value: "seventeen-key" }] } },
      other.apiKey,
    );
    expect(connected.data?.connectCarrierAccount.errors).toEqual([]);
    const number = uniqueUpsNumber();
    const shipment = await buildShipment(server, {
      apiKey: other.apiKey,
      storeId: Buffer.from(`Store:${other.amazonStoreId}`).toString("base64"),
      trackingNumber: number,
    });
    clock = new Date(Math.max(clock.getTime(), Date.now()) + 1000);
    await pollNow();
    expect(seventeen.registered()).toEqual([number]);
    const waiting = await shipmentRow(shipment);
    expect(waiting.pollQuietCount).toBe(1);
    expect(waiting.nextPollAt?.getTime()).toBe(clock.getTime() + 12 * HOUR);

    const at = ago(3);
    seventeen.track(number, {
      number,
      carrier: 100002,
      track_info: {
        latest_status: { status: "InTransit", sub_status: "InTransit_PickedUp" },
        tracking: {
          providers: [
            {
              provider: { key: 100002, name: "UPS" },
              events: [
                {
                  time_iso: at.toISOString(),
                  time_utc: at.toISOString(),
                  description: "Picked up",
                  stage: "InTransit",
                  sub_status: "InTransit_PickedUp",
                  address: { country: "US", city: "Louisville" },
                },
              ],
            },
          ],
        },
      },
    });
    advance(12 * HOUR);
    await pollNow();
    const timeline = await server.request(ShipmentTimeline, { id: shipment }, other.apiKey);
    expect(timeline.data?.shipment).toMatchObject({ status: "IN_TRANSIT", substatus: "PICKED_UP" });
    expect(timeline.data?.shipment?.timeline.map((entry) => entry.rawCode)).toEqual([
      "InTransit_PickedUp",
    ]);
    expect((await shipmentRow(shipment)).pollQuietCount).toBe(0);
  });
});
