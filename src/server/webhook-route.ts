import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { HeaderReader } from "../carriers/types.ts";
import type { ChangePublisher } from "../domain/changes.ts";
import type { JobQueue } from "../domain/jobs.ts";
import type { SecretBox } from "../domain/secret-box.ts";
import { processDeliveries, receiveWebhook } from "../domain/webhook-inbox.ts";
import type { DeliveryWriter, EndpointLookup } from "../domain/webhook-intake.ts";

/** `/webhooks/carriers/:provider/:endpointId`, or `/webhooks/carriers/:provider` (answered 404). */
export const WEBHOOK_PATH = /^\/webhooks\/carriers\/([a-z0-9-]+)(?:\/([A-Za-z0-9_-]{1,64}))?\/?$/;
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookDeps {
  db: PrismaClient;
  publisher: ChangePublisher;
  carriers: CarrierRegistry;
  jobs: JobQueue;
  now: () => Date;
  secretBox: SecretBox;
}

/**
 * `POST /webhooks/carriers/:provider/:endpointId`: find the endpoint, read the body, verify,
 * store, answer, then ingest. Every refusal that needs no secret comes before any HMAC work.
 */
export async function handleCarrierWebhook(
  req: IncomingMessage,
  res: ServerResponse,
  deps: WebhookDeps & { endpoints: EndpointLookup; store: DeliveryWriter },
): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const [, code = "", pathEndpoint] = WEBHOOK_PATH.exec(url.pathname) ?? [];
  // `?endpoint=` is the form paths were handed out in before the id moved into the path.
  const endpointId = pathEndpoint ?? url.searchParams.get("endpoint");
  const adapter = deps.carriers.adapter(code);
  if (req.method !== "POST") return reply(res, 405, { error: "use POST" });
  if (!adapter?.verifyWebhook)
    return reply(res, 404, { error: `no webhook receiver for "${code}"` });
  if (!endpointId) {
    // Trying every endpoint's secret made an unsigned request cost one HMAC per tenant.
    return reply(res, 404, {
      error: `name the endpoint: POST /webhooks/carriers/${code}/<endpoint id> (CarrierWebhook.path)`,
    });
  }
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) return tooLarge(res);

  const receipt = await receiveWebhook(
    {
      adapter,
      endpointId,
      readBody: () => readBody(req),
      headers: toHeaders(req),
      url: url.toString(),
    },
    { secretBox: deps.secretBox, now: deps.now(), endpoints: deps.endpoints, store: deps.store },
  );
  if (receipt.status === 413) return tooLarge(res);
  if (receipt.status !== 202) {
    return reply(
      res,
      receipt.status,
      "error" in receipt ? { error: receipt.error } : { duplicate: true },
    );
  }
  // The delivery writer woke the ingestion workers once for its whole group.
  reply(res, 202, { accepted: receipt.deliveryId });
}

function tooLarge(res: ServerResponse): void {
  reply(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
}

/** The carrier-webhook jobs a worker fetched together: their stored deliveries, ingested at once. */
export async function ingestDeliveries(
  deliveryIds: readonly string[],
  deps: WebhookDeps,
): Promise<void> {
  await processDeliveries(deps.db, deliveryIds, {
    now: deps.now(),
    findAdapter: deps.carriers.adapter,
    publisher: deps.publisher,
    jobs: deps.jobs,
  });
}

/** Deliveries stored without a job (before jobs moved to pg-boss); a queued one is kept, not doubled. */
export async function resumePendingDeliveries(deps: WebhookDeps): Promise<number> {
  const pending = await deps.db.webhookDelivery.findMany({
    where: { state: "RECEIVED" },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
  });
  for (const { id } of pending) {
    await deps.db.$transaction((tx) =>
      deps.jobs.enqueue(tx, "carrier-webhook", { deliveryId: id }, { key: id }),
    );
  }
  if (pending.length > 0) deps.jobs.wake("carrier-webhook");
  return pending.length;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Node's parsed headers read as `Headers.get` would: lower-cased names, values joined by ", ". */
function toHeaders(req: IncomingMessage): HeaderReader {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
