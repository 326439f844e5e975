import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { isPostgresUrl } from "../src/server/database.ts";
import { type ServerProcess, startServerProcess } from "./helpers/server-process.ts";

const url = process.env.DATABASE_URL;
const started: ServerProcess[] = [];
const schema = `roles_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

afterAll(async () => {
  for (const { child } of started) if (child.exitCode === null) child.kill("SIGKILL");
  if (!isPostgresUrl(url)) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
  await admin.end();
});

// Split roles share one PostgreSQL; the embedded database belongs to a single process, which
// refuses --role api|worker (tests/config.test.ts), so there is nothing to run on it here.
describe.skipIf(!isPostgresUrl(url))("--role on PostgreSQL", () => {
  it("an api instance serves the API, a worker only health, readiness and metrics", async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const env = {
      DATABASE_URL: `${url}${url!.includes("?") ? "&" : "?"}schema=${schema}`,
      TRACKLINE_SECRET_KEY: Buffer.alloc(32, 3).toString("base64"),
      HOST: "127.0.0.1",
      PORT: "0",
    };
    const api = startServerProcess({ ...env, TRACKLINE_ROLE: "api" });
    started.push(api);
    const [, apiPort] = await api.waitFor(/GraphiQL: +http:\/\/127\.0\.0\.1:(\d+)\/graphql/);
    expect(api.output()).toContain("role api");
    // Started second, so the schema is migrated already.
    const worker = startServerProcess({ ...env, TRACKLINE_ROLE: "worker" });
    started.push(worker);
    const [, workerPort] = await worker.waitFor(/Health: +http:\/\/127\.0\.0\.1:(\d+)\/readyz/);

    const graphql = (port: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    expect((await graphql(apiPort!)).status).toBe(401);
    expect((await graphql(workerPort!)).status).toBe(404);
    for (const port of [apiPort, workerPort]) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
    }
    const refused = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${workerPort}/graphql`, "graphql-transport-ws");
      socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      socket.on("open", () => resolve(101));
      socket.on("error", () => {});
    });
    expect(refused).toBe(404);

    for (const server of [api, worker]) server.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  }, 120_000);
});
