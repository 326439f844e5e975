import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { LOCK_FILE } from "../src/server/data-dir.ts";
import { type ServerProcess, startServerProcess } from "./helpers/server-process.ts";

const dir = mkdtempSync(path.join(tmpdir(), "trackline-process-"));
const started: ServerProcess[] = [];

afterAll(() => {
  for (const { child } of started) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` as a child process, with only the environment given (no DATABASE_URL, ...). */
function startServer(env: Record<string, string>): ServerProcess {
  const server = startServerProcess(env);
  started.push(server);
  return server;
}

describe("npm start", () => {
  it("refuses a second process on the same data directory, and a busy port before touching data", async () => {
    const dataDir = path.join(dir, "data");
    const production = { TRACKLINE_DATA_DIR: dataDir, PORT: "0", NODE_ENV: "production" };
    const first = startServer({ ...production, TRACKLINE_GRAPHIQL: "1" });
    const [, port] = await first.waitFor(/GraphiQL: +http:\/\/127\.0\.0\.1:(\d+)\/graphql/);
    // Production: nothing seeded, no key in GraphiQL, and listening on loopback only.
    expect(first.output()).not.toMatch(/Demo/);
    const page = await fetch(`http://127.0.0.1:${port}/graphql`, {
      headers: { accept: "text/html" },
    });
    expect(await page.text()).not.toContain("Bearer");

    // Side by side, to save a start's time.
    const otherDir = path.join(dir, "other");
    const second = startServer(production);
    const third = startServer({ ...production, TRACKLINE_DATA_DIR: otherDir, PORT: port! });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `trackline: data directory ${dataDir} is in use by process ${first.child.pid}`,
    );
    expect(await third.exited).toBe(1);
    expect(third.output()).toContain(`trackline: port ${port} on 127.0.0.1 is in use`);
    expect(existsSync(otherDir)).toBe(false);

    // Killed outright, the first leaves its lock behind: the next start takes it over.
    first.child.kill("SIGKILL");
    await first.exited;
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    const fourth = startServer(production);
    await fourth.waitFor(/GraphQL: +http:\/\/127\.0\.0\.1:\d+\/graphql/);
    fourth.child.kill("SIGTERM");
    expect(await fourth.exited).toBe(0);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it("stops with a clear error for a bad setting, naming the variable", async () => {
    const started = startServer({ TRACKLINE_SEED_DEMO: "nope", PORT: "0" });
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toBe(
      'trackline: TRACKLINE_SEED_DEMO must be 1 or 0 (true or false also work), got "nope"',
    );
  });

  it("on SIGTERM closes subscribers with 1001 and exits 0", async () => {
    const dataDir = path.join(dir, "graceful");
    const server = startServer({ TRACKLINE_DATA_DIR: dataDir, PORT: "0" });
    const [, port] = await server.waitFor(/GraphiQL: +http:\/\/127\.0\.0\.1:(\d+)\/graphql/);
    const [, key] = await server.waitFor(/Demo key: +(tl_test_\S+)/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws");
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      socket.on("open", () =>
        socket.send(
          JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key}` } }),
        ),
      );
      socket.on("message", (data) => {
        if (JSON.parse(String(data)).type === "connection_ack") resolve();
      });
    });
    server.child.kill("SIGTERM");
    expect(await closed).toBe(1001);
    expect(await server.exited).toBe(0);
  }, 120_000);
});
