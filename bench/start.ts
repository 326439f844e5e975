/**
 * Start-up time (issue 11, target 5): how long `npm start` takes from the process being spawned
 * to its first answered GraphQL request, on a fresh data directory (migrations, secret key, demo
 * seed), then again on the existing one (the target: within 5 s), then once more with the
 * compiled server out of date, as after an edit in src/ (start builds it first; decision 051).
 * Run: npm run bench:start (embedded; a throwaway data directory under the OS temp dir, removed
 * at the end; only 127.0.0.1). START_RUNS sets how many restarts are timed (3).
 * It spawns what `npm start` runs (`node scripts/start.mjs`: builds dist/ when it is stale, then
 * runs dist/main.js) so npm's own start-up is not counted; the figure is until `{ __typename }`
 * with the demo key answers 200 with data, polled every 20 ms (the first start prints the key;
 * on the first start the figure therefore includes waiting for that line).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.START_RUNS ?? 3);
const TARGET_MS = 5_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The demo key the first start prints; every later request carries it. */
let demoKey = "";

async function answered(port: number): Promise<boolean> {
  if (!demoKey) return false;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${demoKey}` },
      body: JSON.stringify({ query: "{ __typename }" }),
      signal: AbortSignal.timeout(1_000),
    });
    const body = (await response.json()) as { data?: { __typename?: string } };
    return response.status === 200 && body.data?.__typename === "Query";
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

interface Start {
  ms: number;
  /** Whether start compiled the server first (its build was missing or stale). */
  built: boolean;
}

/** Milliseconds from spawn to the first answered request. */
async function timeStart(dataDir: string): Promise<Start> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      TRACKLINE_DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      TRACKLINE_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    demoKey ||= /Demo key: +(tl_\w+)/.exec(output)?.[1] ?? "";
  });
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`trackline exited ${child.exitCode}: ${output}`);
      if (await answered(port)) {
        return { ms: performance.now() - began, built: output.includes("Compiling the server") };
      }
      if (performance.now() - began > 120_000) throw new Error(`no answer in 120 s: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await stop(child);
  }
}

function seconds(start: Start): string {
  return `${(start.ms / 1000).toFixed(2)} s${start.built ? " (compiled first)" : ""}`;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "trackline-start-"));
let exitCode = 0;
try {
  console.log(
    `trackline start-up bench: embedded, Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  const first = await timeStart(dataDir);
  console.log(`fresh data directory (migrations, key, demo seed): ${seconds(first)}`);
  const again: Start[] = [];
  for (let run = 0; run < RUNS; run++) again.push(await timeStart(dataDir));
  const sorted = again.map((start) => start.ms).sort((a, b) => a - b);
  console.log(
    `existing data directory, ${RUNS} runs: ${again.map(seconds).join(", ")}` +
      ` (median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s)`,
  );
  // What an edit does as far as start can tell: a source file newer than the build.
  const now = new Date();
  utimesSync(path.join(ROOT, "src/server/main.ts"), now, now);
  const edited = await timeStart(dataDir);
  console.log(`existing data directory, a source file touched: ${seconds(edited)}`);
  if (!edited.built) throw new Error("start ran the old build after a source file changed");
  const worst = sorted.at(-1)!;
  const met = worst <= TARGET_MS;
  console.log(
    `target: first answer within 5 s on an existing data directory: ${met ? "met" : "MISSED"}`,
  );
  if (!met) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
