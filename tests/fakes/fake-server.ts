import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What a fake route sees of one request. */
export interface FakeRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  rawBody: string;
}

/** What a fake route answers; `body` objects are sent as JSON. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeRoute = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/**
 * A local HTTP server standing in for a marketplace or carrier API in tests. It can go down and
 * come back on the same port (`down()` / `up()`), like an outage, and records every request.
 */
export interface FakeServer {
  readonly url: string;
  readonly requests: FakeRequest[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeServer(route: FakeRoute): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    const request: FakeRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(request);
    let answer: FakeResponse;
    try {
      answer = await route(request);
    } catch (error) {
      answer = { status: 500, body: { message: String(error) } };
    }
    const isJson = answer.body !== undefined && typeof answer.body !== "string";
    res.writeHead(answer.status, {
      ...(isJson ? { "content-type": "application/json" } : {}),
      ...answer.headers,
    });
    res.end(isJson ? JSON.stringify(answer.body) : (answer.body as string | undefined));
  };

  let server: Server = createServer((req, res) => void handle(req, res));
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;

  const stop = (target: Server) =>
    new Promise<void>((resolve) => {
      target.close(() => resolve());
      target.closeAllConnections();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async down() {
      await stop(server);
    },
    async up() {
      server = createServer((req, res) => void handle(req, res));
      await listen(server, port);
    },
    async close() {
      if (server.listening) await stop(server);
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
}
