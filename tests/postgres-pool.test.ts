import { describe, expect, it } from "vitest";
import { isPostgresUrl, openPostgres } from "../src/server/database.ts";

const url = process.env.DATABASE_URL;

// Needs a real PostgreSQL: CI's second run sets DATABASE_URL; the embedded run has none.
describe.skipIf(!isPostgresUrl(url))("PostgreSQL pool settings", () => {
  it("cancel a statement that runs past the statement timeout", async () => {
    const handle = openPostgres(url!, undefined, {
      max: 2,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 100,
    });
    try {
      const slow = handle.session((session) => session.query("SELECT pg_sleep(2)"));
      await expect(slow).rejects.toThrow(/statement timeout/);
      const [row] = await handle.session((session) =>
        session.query<{ ok: number }>("SELECT 1 AS ok"),
      );
      expect(row?.ok).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it("fail a request that waits for a connection longer than the connect timeout", async () => {
    const handle = openPostgres(url!, undefined, {
      max: 1,
      connectTimeoutMs: 200,
      statementTimeoutMs: 5_000,
    });
    try {
      const holding = handle.session((session) => session.query("SELECT pg_sleep(1)"));
      const waiting = handle.session((session) => session.query("SELECT 1"));
      await expect(waiting).rejects.toThrow(/timeout/i);
      await holding;
    } finally {
      await handle.close();
    }
  });
});
