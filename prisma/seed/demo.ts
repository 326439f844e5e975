import type { PrismaClient, Store } from "../../generated/prisma/client.ts";
import { validateTrackingNumber } from "../../src/carriers/tracking-numbers/index.ts";
import { ingestEvents } from "../../src/domain/ingest.ts";
import { SWEEP_CATCHES_UP } from "../../src/domain/jobs.ts";
import { createMarketplaceRegistry } from "../../src/plugins/registry.ts";
import { createApiKey } from "../../src/server/api-keys.ts";
import {
  CN_JP,
  CN_SG,
  CN_TH,
  CN_US,
  type DemoScenario,
  demoEvents,
  type Lane,
} from "./demo-timeline.ts";

export const DEMO_TENANT_NAME = "Demo Seller";
const DAY = 86_400_000;
const marketplaces = createMarketplaceRegistry();

/** One demo store: where it sells, the lane its parcels take, and its orders' native statuses. */
interface StorePlan {
  marketplace: string;
  site: string;
  name: string;
  lane: Lane;
  orderPrefix: string;
  buyerLocale: string;
  country: string;
  carrier: "yunexpress" | "china-post";
  orders: number;
  /** Native status of a shipped order: in transit, and delivered. */
  shipped: string;
  delivered: string;
  /** Orders without a parcel yet, newest first: native statuses as the marketplace spells them. */
  unshipped: readonly string[];
}

const PLANS: readonly StorePlan[] = [
  {
    marketplace: "amazon",
    site: "US",
    name: "Demo Gadgets US",
    lane: CN_US,
    orderPrefix: "114-",
    buyerLocale: "en-US",
    country: "US",
    carrier: "yunexpress",
    orders: 18,
    shipped: "Shipped",
    delivered: "Shipped",
    unshipped: ["Unshipped", "Pending", "Canceled"],
  },
  {
    marketplace: "shopee",
    site: "SG",
    name: "Demo Gadgets SG",
    lane: CN_SG,
    orderPrefix: "2611",
    buyerLocale: "en-SG",
    country: "SG",
    carrier: "china-post",
    orders: 18,
    shipped: "SHIPPED",
    delivered: "TO_CONFIRM_RECEIVE",
    unshipped: ["READY_TO_SHIP", "UNPAID", "IN_CANCEL"],
  },
  {
    marketplace: "shopee",
    site: "TH",
    name: "Demo Gadgets TH",
    lane: CN_TH,
    orderPrefix: "2611TH",
    buyerLocale: "th-TH",
    country: "TH",
    carrier: "china-post",
    orders: 14,
    shipped: "SHIPPED",
    delivered: "COMPLETED",
    unshipped: ["PROCESSED", "READY_TO_SHIP"],
  },
  {
    marketplace: "amazon",
    site: "JP",
    name: "Demo Gadgets JP",
    lane: CN_JP,
    orderPrefix: "503-",
    buyerLocale: "ja-JP",
    country: "JP",
    carrier: "yunexpress",
    orders: 14,
    shipped: "Shipped",
    delivered: "Shipped",
    unshipped: ["Unshipped"],
  },
];

/** `prefix + serial + ? + suffix` with the check digit the carrier's validator accepts. */
function withCheckDigit(carrier: string, prefix: string, serial: number, suffix: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${prefix}${String(serial).padStart(8, "0")}${digit}${suffix}`;
    if (validateTrackingNumber(carrier, candidate).valid) return candidate;
  }
  throw new Error(`no check digit makes ${prefix}${serial}?${suffix} a ${carrier} number`);
}

function scenarioFor(index: number): DemoScenario {
  if (index === 11) return "failed-delivery";
  if (index === 8) return "customs-hold";
  if (index === 6 || index === 10) return "stalled";
  return "normal";
}

/**
 * Seeds a demo tenant and returns its API key: Amazon US and JP, Shopee SG and TH, parcels from
 * China on each lane (delivered, in transit, stalled, a failed delivery and a customs hold per
 * store), and orders in several native statuses, so timelines read in English, Thai and Japanese.
 */
export async function seedDemo(
  db: PrismaClient,
  options: { now: Date; apiKey?: string },
): Promise<string> {
  const tenant = await db.tenant.create({ data: { name: DEMO_TENANT_NAME } });
  const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "demo", key: options.apiKey });
  for (const [storeIndex, plan] of PLANS.entries()) {
    const { marketplace, site, name } = plan;
    const store = await db.store.create({ data: { tenantId: tenant.id, marketplace, site, name } });
    for (let i = 0; i < plan.orders; i++) {
      await seedOrder(
        db,
        { tenantId: tenant.id, store, plan, serial: storeIndex * 100 + i, i },
        options.now,
      );
    }
  }
  return apiKey;
}

async function seedOrder(
  db: PrismaClient,
  {
    tenantId,
    store,
    plan,
    serial,
    i,
  }: { tenantId: string; store: Store; plan: StorePlan; serial: number; i: number },
  now: Date,
): Promise<void> {
  const placedAt = new Date(now.getTime() - (i * 0.9 + 1.5) * DAY);
  const unshippedStatus = plan.unshipped[plan.orders - 1 - i];
  const nativeStatus = unshippedStatus ?? plan.shipped;
  const stateOf = (native: string) =>
    marketplaces.find(plan.marketplace)!.orderStatuses[native]!.state;
  const order = await db.order.create({
    data: {
      tenantId,
      storeId: store.id,
      nativeOrderId: `${plan.orderPrefix}${String(4_200_000 + i * 7919).padStart(7, "0")}-${1000 + i}`,
      nativeStatus,
      state: stateOf(nativeStatus),
      buyerLocale: plan.buyerLocale,
      destinationCountry: plan.country,
      placedAt,
      shipByDate: new Date(placedAt.getTime() + 2 * DAY),
      promisedDeliveryFrom: new Date(placedAt.getTime() + 10 * DAY),
      promisedDeliveryTo: new Date(placedAt.getTime() + 18 * DAY),
      items: {
        create: [
          {
            nativeItemId: `ITEM-${i}`,
            sku: `SKU-${100 + (i % 5)}`,
            title: "USB-C charging cable",
            quantity: 1 + (i % 3),
          },
        ],
      },
    },
  });
  if (unshippedStatus !== undefined) return;
  const labelAt = new Date(Math.floor((placedAt.getTime() + 0.5 * DAY) / 60_000) * 60_000);
  const yun = plan.carrier === "yunexpress";
  const shipment = await db.shipment.create({
    data: {
      tenantId,
      orderId: order.id,
      storeId: store.id,
      carrier: plan.carrier,
      shippingMethod: yun ? "YunExpress Global Direct" : "China Post Registered Air Mail",
      trackingNumber: yun
        ? `YT26${String(11_000_000_000_000 + serial * 104_729)}`
        : withCheckDigit("china-post", "RB", 31_750_000 + serial * 37, "CN"),
      shippedAt: labelAt,
      // As if pushed an hour after the label; every ninth was refused, to show a failed push.
      ...demoSync(i, labelAt),
    },
  });
  const ingested = await ingestEvents(
    db,
    shipment,
    demoEvents(plan.lane, labelAt, now, scenarioFor(i)),
    SWEEP_CATCHES_UP,
    now,
  );
  if (ingested.shipment.status === "DELIVERED") {
    await db.order.update({
      where: { id: order.id },
      data: { nativeStatus: plan.delivered, state: stateOf(plan.delivered) },
    });
  }
}

function demoSync(i: number, labelAt: Date) {
  if (i % 9 === 4) {
    return {
      syncState: "FAILED" as const,
      syncAttempts: 1,
      syncErrorCode: "InvalidInput",
      syncError:
        "Invalid carrier code for this marketplace. Use carrierCode Other with carrierName.",
    };
  }
  return {
    syncState: "CONFIRMED" as const,
    syncAttempts: 1,
    syncConfirmedAt: new Date(labelAt.getTime() + 3_600_000),
  };
}
