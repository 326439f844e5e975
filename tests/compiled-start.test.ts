import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startCompiledServerProcess } from "./helpers/server-process.ts";

/**
 * `npm start` runs dist/main.js, one bundle of src/ (decision 051): everything the server reads
 * from files must be found from there too, and an out-of-date build must never be served.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const INPUTS_FILE = path.join(ROOT, "dist/main.inputs.json");
const dir = mkdtempSync(path.join(tmpdir(), "trackline-compiled-"));
const started: ServerProcess[] = [];

afterAll(() => {
  for (const { child } of started) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): ServerProcess {
  const server = startCompiledServerProcess(env);
  started.push(server);
  return server;
}

const COMPILING = "Compiling the server into dist/";

describe("npm start (compiled)", () => {
  it("builds again when a source file differs from the one the build was made from", async () => {
    // Built first if dist/ is missing or stale: this test cannot tell those apart.
    const first = start({ PORT: "not-a-port" });
    expect(await first.exited).toBe(1);
    const inputs = JSON.parse(readFileSync(INPUTS_FILE, "utf8")) as [string, number, number][];
    const main = inputs.find(([file]) => file === "src/server/main.ts");
    expect(main).toBeDefined();
    main![2] -= 1_000;
    writeFileSync(INPUTS_FILE, JSON.stringify(inputs));

    const afterEdit = start({ PORT: "not-a-port" });
    expect(await afterEdit.exited).toBe(1);
    expect(afterEdit.output()).toContain(COMPILING);
    // The compiled server ran: the configuration error is its own.
    expect(afterEdit.output()).toContain("trackline: PORT");
    const again = start({ PORT: "not-a-port" });
    expect(await again.exited).toBe(1);
    expect(again.output()).not.toContain(COMPILING);
  }, 60_000);

  it("creates a data directory and serves GraphiQL, the live map, the tracking page and detection", async () => {
    const server = start({ TRACKLINE_DATA_DIR: path.join(dir, "data"), PORT: "0" });
    const [, key] = await server.waitFor(/Demo key: +(tl_\w+)/, 90_000);
    const output = server.output();
    expect(output).not.toContain(COMPILING);
    expect(output).toContain("Applied migrations: 20261121000000_init");
    const [, base] = /GraphiQL: +(http:\/\/[\d.:]+)\/graphql/.exec(output)!;
    const get = async (url: string, accept = "*/*") => {
      const response = await fetch(url.startsWith("http") ? url : `${base}${url}`, {
        headers: { accept },
      });
      return { status: response.status, body: await response.text() };
    };
    const graphql = async (query: string) => {
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data: Record<string, unknown> };
    };

    const page = await get("/graphql", "text/html");
    expect(page.status).toBe(200);
    expect(page.body).toContain(`Bearer ${key}`);
    // GraphiQL's own files (src/server/graphiql/) and graphql-ws's browser build (a package).
    expect(await get("/graphiql/page.js")).toMatchObject({ status: 200 });
    expect((await get("/graphiql/graphql-ws.js")).body).toContain("graphql-ws");

    // The live map: its base map (world-atlas) and its scripts (src/server/live-map/).
    expect((await get("/map")).body).toContain('class="land"');
    expect((await get("/map/live-map.js")).body).toBe(
      readFileSync(path.join(ROOT, "src/server/live-map/live-map.js"), "utf8"),
    );

    // Detection reads the tracking-number data files (src/carriers/tracking-numbers/).
    const detected = await graphql(
      '{ detectCarrier(trackingNumber: "RR123456785CN") { carrier { code } } }',
    );
    expect(detected.data.detectCarrier).toEqual([{ carrier: { code: "china-post" } }]);

    // The buyer's tracking page and its script (src/server/public-tracking-page.js).
    const { data } = await graphql("{ shipments(first: 1) { edges { node { publicUrl } } } }");
    const [{ node }] = (data.shipments as { edges: [{ node: { publicUrl: string } }] }).edges;
    const tracking = await get(node.publicUrl, "text/html");
    expect(tracking.status).toBe(200);
    const script = /\/t\/assets\/page\.[0-9a-f]+\.js/.exec(tracking.body)![0];
    expect((await get(script)).body).toBe(
      readFileSync(path.join(ROOT, "src/server/public-tracking-page.js"), "utf8"),
    );

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 120_000);
});
