import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output: () => string;
  /** Resolves with the first match of `pattern` in its output, or rejects at exit. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/**
 * The server as a child process, from its sources through tsx (what `npm start` runs, but
 * without its build: decision 051), with only the environment given: the test runner's
 * DATABASE_URL, REDIS_URL, HOST, PORT, NODE_ENV and TRACKLINE_* are not passed on, so a suite
 * running on PostgreSQL still starts an embedded server unless `env` says otherwise.
 */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  return startProcess("src/server/main.ts", [], env);
}

/** Another entry point (an operator command such as tenant-create.ts), spawned the same way. */
export function startProcess(
  entry: string,
  args: string[],
  env: Record<string, string>,
): ServerProcess {
  return spawnNode(["--import", "tsx", entry, ...args], env);
}

/** Exactly what `npm start` runs: the compiled server, built first when it is stale. */
export function startCompiledServerProcess(env: Record<string, string>): ServerProcess {
  return spawnNode(["scripts/start.mjs"], env);
}

function spawnNode(args: string[], env: Record<string, string>): ServerProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(DATABASE_URL|REDIS_URL|HOST|PORT|NODE_ENV)$/.test(name) &&
        !name.startsWith("TRACKLINE_"),
    ),
  );
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            finish();
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          check();
          if (listeners.has(check)) {
            finish();
            reject(new Error(`exited before ${pattern}; output:\n${output}`));
          }
        });
        check();
      }),
  };
}
