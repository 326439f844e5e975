import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/server/logger.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

/** Every JSON line the app logged. */
const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logger: createLogger({ level: "info", destination: capture }) });
});
afterAll(() => server.close());

async function ask(headers: Record<string, string> = {}) {
  return fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${server.tenant.apiKey}`,
      ...headers,
    },
    body: JSON.stringify({ query: "{ stores { id } }" }),
  });
}

const logged = (requestId: string) => lines.filter((line) => line.requestId === requestId);

async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe("JSON logs", () => {
  it("logs each request with its id, echoed back, and the proxy's id when it sends one", async () => {
    const given = await ask({ "x-request-id": "lb-7f3a-0001" });
    expect(given.headers.get("x-request-id")).toBe("lb-7f3a-0001");
    await until(() => logged("lb-7f3a-0001").length > 0);
    expect(logged("lb-7f3a-0001")).toEqual([
      expect.objectContaining({
        level: 30,
        service: "trackline",
        msg: "request",
        method: "POST",
        path: "/graphql",
        status: 200,
        ms: expect.any(Number),
      }),
    ]);

    const made = (await ask()).headers.get("x-request-id") ?? "";
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    // An id that is not one (spaces, too long) is replaced, not repeated into the logs.
    const odd = (await ask({ "x-request-id": `x y ${"z".repeat(200)}` })).headers;
    expect(odd.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never writes an API key or a secret", async () => {
    await ask({ "x-request-id": "secret-check" });
    const unauthorized = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer tl_live_nope" },
      body: JSON.stringify({ query: "{ stores { id } }" }),
    });
    expect(unauthorized.status).toBe(401);
    await until(() => logged("secret-check").length > 0);
    const text = lines.map((line) => JSON.stringify(line)).join("\n");
    expect(text).not.toContain(server.tenant.apiKey);
    expect(text).not.toContain("tl_live_nope");
    // And redaction holds for whatever a log call is handed.
    const own: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        own.push(JSON.parse(String(chunk)));
        done();
      },
    });
    createLogger({ destination: sink }).info(
      { headers: { authorization: "Bearer tl_live_x" }, store: { credentials: { a: 1 } } },
      "with secrets",
    );
    expect(own[0]).toMatchObject({
      headers: { authorization: "[redacted]" },
      store: { credentials: "[redacted]" },
    });
  });
});
