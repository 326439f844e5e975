import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { ChangeFeed } from "../domain/changes.ts";
import type { DeliveryEstimates } from "../domain/eta/service.ts";
import { rateDelivery } from "../domain/public-tracking/feedback.ts";
import {
  buildPublicView,
  findByPublicToken,
  type PublicTrackingView,
  publicLocale,
} from "../domain/public-tracking/view.ts";
import { negotiateLocale, parseAcceptLanguage, type TextBook } from "../domain/texts/index.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { KeyRateLimiter } from "./key-limits.ts";
import type { Logger } from "./logger.ts";
import { json, masked, REFUSAL_STATUS, refusal, safeLocale } from "./public-answers.ts";
import { type PublicResolvers, publicOperationKind, runPublicOperation } from "./public-graphql.ts";
import {
  PAGE_SCRIPT,
  PAGE_SCRIPT_PATH,
  PUBLIC_HEADERS,
  renderMapDocument,
  renderNotFoundPage,
  renderTooManyPage,
  renderTrackingPage,
} from "./public-tracking-page.ts";
import { createPublicStreams } from "./public-tracking-stream.ts";
import { readLimitedBody } from "./transport-limits.ts";

export const PUBLIC_GRAPHQL_PATH = "/public/graphql";
const PAGE_PATH = /^\/t\/([^/]{1,200})$/;
const MAP_PATH = /^\/t\/([^/]{1,200})\/map$/;
/**
 * A persisted operation's request is small: an id and a few variables. A rating's comment (1000
 * characters, up to 3 bytes each in UTF-8) fits, and one somewhat over is refused naming the field.
 */
const MAX_PUBLIC_BODY_BYTES = 8192;

export interface PublicTrackingDeps {
  db: PrismaClient;
  texts: TextBook;
  carriers: CarrierRegistry;
  marketplaces: MarketplaceRegistry;
  estimates: Pick<DeliveryEstimates, "estimate">;
  /** Requests a minute per IP address. */
  limiter: KeyRateLimiter;
  /** Proxies in front that append to X-Forwarded-For (0: the socket's address is the client). */
  trustedProxyHops: number;
  /** Changes to follow for the live page (shipmentUpdated over Server-Sent Events). */
  feed: Pick<ChangeFeed, "shipmentUpdated">;
  now: () => Date;
  /** Open event streams per IP address (decision 044). */
  maxStreamsPerAddress: number;
  /** Keep-alive comments on an open stream, so proxies do not cut a quiet one. */
  keepAliveMs?: number;
}

/**
 * The address a buyer is counted under: the socket's, or with N trusted proxies in front, the
 * entry N places from the right of X-Forwarded-For plus the socket (what the nearest untrusted
 * hop said; entries further left are the client's own claims and are not believed).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxyHops: number,
): string {
  const socket = socketAddress ?? "unknown";
  if (trustedProxyHops === 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = [
    ...header
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    socket,
  ];
  return hops[Math.max(0, hops.length - 1 - trustedProxyHops)]!;
}

/** The path as logs show it: a page's token is a credential, and logs travel further. */
export function loggedPath(path: string): string {
  if (MAP_PATH.test(path)) return "/t/[token]/map";
  return PAGE_PATH.test(path) ? "/t/[token]" : path;
}

/** TRACKLINE_PUBLIC_URL when set, else the origin the request came to (for Shipment.publicUrl). */
export function publicBaseUrl(configured: string | undefined, request?: Request): string {
  if (configured) return configured.replace(/\/+$/, "");
  if (!request) return "";
  try {
    return new URL(request.url).origin;
  } catch {
    return "";
  }
}

/**
 * GET /t/<token> (the buyer's page), /t/<token>/map (its map alone), the page's script, and
 * /public/graphql (persisted operations only; the subscription over Server-Sent Events).
 */
export function createPublicTrackingRoute(deps: PublicTrackingDeps) {
  const load = async (
    token: string,
    requested: string | null,
    acceptLanguages: readonly string[],
  ): Promise<PublicTrackingView | { locale: ReturnType<typeof negotiateLocale> }> => {
    const lang = safeLocale(requested);
    // The lookup runs for every token, well-formed or not (findByPublicToken).
    const shipment = await findByPublicToken(deps.db, token);
    const locale = publicLocale(lang, acceptLanguages, shipment, deps.marketplaces);
    if (!shipment) return { locale };
    return buildPublicView(shipment, locale, deps);
  };
  const streams = createPublicStreams(deps);

  const addressOf = (req: IncomingMessage) =>
    clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], deps.trustedProxyHops);

  const limited = async (req: IncomingMessage, res: ServerResponse, html: boolean) => {
    const verdict = await deps.limiter.charge(addressOf(req), 1);
    if (verdict.allowed) return false;
    const headers = { ...PUBLIC_HEADERS, "retry-after": String(verdict.resetSeconds) };
    if (html) {
      const locale = negotiateLocale([parseAcceptLanguage(req.headers["accept-language"])]);
      res.writeHead(429, { ...headers, "content-type": "text/html; charset=utf-8" });
      res.end(renderTooManyPage(locale));
    } else {
      json(res, 429, refusal("RATE_LIMITED"), headers);
    }
    return true;
  };

  const handlePage = async (
    req: IncomingMessage,
    res: ServerResponse,
    token: string,
    mapOnly: boolean,
  ) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...PUBLIC_HEADERS, allow: "GET, HEAD" });
      return res.end();
    }
    if (await limited(req, res, !mapOnly)) return;
    const url = new URL(req.url ?? "/", "http://localhost");
    const found = await load(
      safeDecode(token),
      url.searchParams.get("lang"),
      parseAcceptLanguage(req.headers["accept-language"]),
    );
    const view = "status" in found ? found : null;
    if (mapOnly) {
      const svg = view && renderMapDocument(view);
      res.writeHead(svg ? 200 : 404, {
        ...PUBLIC_HEADERS,
        "content-type": svg ? "image/svg+xml; charset=utf-8" : "text/plain",
      });
      return res.end(svg ?? "not found");
    }
    res.writeHead(view ? 200 : 404, {
      ...PUBLIC_HEADERS,
      "content-type": "text/html; charset=utf-8",
      "content-language": found.locale,
    });
    res.end(view ? renderTrackingPage(view) : renderNotFoundPage(found.locale));
  };

  const handleScript = (res: ServerResponse) => {
    res.writeHead(200, {
      ...PUBLIC_HEADERS,
      "content-type": "text/javascript; charset=utf-8",
      // The URL names the content's hash: a new script is a new URL.
      "cache-control": "public, max-age=31536000, immutable",
    });
    res.end(PAGE_SCRIPT);
  };

  const resolvers = (acceptLanguages: readonly string[]): PublicResolvers => ({
    trackingPage: async (token, locale) => {
      const found = await load(token, locale, acceptLanguages);
      return "status" in found ? found : null;
    },
    rateDelivery: (input) => rateDelivery(deps.db, input, deps.now()),
  });

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse) => {
    if (await limited(req, res, false)) return;
    const request = await readPublicRequest(req);
    if ("refusal" in request) {
      return json(res, REFUSAL_STATUS[request.refusal] ?? 400, refusal(request.refusal));
    }
    const kind = publicOperationKind(request.id);
    if (!kind) return json(res, 400, refusal("PERSISTED_QUERY_NOT_FOUND"));
    if (kind === "mutation" && req.method !== "POST") {
      return json(res, 405, refusal("MUTATION_NEEDS_POST"), { ...PUBLIC_HEADERS, allow: "POST" });
    }
    if (kind === "subscription") {
      if (req.method !== "GET" || !String(req.headers.accept).includes("text/event-stream")) {
        return json(res, 406, refusal("EVENT_STREAM_ONLY"));
      }
      return streams.open(req, res, request.id, request.variables, addressOf(req));
    }
    const acceptLanguages = parseAcceptLanguage(req.headers["accept-language"]);
    const result = await runPublicOperation(
      request.id,
      request.variables,
      resolvers(acceptLanguages),
    );
    if (!result) return json(res, 400, refusal("PERSISTED_QUERY_NOT_FOUND"));
    json(res, 200, masked(result));
  };

  return {
    matches: (path: string) =>
      path === PUBLIC_GRAPHQL_PATH ||
      path === PAGE_SCRIPT_PATH ||
      PAGE_PATH.test(path) ||
      MAP_PATH.test(path),
    handle(req: IncomingMessage, res: ServerResponse, path: string, log: Logger) {
      if (path === PAGE_SCRIPT_PATH) return handleScript(res);
      const map = MAP_PATH.exec(path)?.[1];
      const token = map ?? PAGE_PATH.exec(path)?.[1];
      const done =
        token === undefined ? handleGraphQL(req, res) : handlePage(req, res, token, Boolean(map));
      done.catch((error: unknown) => {
        log.error({ err: error }, "public tracking request failed");
        if (!res.headersSent)
          res.writeHead(500, { ...PUBLIC_HEADERS, "content-type": "text/plain" });
        // An event stream that failed has been ended already.
        if (!res.writableEnded) res.end("internal error");
      });
    },
    /** Ends every open event stream (shutdown: they would hold the HTTP drain). */
    close: () => streams.close(),
  };
}

type PublicRequest = { id: string; variables: Record<string, unknown> } | { refusal: string };

/** `{ id, variables }` as JSON (POST) or query parameters (GET); a `query` text is refused. */
async function readPublicRequest(req: IncomingMessage): Promise<PublicRequest> {
  let input: Record<string, unknown>;
  if (req.method === "GET") {
    const params = new URL(req.url ?? "/", "http://localhost").searchParams;
    input = Object.fromEntries(params);
    if (typeof input.variables === "string") input.variables = parseJson(input.variables);
  } else if (req.method === "POST") {
    const body = await readLimitedBody(req, MAX_PUBLIC_BODY_BYTES);
    if (body === null) return { refusal: "PAYLOAD_TOO_LARGE" };
    input = (parseJson(body.toString("utf8")) as Record<string, unknown>) ?? {};
  } else {
    return { refusal: "METHOD_NOT_ALLOWED" };
  }
  if (typeof input !== "object" || input === null) return { refusal: "BAD_REQUEST" };
  if ("query" in input) return { refusal: "PERSISTED_QUERY_ONLY" };
  const variables = input.variables ?? {};
  if (typeof input.id !== "string" || typeof variables !== "object" || variables === null) {
    return { refusal: "BAD_REQUEST" };
  }
  return { id: input.id, variables: variables as Record<string, unknown> };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
