import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir } from "../src/server/data-dir.ts";
import { openDatabase } from "../src/server/database.ts";
import { applyMigrations } from "../src/server/migrate.ts";

const root = mkdtempSync(path.join(tmpdir(), "trackline-data-dir-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Permission bits of everything under `dir`, by kind, e.g. { "file 600": 812, "dir 700": 27 }. */
function modes(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const target = path.join(current, entry.name);
      const kind = `${entry.isDirectory() ? "dir" : "file"} ${(statSync(target).mode & 0o777).toString(8)}`;
      counts[kind] = (counts[kind] ?? 0) + 1;
      if (entry.isDirectory()) walk(target);
    }
  };
  walk(dir);
  return counts;
}

function mode(target: string): string {
  return (statSync(target).mode & 0o777).toString(8);
}

/** The pid of a process that has exited: no process answers to it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.exit(0)"]);
  return child.pid;
}

describe("embedded data directory", () => {
  it("is created 0700 with every file 0600, also those migrations add later", async () => {
    const dataDir = path.join(root, "fresh", "data");
    const database = await openDatabase({ TRACKLINE_DATA_DIR: dataDir });
    try {
      expect(mode(dataDir)).toBe("700");
      expect(Object.keys(modes(dataDir)).sort()).toEqual(["dir 700", "file 600"]);
      await applyMigrations(database);
      expect(Object.keys(modes(dataDir)).sort()).toEqual(["dir 700", "file 600"]);
    } finally {
      await database.close();
    }
  });

  it("makes an existing world-readable directory private", async () => {
    // The directory of the test above, as an older trackline left it.
    const dataDir = path.join(root, "fresh", "data");
    chmodSync(dataDir, 0o777);
    writeFileSync(path.join(dataDir, "demo-api-key"), "tl_test_x", { mode: 0o666 });
    chmodSync(path.join(dataDir, "PG_VERSION"), 0o666);
    const database = await openDatabase({ TRACKLINE_DATA_DIR: dataDir });
    await database.close();
    expect(mode(dataDir)).toBe("700");
    expect(Object.keys(modes(dataDir)).sort()).toEqual(["dir 700", "file 600"]);
  });
});

describe("data directory lock", () => {
  const host = hostname();

  it("refuses a second owner while the first is alive, naming the directory and its pid", () => {
    const dataDir = path.join(root, "locked");
    mkdirSync(dataDir);
    // The parent of this test process is alive and is not us: it stands for another trackline.
    const first = lockDataDir(dataDir, { pid: process.ppid, host });
    const second = () => lockDataDir(dataDir);
    expect(second).toThrow(DataDirLockedError);
    expect(second).toThrow(`data directory ${dataDir} is in use by process ${process.ppid}`);
    first.release();
    const third = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(third.path, "utf8"))).toEqual({ pid: process.pid, host });
    third.release();
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("takes over a lock whose process is gone, or that cannot be read", () => {
    for (const [name, content] of [
      ["stale", JSON.stringify({ pid: deadPid(), host })],
      ["garbage", "{not json"],
      ["empty", ""],
    ] as const) {
      const dataDir = path.join(root, name);
      mkdirSync(dataDir);
      writeFileSync(path.join(dataDir, LOCK_FILE), content);
      const lock = lockDataDir(dataDir);
      expect([name, JSON.parse(readFileSync(lock.path, "utf8"))]).toEqual([
        name,
        { pid: process.pid, host },
      ]);
      expect(readdirSync(dataDir)).toEqual([LOCK_FILE]);
      lock.release();
    }
  });

  it("honours a lock taken on another host (its process cannot be checked)", () => {
    const dataDir = path.join(root, "elsewhere");
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: "nas-1" }));
    expect(() => lockDataDir(dataDir)).toThrow(/in use by process \d+ on nas-1/);
  });

  it("releases only its own lock", () => {
    const dataDir = path.join(root, "replaced");
    mkdirSync(dataDir);
    const lock = lockDataDir(dataDir);
    const other = JSON.stringify({ pid: process.ppid, host });
    writeFileSync(lock.path, other);
    lock.release();
    expect(readFileSync(lock.path, "utf8")).toBe(other);
  });
});
