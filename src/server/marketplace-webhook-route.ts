import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { JobQueue } from "../domain/jobs.ts";
import { receiveMarketplacePush } from "../domain/marketplace-push.ts";
import type { SecretBox } from "../domain/secret-box.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { Logger } from "./logger.ts";
import { readLimitedBody } from "./transport-limits.ts";

/** `/webhooks/marketplaces/:marketplace`: signed pushes of any plugin with a `push` slot. */
const PATH = /^\/webhooks\/marketplaces\/([a-z0-9-]+)\/?$/;
const MAX_BODY_BYTES = 1024 * 1024;

export interface MarketplaceWebhookDeps {
  db: PrismaClient;
  marketplaces: MarketplaceRegistry;
  carriers: CarrierRegistry;
  secretBox: SecretBox;
  jobs: JobQueue;
  now: () => Date;
  /** The base URL marketplaces call (TRACKLINE_PUBLIC_URL); from the request when unset. */
  publicUrl?: string;
}

/** The route as app.ts mounts it: `matches` a path, then `handle` answers (errors included). */
export function createMarketplaceWebhookRoute(deps: MarketplaceWebhookDeps) {
  return {
    matches: (path: string) => PATH.test(path),
    handle(req: IncomingMessage, res: ServerResponse, log: Pick<Logger, "error">): void {
      handle(req, res, deps).catch((error: unknown) => {
        log.error({ err: error }, "marketplace push failed");
        if (!res.headersSent) reply(res, 500, { error: "internal error" });
        else res.end();
      });
    },
  };
}

/**
 * `POST /webhooks/marketplaces/:marketplace`: a marketplace with no push receiver is refused
 * before the body is read; the body is read up to 1 MB, verified against the stores of the
 * account it names, applied, and answered 200 at once (Shopee retries anything else, and turns
 * off the pushes of an app whose success rate falls).
 */
async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  deps: MarketplaceWebhookDeps,
): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const [, id = ""] = PATH.exec(path) ?? [];
  if (req.method !== "POST") return reply(res, 405, { error: "use POST" }, { allow: "POST" });
  const plugin = deps.marketplaces.find(id);
  if (!plugin?.push) return reply(res, 404, { error: `no push receiver for "${id}"` });
  const body = await readLimitedBody(req, MAX_BODY_BYTES);
  if (body === null) {
    // The rest of the body stays unread: closing stops the sender.
    return reply(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` }, { connection: "close" });
  }
  const receipt = await receiveMarketplacePush(
    deps.db,
    {
      marketplace: { id: plugin.id, name: plugin.name, push: plugin.push },
      rawBody: body.toString("utf8"),
      headers: toHeaders(req),
      url: callbackUrl(req, deps.publicUrl),
    },
    { ...deps, now: deps.now() },
  );
  if (receipt.status !== 200) return reply(res, receipt.status, { error: receipt.error });
  reply(res, 200, { ok: true, applied: receipt.applied });
}

/**
 * The URL the marketplace signed: the one the seller registered, which a proxy in front of us
 * may have rewritten (https to http, another host). TRACKLINE_PUBLIC_URL gives its base; without
 * it the request's own: X-Forwarded-Proto (else http), Host, path and query. Trusting those
 * headers only picks the URL a signature is checked against; forging one still needs the key.
 */
export function callbackUrl(req: IncomingMessage, publicUrl?: string): string {
  const pathAndQuery = req.url ?? "/";
  if (publicUrl) return `${publicUrl.replace(/\/+$/, "")}${pathAndQuery}`;
  const forwarded = String(req.headers["x-forwarded-proto"] ?? "")
    .split(",")[0]
    ?.trim()
    .toLowerCase();
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : "http";
  return `${scheme}://${req.headers.host ?? "localhost"}${pathAndQuery}`;
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}

function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
