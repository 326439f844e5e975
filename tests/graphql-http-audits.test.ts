import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/server/api-keys.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    access: { production: true, introspection: false, corsOrigins: [] },
  });
});
afterAll(() => server.close());

describe("GraphQL over HTTP conformance (graphql-http's server audits)", () => {
  it("passes every audit in production mode, the limits and scopes in place", async () => {
    // The audits send no credentials: a key is added to each request. Several audits ask for
    // __type (introspection), which production answers to keys holding keys:manage only.
    const readKey = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "audits",
      scopes: ["orders:read", "keys:manage"],
    });
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${readKey}`);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: server.url, fetchFn });
    const failed = results
      .filter((result) => result.status !== "ok")
      .map((result) => `${result.status}: ${result.name}`);
    expect(failed).toEqual([]);
    // graphql-http 1.23.1 has 61; a later version may add more, never fewer.
    expect(results.length).toBeGreaterThanOrEqual(61);
  });
});
