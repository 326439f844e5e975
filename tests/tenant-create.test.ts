import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SCOPES } from "../src/domain/scopes.ts";
import { isPostgresUrl } from "../src/server/database.ts";
import { type ServerProcess, startProcess, startServerProcess } from "./helpers/server-process.ts";
import { startTestServer } from "./helpers/test-server.ts";

const dir = mkdtempSync(path.join(tmpdir(), "trackline-tenant-"));
const started: ServerProcess[] = [];

afterAll(() => {
  for (const { child } of started) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function tenantCreate(args: string[], env: Record<string, string>): ServerProcess {
  const run = startProcess("src/server/tenant-create.ts", args, env);
  started.push(run);
  return run;
}

const KEY = /API key: +(tl_live_[0-9A-Za-z]{49})/;

async function ask(url: string, apiKey: string, query: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown } };
}

describe("npm run tenant:create", () => {
  it("creates a tenant and a key with every scope in a stopped embedded database; refuses while a server holds it", async () => {
    const dataDir = path.join(dir, "data");
    const env = { TRACKLINE_DATA_DIR: dataDir };
    const created = tenantCreate(["--name", "Acme"], env);
    expect(await created.exited).toBe(0);
    const [, apiKey] = KEY.exec(created.output()) ?? [];
    expect(apiKey).toBeDefined();
    expect(created.output()).toContain("Tenant:   Acme");

    const server = startServerProcess({ ...env, PORT: "0", NODE_ENV: "production" });
    started.push(server);
    const [, port] = await server.waitFor(/GraphQL: +http:\/\/127\.0\.0\.1:(\d+)\/graphql/);
    const url = `http://127.0.0.1:${port}/graphql`;
    const answer = await ask(url, apiKey!, "{ stores { id } apiKeys { name scopes } }");
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({
      stores: [],
      apiKeys: [
        { name: "first key", scopes: SCOPES.map((s) => s.replace(":", "_").toUpperCase()) },
      ],
    });

    const refused = tenantCreate(["--name", "Beta"], env);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(
      `data directory ${dataDir} is in use by process ${server.child.pid}`,
    );
    expect(refused.output()).toContain(
      "stop the server, run this command, then start the server again",
    );
    expect(refused.output()).not.toMatch(KEY);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 120_000);

  it("refuses a missing name without touching anything", async () => {
    const dataDir = path.join(dir, "untouched");
    const run = tenantCreate([], { TRACKLINE_DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      'tenant:create: give the tenant a name: npm run tenant:create -- --name "Acme"',
    );
  }, 60_000);

  it.skipIf(!isPostgresUrl(process.env.DATABASE_URL))(
    "runs beside a server on PostgreSQL, whose key works there at once",
    async () => {
      const server = await startTestServer();
      try {
        const rows = await server.database.handle.session((s) =>
          s.query<{ schema: string }>("SELECT current_schema() AS schema"),
        );
        const url = new URL(process.env.DATABASE_URL!);
        url.searchParams.set("schema", rows[0]!.schema);
        const run = tenantCreate(["--name", "Beside"], { DATABASE_URL: url.toString() });
        expect(await run.exited).toBe(0);
        const [, apiKey] = KEY.exec(run.output()) ?? [];
        const answer = await ask(server.url, apiKey!, "{ stores { id } }");
        expect(answer).toEqual({ status: 200, body: { data: { stores: [] } } });
      } finally {
        await server.close();
      }
    },
    60_000,
  );
});
