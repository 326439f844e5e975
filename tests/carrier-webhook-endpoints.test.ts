import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealClearSecrets } from "../src/domain/carrier-webhooks.ts";
import { openPGlite } from "../src/server/database.ts";
import { readMigrations } from "../src/server/migrate.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { graphql } from "./generated/index.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const OLD_SECRET = "aftership_old_secret_0123456789";

const EndpointCreate = graphql(`
  mutation EndpointCreate($input: CreateCarrierWebhookInput!) {
    createCarrierWebhook(input: $input) {
      webhook { id path }
      errors { code field }
    }
  }
`);

async function create(
  secret = OLD_SECRET,
  apiKey = server.tenant.apiKey,
): Promise<{ id: string; path: string }> {
  const created = await server.request(
    EndpointCreate,
    { input: { provider: "aftership", secret } },
    apiKey,
  );
  expect(created.data?.createCarrierWebhook.errors).toEqual([]);
  return created.data!.createCarrierWebhook.webhook!;
}

let sequence = 0;
/** AfterShip's delivered fixture as a new event, signed with `secret`; the HTTP status. */
async function deliver(path: string, secret: string): Promise<number> {
  sequence += 1;
  const payload = JSON.parse(
    readFileSync(
      new URL("../src/carriers/aftership/__fixtures__/delivered.json", import.meta.url),
      "utf8",
    ),
  ) as { event_id: string };
  payload.event_id = `endpoint-test-${sequence}`;
  const body = JSON.stringify(payload);
  const response = await fetch(server.url.replace("/graphql", path), {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "aftership-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
    },
  });
  await response.arrayBuffer();
  return response.status;
}

const storedRow = (id: string) =>
  server.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });

describe("signing secrets at rest (decision 026)", () => {
  /** The secret column as stored, read past Prisma. */
  async function storedColumns(id: string): Promise<string> {
    const rows = await server.database.handle.session((session) =>
      session.query<{ row: string }>(
        `SELECT "secret" AS row FROM "WebhookEndpoint" WHERE "id" = $1`,
        [id],
      ),
    );
    return rows[0]!.row;
  }

  it("stores the secret sealed, never in the clear", async () => {
    const { id } = await create(OLD_SECRET);
    const created = await storedColumns(id);
    expect(created).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(created).not.toContain(OLD_SECRET);
    expect(server.secretBox.open((await storedRow(id)).secret)).toBe(OLD_SECRET);

    const row = await storedRow(id);
    // Sealed under the server's key: another key cannot open it.
    expect(() => createSecretBox(randomBytes(32)).open(row.secret)).toThrow(/does not open/);
  });

  it("keeps verifying a secret the migration marked as clear, and start-up seals it", async () => {
    const secret = "aftership_clear_secret_000000001";
    const { id } = await server.database.db.webhookEndpoint.create({
      data: { tenantId: server.tenant.tenantId, provider: "aftership", secret: `v0:${secret}` },
    });
    const path = `/webhooks/carriers/aftership?endpoint=${id}`;
    expect(await deliver(path, secret)).toBe(202);

    // A wrong key refuses start-up before it seals anything.
    const wrongKey = createSecretBox(randomBytes(32));
    await expect(sealClearSecrets(server.database.db, wrongKey)).rejects.toThrow(/does not open/);
    expect(await storedColumns(id)).toBe(`v0:${secret}`);

    expect(await sealClearSecrets(server.database.db, server.secretBox)).toBe(1);
    const sealed = await storedColumns(id);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(secret);
    expect(await deliver(path, secret)).toBe(202);
    expect(await sealClearSecrets(server.database.db, server.secretBox)).toBe(0);
  });
});

describe("migration 20261129150500_webhook_secrets_marked_clear", () => {
  it("marks every secret stored before it as clear text, which then opens as it was", async () => {
    const database = openPGlite(new PGlite());
    try {
      const migrations = readMigrations();
      const index = migrations.findIndex((m) => m.name.endsWith("_webhook_secrets_marked_clear"));
      await database.session(async (session) => {
        for (const migration of migrations.slice(0, index)) await session.execScript(migration.sql);
        await session.execScript(`
          INSERT INTO "Tenant" ("id", "name") VALUES ('t1', 'T');
          INSERT INTO "WebhookEndpoint" ("id", "tenantId", "provider", "secret")
          VALUES ('e1', 't1', 'aftership', 'stored_in_the_clear_0123456789');`);
        for (const migration of migrations.slice(index)) await session.execScript(migration.sql);
        const [row] = await session.query<{ secret: string }>(
          `SELECT "secret" FROM "WebhookEndpoint" WHERE "id" = 'e1'`,
        );
        expect(row?.secret).toBe("v0:stored_in_the_clear_0123456789");
        expect(server.secretBox.open(row!.secret)).toBe("stored_in_the_clear_0123456789");
      });
    } finally {
      await database.close();
    }
  });
});
