import type { Prisma, PrismaClient } from "../../../generated/prisma/client.ts";
import { isoOfDay } from "../eta/days.ts";
import type { DeliveryEstimates } from "../eta/service.ts";
import { QUOTE_ORDER_SELECT, type QuotedShipment, shipmentQuote } from "../eta/shipment-quote.ts";
import { ensurePublicToken } from "../public-tracking/token.ts";
import type { SecretBox } from "../secret-box.ts";

/** The confidence of the estimate a buyer is told: the API's default. */
const ESTIMATE_CONFIDENCE = 0.9;

/** What sending a notification reads: the row, its order's buyer and store, its shipment. */
export const SEND_SELECT = {
  id: true,
  tenantId: true,
  kind: true,
  channel: true,
  state: true,
  order: {
    select: {
      nativeOrderId: true,
      buyerLocale: true,
      ...QUOTE_ORDER_SELECT,
      buyerPreferences: true,
      store: {
        select: {
          id: true,
          marketplace: true,
          site: true,
          notificationRules: true,
          credentials: true,
          apiBaseUrl: true,
          tokenUrl: true,
        },
      },
    },
  },
  shipment: {
    select: {
      id: true,
      carrier: true,
      trackingNumber: true,
      shippingMethod: true,
      shippedAt: true,
      shippedAtOffsetMinutes: true,
      publicTokenSealed: true,
      events: { orderBy: { occurredAt: "asc" } },
    },
  },
} satisfies Prisma.BuyerNotificationSelect;

type Loaded = Prisma.BuyerNotificationGetPayload<{ select: typeof SEND_SELECT }>;

/**
 * The page the buyer follows the parcel on: its public tracking page (`/t/<token>`, the token
 * issued now if the seller never read publicUrl) when TRACKLINE_PUBLIC_URL says where that is,
 * else the carrier's own page, when it has one.
 */
export async function trackingUrlFor(
  db: PrismaClient,
  shipment: Loaded["shipment"],
  deps: {
    publicUrl?: string;
    secretBox?: SecretBox;
    carriers: { find(code: string): { trackingUrl(n: string): string | null } | undefined };
  },
): Promise<string | null> {
  if (deps.publicUrl && deps.secretBox) {
    const token = await ensurePublicToken(db, deps.secretBox, shipment);
    return `${deps.publicUrl.replace(/\/+$/, "")}/t/${token}`;
  }
  return deps.carriers.find(shipment.carrier)?.trackingUrl(shipment.trackingNumber) ?? null;
}

/** The remaining delivery window as ISO days, or null when no estimate can be made. */
export async function estimateFor(
  shipment: Loaded["shipment"],
  order: Loaded["order"],
  deps: { estimates?: Pick<DeliveryEstimates, "estimate"> },
  tenantId?: string,
): Promise<{ from: string; to: string } | null> {
  if (!deps.estimates || !tenantId) return null;
  const quoted: QuotedShipment = { ...shipment, order, store: order.store };
  const [estimate] = await deps.estimates.estimate(
    tenantId,
    [shipmentQuote(quoted, "LATEST")],
    ESTIMATE_CONFIDENCE,
  );
  return estimate ? { from: isoOfDay(estimate.earliest), to: isoOfDay(estimate.latest) } : null;
}
