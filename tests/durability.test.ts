import { fsyncSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, openFilePGlite } from "../src/server/database.ts";

const root = mkdtempSync(path.join(tmpdir(), "trackline-durability-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// One directory for both tests: creating one (initdb) is most of their time.
const dataDir = path.join(root, "data");

describe("embedded database durability", () => {
  it("runs PostgreSQL with fsync on, and fsyncs the cluster PGlite unpacks at first start", async () => {
    const synced: number[] = [];
    const database = await openDatabase(
      { TRACKLINE_DATA_DIR: dataDir },
      { fsync: (fd) => synced.push(fd) },
    );
    try {
      const setting = async (name: string) =>
        (await database.session((s) => s.query<Record<string, string>>(`SHOW ${name}`)))[0]?.[name];
      expect([await setting("fsync"), await setting("wal_sync_method")]).toEqual(["on", "fsync"]);
      expect(await setting("synchronous_commit")).toBe("on");
      expect(await setting("full_page_writes")).toBe("on");
      // Every file and directory initdb left, each fsynced once (about a thousand).
      expect(synced.length).toBeGreaterThan(500);
    } finally {
      await database.close();
    }
  });

  it("reaches the disk's fsync on every commit, not only at checkpoints", async () => {
    const synced: number[] = [];
    const pglite = await openFilePGlite(dataDir, {
      fsync: (fd) => {
        synced.push(fd);
        fsyncSync(fd);
      },
    });
    try {
      await pglite.exec("CREATE TABLE parcel (id int PRIMARY KEY)");
      synced.length = 0;
      for (let id = 1; id <= 5; id++) await pglite.query("INSERT INTO parcel VALUES ($1)", [id]);
      expect(synced.length).toBeGreaterThanOrEqual(5);
    } finally {
      await pglite.close();
    }
    const reopened = await openFilePGlite(dataDir);
    try {
      expect((await reopened.query("SELECT count(*)::int AS n FROM parcel")).rows).toEqual([
        { n: 5 },
      ]);
    } finally {
      await reopened.close();
    }
  });
});
