import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** A file the server sends as it is, with a validator so browsers revalidate cheaply. */
export interface StaticAsset {
  contentType: string;
  body: Buffer;
  etag: string;
}

export function createStaticAsset(contentType: string, content: Buffer | string): StaticAsset {
  const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  return { contentType, body, etag };
}

/**
 * GET or HEAD of a known asset; 404 otherwise. Revalidated on each load, answered 304 while
 * unchanged: after an upgrade the browser sees the new file at once, and meanwhile it does not
 * download it again.
 */
export function sendStaticAsset(
  req: IncomingMessage,
  res: ServerResponse,
  asset: StaticAsset | undefined,
): void {
  if (!asset || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const headers = {
    "content-type": asset.contentType,
    "cache-control": "no-cache",
    etag: asset.etag,
    "x-content-type-options": "nosniff",
  };
  if (req.headers["if-none-match"] === asset.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "content-length": asset.body.length });
  res.end(req.method === "HEAD" ? undefined : asset.body);
}
