import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeShopee, startFakeShopee } from "./fakes/shopee-open-platform.ts";
import {
  FAKE_TIKTOK_CODES,
  type FakeTikTokShopApi,
  startFakeTikTokShop,
} from "./fakes/tiktok-shop-api.ts";
import { globalId, uniqueUpsNumber } from "./helpers/factories.ts";
import { notificationsOf, SetPreferences, SetRules, scan } from "./helpers/notifications.ts";
import { ConfirmShipment, CreateOrder } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

// Test clocks before the real date make retries scheduled on from them due at once; the fakes
// check request timestamps against the same clock.
let clock = new Date("2026-11-20T19:00:00Z");
const hours = (n: number) => n * 3_600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
let server: TestServer;
let shopee: FakeShopee;
let tiktok: FakeTikTokShopApi;
const stores: Record<"shopee" | "shopeeTw" | "tiktok" | "noCredentials", string> = {
  shopee: "",
  shopeeTw: "",
  tiktok: "",
  noCredentials: "",
};

const SHOPEE = {
  partnerId: "2001887",
  partnerKey: "live-partner-key-5e1f",
  shopId: "14701711",
  accessToken: "14701711-access-0",
  refreshToken: "14701711-refresh-0",
};
const TIKTOK = {
  appKey: "6a1b2c",
  appSecret: "tiktok-secret-77",
  shopCipher: "ROW_Abc123",
  accessToken: "TTP_access_0",
  refreshToken: "TTP_refresh_0",
};
const REFUSING_SHOPEE_BUYER = 90000003;
const REFUSING_TIKTOK_BUYER = "7494560109732330003";
const shopeeOrders = ["2611200001", "2611200002", "2611200003", "2611200004", "2611200005"];
const tiktokOrders = ["5800000000000001", "5800000000000002", "5800000000000003"];

beforeAll(async () => {
  shopee = await startFakeShopee({
    partners: { [SHOPEE.partnerId]: SHOPEE.partnerKey },
    shops: [{ ...SHOPEE }],
    orders: shopeeOrders.map((orderSn, i) => ({
      orderSn,
      shopId: SHOPEE.shopId,
      buyerUserId: 90000001 + i,
    })),
    chatRefusals: {
      [REFUSING_SHOPEE_BUYER]: {
        error: "sellerchat.fake_chat_not_allowed",
        message: "This user cannot receive chat messages from your shop.",
      },
    },
    now: () => clock,
  });
  tiktok = await startFakeTikTokShop({
    apps: { [TIKTOK.appKey]: TIKTOK.appSecret },
    shops: [{ cipher: TIKTOK.shopCipher, ...TIKTOK }],
    orders: tiktokOrders.map((id, i) => ({
      id,
      shopCipher: TIKTOK.shopCipher,
      packages: [{ id: `pkg-${id}`, deliveryOptionId: "opt-1" }],
      buyerUserId: `749456010973233000${i + 1}`,
    })),
    chatRefusals: {
      [REFUSING_TIKTOK_BUYER]: {
        code: FAKE_TIKTOK_CODES.chatNotAllowed,
        message: "The buyer has turned off messages from sellers.",
      },
    },
    now: () => clock,
  });
  server = await startTestServer({ now: () => clock, notificationRetryDelaysMs: [10, 10] });
  const connected = async (
    marketplace: string,
    site: string,
    credentials: Record<string, string> | null,
    fake?: { url: string },
    tokenPath = "",
  ) => {
    const store = await server.database.db.store.create({
      data: {
        tenantId: server.tenant.tenantId,
        marketplace,
        site,
        name: `${marketplace} ${site}${credentials ? "" : " (no API)"}`,
        syncPolicy: "MANUAL",
        ...(credentials
          ? {
              credentials: server.secretBox.seal(JSON.stringify(credentials)),
              credentialNames: Object.keys(credentials),
              credentialsUpdatedAt: clock,
              apiBaseUrl: fake?.url,
              tokenUrl: `${fake?.url}${tokenPath}`,
            }
          : {}),
      },
    });
    const storeId = globalId("Store", store.id);
    const milestones = (
      ["ORDER_SHIPPED", "ARRIVED_IN_DESTINATION_COUNTRY", "DELIVERED"] as const
    ).map((milestone) => ({ milestone, channel: "MARKETPLACE_MESSAGE" as const }));
    const set = await server.request(SetRules, { input: { storeId, enabled: true, milestones } });
    expect(set.data?.setStoreNotificationRules.errors).toEqual([]);
    return storeId;
  };
  stores.shopee = await connected("shopee", "SG", SHOPEE, shopee, "/api/v2/auth/access_token/get");
  stores.shopeeTw = await connected("shopee", "TW", SHOPEE, shopee);
  stores.tiktok = await connected("tiktok-shop", "US", TIKTOK, tiktok, "/api/v2/token/refresh");
  stores.noCredentials = await connected("tiktok-shop", "US", null);
});
afterAll(async () => {
  await server.close();
  await shopee.close();
  await tiktok.close();
});

/** An order of the store with one UPS shipment, its buyer's language and time zone set. */
async function parcel(
  storeId: string,
  nativeOrderId: string,
  buyer: { country: string; locale: string; timeZone: string; nativeStatus: string },
) {
  const created = await server.request(CreateOrder, {
    input: {
      storeId,
      nativeOrderId,
      nativeStatus: buyer.nativeStatus,
      buyerLocale: buyer.locale,
      destinationCountry: buyer.country,
      placedAt: "2026-11-10T09:30:00+08:00",
      items: [{ nativeItemId: "A1", title: "Phone case", quantity: 1 }],
    },
  });
  const orderId = created.data?.createOrder.order?.id;
  if (!orderId) throw new Error(`createOrder failed: ${JSON.stringify(created)}`);
  const trackingNumber = uniqueUpsNumber();
  const confirmed = await server.request(ConfirmShipment, {
    input: { orderId, carrier: "ups", trackingNumber, shipDate: "2026-11-12T10:00:00+08:00" },
  });
  const shipmentId = confirmed.data?.confirmShipment.shipment?.id;
  if (!shipmentId) throw new Error(`confirmShipment failed: ${JSON.stringify(confirmed)}`);
  const set = await server.request(SetPreferences, {
    input: { orderId, timeZone: buyer.timeZone },
  });
  expect(set.data?.setBuyerNotificationPreferences.errors).toEqual([]);
  return { orderId, shipmentId, trackingNumber };
}

const singapore = {
  country: "SG",
  locale: "en-SG",
  timeZone: "Asia/Singapore",
  nativeStatus: "READY_TO_SHIP",
};
const losAngeles = {
  country: "US",
  locale: "es-US",
  timeZone: "America/Los_Angeles",
  nativeStatus: "AWAITING_SHIPMENT",
};
const sendCalls = (fake: { requests: readonly { path: string }[] }, pattern: RegExp) =>
  fake.requests.filter((r) => pattern.test(r.path)).length;

describe("Shopee seller chat", () => {
  it("sends the buyer the milestone in plain text with the link, and logs the channel", async () => {
    clock = new Date("2026-11-20T04:00:00Z"); // 12:00 in Singapore
    const p = await parcel(stores.shopee, shopeeOrders[0]!, singapore);
    await scan(server, p.shipmentId, at(clock, -hours(1)), "DELIVERED");
    const sent = shopee.messages.filter((m) => m.toId === 90000001);
    expect(sent).toHaveLength(1);
    // Shopee's own wording of the milestone (the plugin's texts), then the link.
    expect(sent[0]?.text).toContain(`Your parcel for order ${shopeeOrders[0]} has been delivered`);
    expect(sent[0]?.text).toMatch(/Track your parcel: https:\/\/www\.ups\.com\/\S+$/);
    expect(sent[0]?.text).not.toMatch(/<[a-z]/i);
    const detail = shopee.requests.find((r) => r.path === "/api/v2/order/get_order_detail");
    expect(detail?.query.get("response_optional_fields")).toBe("buyer_user_id");
    expect(await notificationsOf(server, p.orderId)).toEqual([
      expect.objectContaining({
        kind: "DELIVERED",
        channel: "MARKETPLACE_MESSAGE",
        state: "SENT",
        reason: null,
        to: null,
        attempts: 1,
      }),
    ]);
  });

  it("holds a message due in the buyer's night until 08:00 there, like every channel", async () => {
    // 23:30 in Singapore, after the real date, so a job scheduled for later really waits.
    clock = new Date("2027-01-15T15:30:00Z");
    const p = await parcel(stores.shopee, shopeeOrders[1]!, singapore);
    await scan(server, p.shipmentId, at(clock, -hours(1)), "IN_TRANSIT", "PICKED_UP");
    const [held] = await notificationsOf(server, p.orderId);
    expect(held).toMatchObject({
      kind: "ORDER_SHIPPED",
      channel: "MARKETPLACE_MESSAGE",
      state: "QUEUED",
      scheduledFor: "2027-01-16T00:00:00.000Z",
    });
    expect(shopee.messages.some((m) => m.toId === 90000002)).toBe(false);

    clock = new Date("2027-01-16T00:00:00Z");
    await server.database.db.$executeRawUnsafe(
      `UPDATE ${server.database.handle.jobSchema}.job SET start_after = now()
       WHERE name = 'buyer-notification-send' AND state = 'created'`,
    );
    await server.drainJobs();
    expect((await notificationsOf(server, p.orderId))[0]).toMatchObject({
      state: "SENT",
      sentAt: "2027-01-16T00:00:00.000Z",
    });
    expect(shopee.messages.filter((m) => m.toId === 90000002)).toHaveLength(1);
  });

  it("retries a 429 and sends once; a refusal of the buyer's chat fails at once with Shopee's words", async () => {
    clock = new Date("2026-11-20T04:00:00Z");
    shopee.failNextMessage(1, "rate-limit");
    const limited = await parcel(stores.shopee, shopeeOrders[3]!, singapore);
    await scan(server, limited.shipmentId, at(clock, -hours(1)), "DELIVERED");
    expect(await notificationsOf(server, limited.orderId)).toEqual([
      expect.objectContaining({ state: "SENT", attempts: 2 }),
    ]);
    expect(shopee.messages.filter((m) => m.toId === 90000004)).toHaveLength(1);

    const before = sendCalls(shopee, /sellerchat\/send_message$/);
    const refused = await parcel(stores.shopee, shopeeOrders[2]!, singapore);
    await scan(server, refused.shipmentId, at(clock, -hours(1)), "DELIVERED");
    expect(await notificationsOf(server, refused.orderId)).toEqual([
      expect.objectContaining({
        channel: "MARKETPLACE_MESSAGE",
        state: "FAILED",
        reason: "SEND_FAILED",
        detail:
          "sellerchat.fake_chat_not_allowed: This user cannot receive chat messages from your shop.",
        attempts: 1,
      }),
    ]);
    expect(sendCalls(shopee, /sellerchat\/send_message$/)).toBe(before + 1);
  });

  it("skips the TW site, which Shopee's chat API does not serve, saying so", async () => {
    clock = new Date("2026-11-20T04:00:00Z");
    const before = shopee.requests.length;
    const p = await parcel(stores.shopeeTw, shopeeOrders[4]!, {
      ...singapore,
      country: "TW",
      locale: "zh-TW",
      timeZone: "Asia/Taipei",
    });
    await scan(server, p.shipmentId, at(clock, -hours(1)), "DELIVERED");
    const [logged] = await notificationsOf(server, p.orderId);
    expect(logged).toMatchObject({
      state: "SKIPPED",
      reason: "MARKETPLACE_MESSAGING_NOT_SUPPORTED",
    });
    expect(logged?.detail).toMatch(/TW region/);
    expect(shopee.requests.length).toBe(before);
  });
});

describe("TikTok Shop customer service messages", () => {
  it("opens the buyer's conversation and sends TEXT in their language; the cap still applies", async () => {
    clock = new Date("2026-11-20T19:00:00Z"); // 11:00 in Los Angeles
    const p = await parcel(stores.tiktok, tiktokOrders[0]!, losAngeles);
    await scan(server, p.shipmentId, at(clock, -hours(1)), "IN_TRANSIT", "PICKED_UP");
    clock = at(clock, hours(2));
    await scan(
      server,
      p.shipmentId,
      at(clock, -hours(0.5)),
      "IN_TRANSIT",
      "ARRIVED_DESTINATION_COUNTRY",
    );
    const log = await notificationsOf(server, p.orderId);
    expect(log.map((row) => [row.kind, row.channel, row.state, row.reason])).toEqual([
      ["ORDER_SHIPPED", "MARKETPLACE_MESSAGE", "SENT", null],
      ["ARRIVED_IN_DESTINATION_COUNTRY", "MARKETPLACE_MESSAGE", "SKIPPED", "FREQUENCY_CAP"],
    ]);
    const sent = tiktok.messages.filter((m) => m.buyerUserId === "7494560109732330001");
    expect(sent).toHaveLength(1);
    // Spanish: the catalogue's milestone message in the buyer's language, then the link.
    expect(sent[0]?.text).toContain(tiktokOrders[0]);
    expect(sent[0]?.text).toMatch(/https:\/\/www\.ups\.com\/\S+$/);
    expect(sent[0]?.text).not.toContain("Your order");
    const open = tiktok.requests.find((r) => r.path === "/customer_service/202309/conversations");
    expect(JSON.parse(open?.rawBody ?? "{}")).toEqual({ buyer_user_id: "7494560109732330001" });
  });

  it("retries TikTok's 429 and fails a policy refusal without retrying", async () => {
    clock = new Date("2026-11-20T19:00:00Z");
    tiktok.failNextMessage(1, "rate-limit");
    const limited = await parcel(stores.tiktok, tiktokOrders[1]!, losAngeles);
    await scan(server, limited.shipmentId, at(clock, -hours(1)), "DELIVERED");
    expect(await notificationsOf(server, limited.orderId)).toEqual([
      expect.objectContaining({ channel: "MARKETPLACE_MESSAGE", state: "SENT", attempts: 2 }),
    ]);

    const before = sendCalls(tiktok, /\/messages$/);
    const refused = await parcel(stores.tiktok, tiktokOrders[2]!, losAngeles);
    await scan(server, refused.shipmentId, at(clock, -hours(1)), "DELIVERED");
    expect(await notificationsOf(server, refused.orderId)).toEqual([
      expect.objectContaining({
        state: "FAILED",
        reason: "SEND_FAILED",
        detail: `${FAKE_TIKTOK_CODES.chatNotAllowed}: The buyer has turned off messages from sellers.`,
        attempts: 1,
      }),
    ]);
    expect(sendCalls(tiktok, /\/messages$/)).toBe(before + 1);
  });

  it("skips a store without credentials: nothing to call the marketplace with", async () => {
    clock = new Date("2026-11-20T19:00:00Z");
    const p = await parcel(stores.noCredentials, "5800000000000099", losAngeles);
    await scan(server, p.shipmentId, at(clock, -hours(1)), "DELIVERED");
    expect(await notificationsOf(server, p.orderId)).toEqual([
      expect.objectContaining({
        state: "SKIPPED",
        reason: "CHANNEL_NOT_CONFIGURED",
        detail: "the store has no marketplace credentials (connectStore)",
      }),
    ]);
  });
});
