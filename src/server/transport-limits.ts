import type { IncomingMessage, ServerResponse } from "node:http";
import type { Viewer } from "../schema/context.ts";
import type { AuthResult } from "./api-keys.ts";

/** Sizes and waits a client may not exceed; the defaults are what `npm start` uses. */
export interface TransportLimits {
  /** Largest GraphQL request body over HTTP, in bytes (TRACKLINE_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /**
   * Largest WebSocket message. A subscribe message is one operation with its variables, so
   * 64 KB is plenty; ws's own default (100 MB) lets one client make the server buffer that much.
   */
  wsMaxPayloadBytes: number;
  /**
   * Bytes a WebSocket may have queued but unsent before a subscription message closes it (1013):
   * a consumer that far behind is dropped, not buffered without bound (decision 053).
   */
  wsMaxBufferedBytes: number;
  /** How long an opened WebSocket may wait before `connection_init` (graphql-ws closes it, 4408). */
  wsConnectionInitTimeoutMs: number;
  /** On shutdown, how long requests in flight may take to finish before they are cut. */
  shutdownDrainMs: number;
}

export const DEFAULT_LIMITS: TransportLimits = {
  maxBodyBytes: 1024 * 1024,
  wsMaxPayloadBytes: 64 * 1024,
  wsMaxBufferedBytes: 1024 * 1024,
  wsConnectionInitTimeoutMs: 10_000,
  shutdownDrainMs: 10_000,
};

/** A GraphQL-shaped error body, as yoga would answer, for answers given before yoga runs. */
export function replyError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  // The body (if any) is left unread: closing the connection stops the client sending it,
  // where keep-alive would make Node read and discard all of it first.
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    connection: "close",
    ...headers,
  });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export const UNAUTHENTICATED_MESSAGE =
  "missing or invalid API key: send Authorization: Bearer <key>";

/**
 * Reads a request body of at most `maxBytes`: null (and nothing more read) as soon as the
 * declared length or the bytes received pass it.
 */
export async function readLimitedBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  // Not destroyed on an early return: the socket must stay up for the 413.
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The key of a file upload or download route, checked before its body is read: 401 without a
 * valid key, 403 without `scope`. The caller when allowed; null once the refusal is answered.
 */
export async function authorizeUpload(
  req: IncomingMessage,
  res: ServerResponse,
  authenticate: (header: string | null) => Promise<AuthResult>,
  scope: string,
  what: string,
): Promise<Viewer | null> {
  const auth = await authenticate(req.headers.authorization ?? null);
  if (auth.refusal) {
    replyError(res, 401, auth.refusal.code, auth.refusal.message, { "www-authenticate": "Bearer" });
    return null;
  }
  if (!auth.viewer.scopes.has(scope)) {
    replyError(res, 403, "FORBIDDEN", `${what} needs the ${scope} scope`);
    return null;
  }
  return auth.viewer;
}
