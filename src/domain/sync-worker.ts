import type { PrismaClient, Store } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { ApiResult, MarketplaceApi, MarketplaceClient } from "../plugins/api-types.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { Site } from "../plugins/types.ts";
import { type BackoffPolicy, DEFAULT_BACKOFF, nextDelayMs } from "./backoff.ts";
import type { ChangePublisher } from "./changes.ts";
import type { JobPayloads, JobQueue } from "./jobs.ts";
import { queueSync, scanDeadline } from "./marketplace-sync.ts";
import { syncFailed } from "./outbound-webhooks/events.ts";
import { emitWebhookEvent } from "./outbound-webhooks/outbox.ts";
import type { RateGate } from "./rate-gate.ts";
import type { SecretBox } from "./secret-box.ts";
import { evaluateShipmentRisks } from "./seller-risks.ts";
import { openCredentials } from "./store-connections.ts";

export interface SyncWorkerDeps {
  db: PrismaClient;
  jobs: JobQueue;
  marketplaces: MarketplaceRegistry;
  carriers: CarrierRegistry;
  secretBox: SecretBox;
  fetch: typeof fetch;
  now: () => Date;
  rateGate: RateGate;
  backoff?: BackoffPolicy;
  /** Where a risk the push outcome raises (a failed push) is announced at once. */
  publisher: Pick<ChangePublisher, "riskRaised">;
}

type Outcome =
  | ApiResult
  | { ok: false; retryable: false; code: string; message: string; skipApi: true };

/**
 * The marketplace-sync job: pushes one version of a shipment's tracking, then records the attempt.
 * A job for a version that is no longer current does nothing, so a correction or a seller's retry
 * never races an older push. A retryable failure queues the next attempt (back-off with jitter,
 * never sooner than the marketplace asked) in the same transaction that records this one.
 */
export function createSyncWorker(deps: SyncWorkerDeps) {
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  // One client per store while its credentials and endpoints stay the same: it keeps its token.
  const clients = new Map<
    string,
    { fingerprint: string; sealed: string | null; client: MarketplaceClient }
  >();

  const clientFor = (store: Store, api: MarketplaceApi, site: Site): MarketplaceClient | null => {
    const fingerprint = `${store.credentials}|${store.apiBaseUrl}|${store.tokenUrl}`;
    const cached = clients.get(store.id);
    if (cached?.fingerprint === fingerprint) return cached.client;
    const credentials = openCredentials(store, deps.secretBox);
    if (!credentials) return null;
    const entry = {
      fingerprint,
      sealed: store.credentials,
      client: null as unknown as MarketplaceClient,
    };
    entry.client = api.createClient(
      {
        site,
        baseUrl: store.apiBaseUrl ?? api.baseUrl(site),
        tokenUrl: store.tokenUrl ?? api.tokenUrl(site),
        credentials,
      },
      {
        fetch: deps.fetch,
        now: deps.now,
        // The marketplace rotated a token: keep it, and keep this client (it holds it already),
        // unless the seller replaced the credentials meanwhile: theirs win, and the failed save
        // makes this push retryable (it goes again with the seller's credentials).
        saveCredentials: async (next) => {
          const sealed = deps.secretBox.seal(JSON.stringify(next));
          const { count } = await deps.db.store.updateMany({
            where: { id: store.id, credentials: entry.sealed },
            data: { credentials: sealed },
          });
          if (count === 0) {
            clients.delete(store.id);
            throw new Error("the store's credentials changed while a token was being refreshed");
          }
          entry.sealed = sealed;
          entry.fingerprint = `${sealed}|${store.apiBaseUrl}|${store.tokenUrl}`;
        },
      },
    );
    clients.set(store.id, entry);
    return entry.client;
  };

  return async function runMarketplaceSync({
    shipmentId,
    version,
  }: JobPayloads["marketplace-sync"]): Promise<void> {
    const shipment = await deps.db.shipment.findUnique({
      where: { id: shipmentId },
      include: { order: { include: { items: true } }, store: true },
    });
    if (!shipment || shipment.syncVersion !== version) return;
    const { order, store } = shipment;
    if (shipment.syncState === "WAITING_FOR_SCAN") {
      // At the deadline without a scan: push now rather than be late. Woken early (the queue's
      // clock is the database's), it goes back to sleep until the deadline, never forgotten.
      const deadline = scanDeadline(order.shipByDate, shipment.createdAt);
      if (deadline.getTime() > deps.now().getTime() + 1_000) {
        await deps.db.$transaction((tx) => queueSync(tx, deps.jobs, shipment, deadline));
        return;
      }
    } else if (shipment.syncState !== "PENDING") return;

    const found = deps.marketplaces.site(store.marketplace, store.site);
    const api = found?.plugin.api;
    let outcome: Outcome;
    if (!found || !api) {
      outcome = skip(
        "MARKETPLACE_HAS_NO_API",
        `${store.marketplace}/${store.site} has no API here`,
      );
    } else if (order.state === "CANCELLED") {
      outcome = skip(
        "ORDER_CANCELLED",
        `order ${order.nativeOrderId} is cancelled; nothing to push`,
      );
    } else {
      const upload = async (current: Store): Promise<Outcome> => {
        const client = clientFor(current, api, found.site);
        if (!client) {
          return skip(
            "MISSING_CREDENTIALS",
            "the store has no credentials: updateStoreCredentials adds them",
          );
        }
        await deps.rateGate.take(`${store.marketplace}:${store.id}`, api.rateLimit);
        return client.uploadTracking({
          nativeOrderId: order.nativeOrderId,
          packageReference: shipment.packageReference,
          carrier: shipment.carrier,
          carrierName: deps.carriers.find(shipment.carrier)?.name ?? shipment.carrier,
          trackingNumber: shipment.trackingNumber,
          shippingMethod: shipment.shippingMethod,
          shipDate: shipment.shippedAt ?? shipment.createdAt,
          items: order.items.map((item) => ({
            nativeItemId: item.nativeItemId,
            quantity: item.quantity,
          })),
        });
      };
      outcome = await upload(store);
      if (!outcome.ok && outcome.code === "INVALID_CREDENTIALS") {
        // Another worker may have rotated the tokens (the refresh token this one held is spent):
        // with the stored credentials changed, one more try with them before calling it fatal.
        const fresh = await deps.db.store.findUnique({ where: { id: store.id } });
        if (fresh && fresh.credentials !== clients.get(store.id)?.sealed) {
          outcome = await upload(fresh);
        }
      }
    }
    await record(shipmentId, version, store.id, outcome);
    // A failed push is a risk now, a confirmed one may clear one: no waiting for the sweep.
    await evaluateShipmentRisks(deps.db, [shipmentId], {
      now: deps.now(),
      publisher: deps.publisher,
      marketplaces: deps.marketplaces,
    });
  };

  async function record(shipmentId: string, version: number, storeId: string, outcome: Outcome) {
    const now = deps.now();
    let webhooks = 0;
    await deps.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Shipment" WHERE "id" = ${shipmentId} FOR UPDATE`;
      const current = await tx.shipment.findUnique({ where: { id: shipmentId } });
      // Superseded while the call was out (a correction, a retry): the newer job records its own.
      if (!current || current.syncVersion !== version) return;
      const attempts = current.syncAttempts + ("skipApi" in outcome ? 0 : 1);
      if (!("skipApi" in outcome)) {
        await tx.store.update({ where: { id: storeId }, data: { credentialsLastUsedAt: now } });
      }
      if (outcome.ok) {
        await tx.shipment.update({
          where: { id: shipmentId },
          data: {
            syncState: "CONFIRMED",
            syncAttempts: attempts,
            syncConfirmedAt: now,
            syncError: null,
            syncErrorCode: null,
            syncNextAttemptAt: null,
          },
        });
        return;
      }
      const retry = outcome.retryable && attempts < backoff.maxAttempts;
      const nextAttemptAt = retry
        ? new Date(now.getTime() + nextDelayMs(backoff, attempts, outcome.retryAfterMs))
        : null;
      const updated = await tx.shipment.update({
        where: { id: shipmentId },
        data: {
          syncState: retry ? "PENDING" : "FAILED",
          syncAttempts: attempts,
          syncErrorCode: outcome.code,
          syncError:
            outcome.retryable && !retry
              ? `gave up after ${attempts} attempts: ${outcome.message}`
              : outcome.message,
          syncNextAttemptAt: nextAttemptAt,
        },
      });
      if (nextAttemptAt) await queueSync(tx, deps.jobs, updated, nextAttemptAt);
      else webhooks = await emitWebhookEvent(tx, deps.jobs, syncFailed(updated), now);
    });
    if (webhooks > 0) deps.jobs.wake("webhook-delivery");
  }
}

function skip(code: string, message: string): Outcome {
  return { ok: false, retryable: false, code, message, skipApi: true };
}
