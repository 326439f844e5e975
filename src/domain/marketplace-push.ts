import { createHash } from "node:crypto";
import type { Prisma, PrismaClient, Store } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { Credentials, MarketplaceEvent, MarketplacePush } from "../plugins/api-types.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { JobQueue } from "./jobs.ts";
import {
  applyOrderStatus,
  applyTracking,
  type LockedOrder,
  type PushOutcome,
} from "./marketplace-push-events.ts";
import type { SecretBox } from "./secret-box.ts";
import { shareParcel } from "./shipments.ts";
import { openCredentials } from "./store-connections.ts";

export interface PushRequest {
  /** The plugin the URL names, with its push slot. */
  marketplace: { id: string; name: string; push: MarketplacePush };
  rawBody: string;
  headers: Headers;
  /** The callback URL as the marketplace knows it (the signature covers it). */
  url: string;
}

export interface PushDeps {
  marketplaces: MarketplaceRegistry;
  carriers: CarrierRegistry;
  secretBox: SecretBox;
  jobs: JobQueue;
  now: Date;
}

export type PushReceipt = { status: 200; applied: number } | { status: 400 | 401; error: string };

/**
 * A signed marketplace push: the stores of the account it names are tried one by one, and every
 * store whose credentials verify the signature gets the events (tenants may connect the same
 * shop). None verifies: 401 and nothing changes. Each event is applied to each such store once:
 * the row recording it is unique per (store, event) and written in the transaction that applies
 * it, so a replay finds it and changes nothing (decision 032).
 */
export async function receiveMarketplacePush(
  db: PrismaClient,
  request: PushRequest,
  deps: PushDeps,
): Promise<PushReceipt> {
  const stores = await storesThatVerify(db, request, deps.secretBox);
  if (stores.length === 0) {
    return { status: 401, error: `${request.marketplace.name} push signature did not verify` };
  }
  try {
    JSON.parse(request.rawBody);
  } catch {
    return { status: 400, error: "body is not JSON" };
  }
  const events = request.marketplace.push.parse(request.rawBody);
  let applied = 0;
  for (const store of stores) {
    for (const event of events) {
      const result = await applyOnce(db, store, event, deps);
      if (result?.outcome === "APPLIED") applied++;
      if (result?.shipment) await shareParcel(db, result.shipment, deps.jobs, deps.now);
    }
  }
  return { status: 200, applied };
}

/** The stores connected to the account the push names whose credentials verify its signature. */
async function storesThatVerify(
  db: PrismaClient,
  request: PushRequest,
  box: SecretBox,
): Promise<Store[]> {
  const { push, id } = request.marketplace;
  const accountId = push.accountOf(request.rawBody);
  if (!accountId) return [];
  const candidates = await db.store.findMany({
    where: { marketplace: id, accountId, credentials: { not: null } },
    orderBy: { createdAt: "asc" },
  });
  return candidates.filter((store) => {
    const credentials = openOrNull(store, box);
    return credentials !== null && push.verify({ ...request, credentials });
  });
}

/**
 * Credentials sealed under another key (a restored backup, a rotated TRACKLINE_SECRET_KEY) cannot
 * verify anything; they must not make the push fail for the other tenants of the same shop.
 */
function openOrNull(store: Store, box: SecretBox): Credentials | null {
  try {
    return openCredentials(store, box);
  } catch {
    return null;
  }
}

const REPLAYED = Symbol("replayed");

/** Applies one event to one store's order and records it; null when it was recorded before. */
async function applyOnce(
  db: PrismaClient,
  store: Store,
  event: MarketplaceEvent,
  deps: PushDeps,
): Promise<PushOutcome | null> {
  const eventKey = keyOf(event);
  try {
    return await db.$transaction(async (tx) => {
      const order = await lockOrder(tx, store.id, event.nativeOrderId);
      if (await recorded(tx, store.id, eventKey)) throw REPLAYED;
      const result: PushOutcome = !order
        ? { outcome: "UNKNOWN_ORDER", detail: `no order ${event.nativeOrderId} in this store` }
        : event.kind === "ORDER_STATUS"
          ? await applyOrderStatus(tx, order, event, deps)
          : await applyTracking(tx, order, event, deps);
      // The unique (store, event) index is what makes a replay harmless, whatever raced it.
      const { count } = await tx.marketplacePushEvent.createMany({
        data: [
          {
            storeId: store.id,
            eventKey,
            kind: event.kind,
            nativeOrderId: event.nativeOrderId,
            value: event.kind === "ORDER_STATUS" ? event.nativeStatus : event.trackingNumber,
            occurredAt: event.occurredAt,
            outcome: result.outcome,
            detail: result.detail ?? null,
            receivedAt: deps.now,
          },
        ],
        skipDuplicates: true,
      });
      if (count === 0) throw REPLAYED;
      return result;
    });
  } catch (error) {
    if (error === REPLAYED) return null;
    throw error;
  }
}

/** The order, locked until the transaction ends: pushes about one order apply one at a time. */
async function lockOrder(
  tx: Prisma.TransactionClient,
  storeId: string,
  nativeOrderId: string,
): Promise<LockedOrder | null> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Order" WHERE "storeId" = ${storeId} AND "nativeOrderId" = ${nativeOrderId}
    FOR UPDATE`;
  if (!locked) return null;
  return tx.order.findUniqueOrThrow({ where: { id: locked.id }, include: { store: true } });
}

async function recorded(tx: Prisma.TransactionClient, storeId: string, eventKey: string) {
  const row = await tx.marketplacePushEvent.findUnique({
    where: { storeId_eventKey: { storeId, eventKey } },
    select: { id: true },
  });
  return row !== null;
}

/** The event as parsed: the same status (or number) for the same order at the same time is one. */
function keyOf(event: MarketplaceEvent): string {
  const value = event.kind === "ORDER_STATUS" ? event.nativeStatus : event.trackingNumber;
  const text = [event.kind, event.nativeOrderId, value, event.occurredAt.toISOString()].join("\n");
  return createHash("sha256").update(text).digest("hex");
}
