import type { PrismaClient } from "../../generated/prisma/client.ts";
import { validateTrackingNumber } from "../carriers/tracking-numbers/index.ts";
import { ingestEvents } from "../domain/ingest.ts";
import { createApiKey } from "./api-keys.ts";
import { CN_SG, CN_US, type DemoScenario, demoEvents, type Lane } from "./demo-timeline.ts";

export const DEMO_TENANT_NAME = "Demo Seller";
const ORDERS_PER_STORE = 18;
const DAY = 86_400_000;

/** `prefix + serial + ? + suffix` with the check digit the carrier's validator accepts. */
function withCheckDigit(carrier: string, prefix: string, serial: number, suffix: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${prefix}${String(serial).padStart(8, "0")}${digit}${suffix}`;
    if (validateTrackingNumber(carrier, candidate).valid) return candidate;
  }
  throw new Error(`no check digit makes ${prefix}${serial}?${suffix} a ${carrier} number`);
}

function scenarioFor(index: number): DemoScenario {
  if (index === 12) return "failed-delivery";
  if (index === 8) return "customs-hold";
  if (index === 10 || index === 15) return "stalled";
  return "normal";
}

/** Seeds a demo tenant (Amazon US + Shopee SG, CN cross-border lanes) and returns its API key. */
export async function seedDemo(
  db: PrismaClient,
  options: { now: Date; apiKey?: string },
): Promise<string> {
  const tenant = await db.tenant.create({ data: { name: DEMO_TENANT_NAME } });
  const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "demo", key: options.apiKey });
  const amazon = await db.store.create({
    data: { tenantId: tenant.id, marketplace: "amazon", site: "US", name: "Demo Gadgets US" },
  });
  const shopee = await db.store.create({
    data: { tenantId: tenant.id, marketplace: "shopee", site: "SG", name: "Demo Gadgets SG" },
  });
  const plans = [
    {
      store: amazon,
      lane: CN_US,
      prefix: "114-",
      status: "Shipped",
      locale: "en-US",
      country: "US",
    },
    {
      store: shopee,
      lane: CN_SG,
      prefix: "2611",
      status: "SHIPPED",
      locale: "en-SG",
      country: "SG",
    },
  ];
  for (const plan of plans) {
    for (let i = 0; i < ORDERS_PER_STORE; i++) {
      await seedOrder(db, tenant.id, plan, i, options.now);
    }
  }
  return apiKey;
}

async function seedOrder(
  db: PrismaClient,
  tenantId: string,
  plan: {
    store: { id: string; marketplace: string };
    lane: Lane;
    prefix: string;
    status: string;
    locale: string;
    country: string;
  },
  i: number,
  now: Date,
): Promise<void> {
  const placedAt = new Date(now.getTime() - (i * 0.9 + 1.5) * DAY);
  const unshipped = i === ORDERS_PER_STORE - 1;
  const order = await db.order.create({
    data: {
      tenantId,
      storeId: plan.store.id,
      nativeOrderId: `${plan.prefix}${String(4_200_000 + i * 7919).padStart(7, "0")}-${1000 + i}`,
      nativeStatus: unshipped
        ? plan.store.marketplace === "amazon"
          ? "Unshipped"
          : "READY_TO_SHIP"
        : plan.status,
      state: unshipped ? "READY_TO_SHIP" : "SHIPPED",
      buyerLocale: plan.locale,
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
  if (unshipped) return;
  const labelAt = new Date(Math.floor((placedAt.getTime() + 0.5 * DAY) / 60_000) * 60_000);
  const isUs = plan.country === "US";
  const shipment = await db.shipment.create({
    data: {
      tenantId,
      orderId: order.id,
      storeId: plan.store.id,
      carrier: isUs ? "yunexpress" : "china-post",
      shippingMethod: isUs ? "YunExpress Global Direct" : "China Post Registered Air Mail",
      trackingNumber: isUs
        ? `YT26${String(11_000_000_000_000 + i * 104_729)}`
        : withCheckDigit("china-post", "RB", 31_750_000 + i * 37, "CN"),
      shippedAt: labelAt,
      syncState: "SYNCED",
    },
  });
  await ingestEvents(db, shipment, demoEvents(plan.lane, labelAt, now, scenarioFor(i)));
}
