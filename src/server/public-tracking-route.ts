import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { DeliveryEstimates } from "../domain/eta/service.ts";
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
import { runPublicOperation } from "./public-graphql.ts";
import {
  PUBLIC_HEADERS,
  renderNotFoundPage,
  renderTooManyPage,
  renderTrackingPage,
} from "./public-tracking-page.ts";
import { readLimitedBody } from "./transport-limits.ts";

export const PUBLIC_GRAPHQL_PATH = "/public/graphql";
const PAGE_PATH = /^\/t\/([^/]{1,200})$/;
/** A persisted operation's request is small: an id and two variables. */
const MAX_PUBLIC_BODY_BYTES = 4096;
const MAX_LOCALE_LENGTH = 64;

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

/** GET /t/<token> (the buyer's page) and /public/graphql (persisted operations only). */
export function createPublicTrackingRoute(deps: PublicTrackingDeps) {
  const load = async (
    token: string,
    requested: string | null,
    acceptLanguages: readonly string[],
  ): Promise<PublicTrackingView | { locale: ReturnType<typeof negotiateLocale> }> => {
    const lang = requested && requested.length <= MAX_LOCALE_LENGTH ? requested : null;
    // The lookup runs for every token, well-formed or not (findByPublicToken).
    const shipment = await findByPublicToken(deps.db, token);
    const locale = publicLocale(lang, acceptLanguages, shipment, deps.marketplaces);
    if (!shipment) return { locale };
    return buildPublicView(shipment, locale, deps);
  };

  const limited = async (req: IncomingMessage, res: ServerResponse, html: boolean) => {
    const ip = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      deps.trustedProxyHops,
    );
    const verdict = await deps.limiter.charge(ip, 1);
    if (verdict.allowed) return false;
    const headers = { ...PUBLIC_HEADERS, "retry-after": String(verdict.resetSeconds) };
    if (html) {
      const locale = negotiateLocale([parseAcceptLanguage(req.headers["accept-language"])]);
      res.writeHead(429, { ...headers, "content-type": "text/html; charset=utf-8" });
      res.end(renderTooManyPage(locale));
    } else {
      json(
        res,
        429,
        { errors: [{ message: "too many requests", extensions: { code: "RATE_LIMITED" } }] },
        headers,
      );
    }
    return true;
  };

  const handlePage = async (req: IncomingMessage, res: ServerResponse, token: string) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...PUBLIC_HEADERS, allow: "GET, HEAD" });
      return res.end();
    }
    if (await limited(req, res, true)) return;
    const url = new URL(req.url ?? "/", "http://localhost");
    const found = await load(
      safeDecode(token),
      url.searchParams.get("lang"),
      parseAcceptLanguage(req.headers["accept-language"]),
    );
    const view = "status" in found ? found : null;
    res.writeHead(view ? 200 : 404, {
      ...PUBLIC_HEADERS,
      "content-type": "text/html; charset=utf-8",
      "content-language": found.locale,
    });
    res.end(view ? renderTrackingPage(view) : renderNotFoundPage(found.locale));
  };

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse) => {
    if (await limited(req, res, false)) return;
    const request = await readPublicRequest(req);
    if ("refusal" in request) {
      return json(res, REFUSAL_STATUS[request.refusal] ?? 400, refusal(request.refusal));
    }
    const acceptLanguages = parseAcceptLanguage(req.headers["accept-language"]);
    const result = await runPublicOperation(
      request.id,
      request.variables,
      async (token, locale) => {
        const found = await load(token, locale, acceptLanguages);
        return "status" in found ? found : null;
      },
    );
    if (!result) return json(res, 400, refusal("PERSISTED_QUERY_NOT_FOUND"));
    // Variable errors describe the request; anything else is a bug, masked.
    const errors = result.errors?.map((error) =>
      error.originalError ? { message: "internal error" } : { message: error.message },
    );
    json(res, 200, errors ? { ...result, errors } : result);
  };

  return {
    matches: (path: string) => path === PUBLIC_GRAPHQL_PATH || PAGE_PATH.test(path),
    handle(req: IncomingMessage, res: ServerResponse, path: string, log: Logger) {
      const token = PAGE_PATH.exec(path)?.[1];
      const done = token === undefined ? handleGraphQL(req, res) : handlePage(req, res, token);
      done.catch((error: unknown) => {
        log.error({ err: error }, "public tracking request failed");
        if (!res.headersSent)
          res.writeHead(500, { ...PUBLIC_HEADERS, "content-type": "text/plain" });
        res.end("internal error");
      });
    },
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

const REFUSALS: Record<string, string> = {
  PERSISTED_QUERY_ONLY: "only persisted operations are accepted: send { id, variables }",
  PERSISTED_QUERY_NOT_FOUND: "no persisted operation has this id",
  PAYLOAD_TOO_LARGE: "request body too large",
  METHOD_NOT_ALLOWED: "use GET or POST",
  BAD_REQUEST: "send { id, variables } as JSON",
};

const REFUSAL_STATUS: Record<string, number> = { PAYLOAD_TOO_LARGE: 413, METHOD_NOT_ALLOWED: 405 };

function refusal(code: string) {
  return { errors: [{ message: REFUSALS[code] ?? code, extensions: { code } }] };
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = PUBLIC_HEADERS,
): void {
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
