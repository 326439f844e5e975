import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import { MAX_WEBHOOKS_PER_TENANT, sealClearSecrets } from "../src/domain/carrier-webhooks.ts";
import { processDelivery } from "../src/domain/webhook-inbox.ts";
import { openPGlite } from "../src/server/database.ts";
import { readMigrations } from "../src/server/migrate.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { graphql } from "./generated/index.ts";
import { startTestServer, type TestServer, type TestTenant } from "./helpers/test-server.ts";
import { postWebhook, SIGN } from "./helpers/webhooks.ts";

const START = new Date("2026-11-20T12:00:00Z");
let clock = START;
let server: TestServer;
let other: TestTenant;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  other = await server.createTenant("Tenant B");
});
afterAll(() => server.close());

const OLD_SECRET = "aftership_old_secret_0123456789";
const NEW_SECRET = "aftership_new_secret_9876543210";

const EndpointCreate = graphql(`
  mutation EndpointCreate($input: CreateCarrierWebhookInput!) {
    createCarrierWebhook(input: $input) {
      webhook { id path }
      errors { code field }
    }
  }
`);

const EndpointRotate = graphql(`
  mutation EndpointRotate($input: RotateCarrierWebhookSecretInput!) {
    rotateCarrierWebhookSecret(input: $input) {
      webhook { id path previousSecretExpiresAt }
      errors { code field }
    }
  }
`);

const EndpointDelete = graphql(`
  mutation EndpointDelete($input: DeleteCarrierWebhookInput!) {
    deleteCarrierWebhook(input: $input) {
      deletedId
      errors { code field }
    }
  }
`);

const EndpointList = graphql(`
  query EndpointList {
    carrierWebhooks { id path previousSecretExpiresAt }
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
  const response = await postWebhook(server, path, body, SIGN.aftership!(body, secret));
  await response.arrayBuffer();
  return response.status;
}

const storedRow = (id: string) =>
  server.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });

describe("rotateCarrierWebhookSecret", () => {
  it("verifies the old and the new secret during the grace period, then only the new", async () => {
    clock = START;
    const { id, path } = await create();
    expect(await deliver(path, OLD_SECRET)).toBe(202);

    const rotated = await server.request(EndpointRotate, {
      input: { id, secret: NEW_SECRET, graceSeconds: 3600 },
    });
    expect(rotated.data?.rotateCarrierWebhookSecret).toEqual({
      webhook: { id, path, previousSecretExpiresAt: "2026-11-20T13:00:00.000Z" },
      errors: [],
    });
    expect(await deliver(path, OLD_SECRET)).toBe(202);
    expect(await deliver(path, NEW_SECRET)).toBe(202);
    expect(await deliver(path, "aftership_neither_secret_000000")).toBe(401);

    clock = new Date(START.getTime() + 3600_000 + 1000);
    expect(await deliver(path, OLD_SECRET)).toBe(401);
    expect(await deliver(path, NEW_SECRET)).toBe(202);
    const listed = (await server.request(EndpointList)).data?.carrierWebhooks;
    expect(listed?.find((webhook) => webhook.id === id)?.previousSecretExpiresAt).toBeNull();
    clock = START;
  });

  it("with graceSeconds 0, stops verifying the old secret at once", async () => {
    clock = START;
    const { id, path } = await create();
    const rotated = await server.request(EndpointRotate, {
      input: { id, secret: NEW_SECRET, graceSeconds: 0 },
    });
    expect(rotated.data?.rotateCarrierWebhookSecret.webhook?.previousSecretExpiresAt).toBeNull();
    expect(await deliver(path, OLD_SECRET)).toBe(401);
    expect(await deliver(path, NEW_SECRET)).toBe(202);
    expect(await storedRow(id)).toMatchObject({ previousSecret: null, previousSecretUntil: null });
  });

  it("keeps only the latest previous secret when rotated again during a grace period", async () => {
    clock = START;
    const { id, path } = await create();
    const third = "aftership_third_secret_00000000";
    for (const secret of [NEW_SECRET, third]) {
      await server.request(EndpointRotate, { input: { id, secret, graceSeconds: 600 } });
    }
    expect(await deliver(path, OLD_SECRET)).toBe(401);
    expect(await deliver(path, NEW_SECRET)).toBe(202);
    expect(await deliver(path, third)).toBe(202);
  });

  it("refuses a short secret or a grace period outside 0 to 7 days, naming the field", async () => {
    const { id, path } = await create();
    for (const [input, field] of [
      [{ id, secret: "too-short", graceSeconds: 60 }, "secret"],
      [{ id, secret: NEW_SECRET, graceSeconds: -1 }, "graceSeconds"],
      [{ id, secret: NEW_SECRET, graceSeconds: 7 * 86400 + 1 }, "graceSeconds"],
    ] as const) {
      const refused = await server.request(EndpointRotate, { input });
      expect(refused.data?.rotateCarrierWebhookSecret).toEqual({
        webhook: null,
        errors: [{ code: "INVALID_INPUT", field }],
      });
    }
    expect(await deliver(path, OLD_SECRET)).toBe(202);
  });

  it("answers NOT_FOUND for another tenant's endpoint and leaves it as it was", async () => {
    const { id, path } = await create();
    const refused = await server.request(
      EndpointRotate,
      { input: { id, secret: NEW_SECRET, graceSeconds: 0 } },
      other.apiKey,
    );
    expect(refused.data?.rotateCarrierWebhookSecret).toEqual({
      webhook: null,
      errors: [{ code: "NOT_FOUND", field: "id" }],
    });
    expect(await deliver(path, OLD_SECRET)).toBe(202);
    expect(await deliver(path, NEW_SECRET)).toBe(401);
  });
});

describe("deleteCarrierWebhook", () => {
  it("deletes the endpoint and its inbox; its path answers 404 from then on", async () => {
    const { id, path } = await create();
    expect(await deliver(path, OLD_SECRET)).toBe(202);
    await server.drainJobs();

    const deleted = await server.request(EndpointDelete, { input: { id } });
    expect(deleted.data?.deleteCarrierWebhook).toEqual({ deletedId: id, errors: [] });
    expect(await deliver(path, OLD_SECRET)).toBe(404);
    const listed = (await server.request(EndpointList)).data?.carrierWebhooks ?? [];
    expect(listed.map((webhook) => webhook.id)).not.toContain(id);
    expect(await server.database.db.webhookDelivery.count({ where: { endpointId: id } })).toBe(0);

    const again = await server.request(EndpointDelete, { input: { id } });
    expect(again.data?.deleteCarrierWebhook).toEqual({
      deletedId: null,
      errors: [{ code: "NOT_FOUND", field: "id" }],
    });
  });

  it("answers NOT_FOUND for another tenant's endpoint and keeps it", async () => {
    const { id, path } = await create();
    const refused = await server.request(EndpointDelete, { input: { id } }, other.apiKey);
    expect(refused.data?.deleteCarrierWebhook).toEqual({
      deletedId: null,
      errors: [{ code: "NOT_FOUND", field: "id" }],
    });
    expect(await deliver(path, OLD_SECRET)).toBe(202);
  });

  it("lets a delivery job find its row gone, when the endpoint was deleted before it ran", async () => {
    const { id } = await create();
    const delivery = await server.database.db.webhookDelivery.create({
      data: { endpointId: id, eventId: "deleted-meanwhile", rawBody: "{}" },
    });
    await server.database.db.webhookEndpoint.delete({ where: { id } });
    expect(await server.database.db.webhookDelivery.count({ where: { id: delivery.id } })).toBe(0);
    const changes = await processDelivery(server.database.db, delivery.id, {
      now: START,
      findAdapter: createCarrierRegistry().adapter,
      jobs: server.database.jobs,
      publisher: { publish: () => {}, riskRaised: () => {}, exceptionRaised: () => {} },
    });
    expect(changes).toEqual([]);
  });
});

describe("a tenant's number of carrier webhooks", () => {
  it(`is capped at ${MAX_WEBHOOKS_PER_TENANT}: one more is TOO_MANY until one is deleted`, async () => {
    const capped = await server.createTenant("Tenant C");
    const ids: string[] = [];
    for (let index = 0; index < MAX_WEBHOOKS_PER_TENANT; index += 1) {
      ids.push((await create(OLD_SECRET, capped.apiKey)).id);
    }
    const input = { provider: "aftership", secret: OLD_SECRET };
    const refused = await server.request(EndpointCreate, { input }, capped.apiKey);
    expect(refused.data?.createCarrierWebhook).toEqual({
      webhook: null,
      errors: [{ code: "TOO_MANY", field: null }],
    });
    // The cap is per tenant: the others are not affected.
    await create(OLD_SECRET, other.apiKey);

    await server.request(EndpointDelete, { input: { id: ids[0]! } }, capped.apiKey);
    await create(OLD_SECRET, capped.apiKey);
  });
});

describe("signing secrets at rest (decision 026)", () => {
  /** The secret columns as stored, read past Prisma. */
  async function storedColumns(id: string): Promise<string> {
    const rows = await server.database.handle.session((session) =>
      session.query<{ row: string }>(
        `SELECT concat_ws(' ', "secret", "previousSecret") AS row FROM "WebhookEndpoint" WHERE "id" = $1`,
        [id],
      ),
    );
    return rows[0]!.row;
  }

  it("stores the secret sealed, never in the clear, and after a rotation both", async () => {
    const { id } = await create(OLD_SECRET);
    const created = await storedColumns(id);
    expect(created).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(created).not.toContain(OLD_SECRET);
    expect(server.secretBox.open((await storedRow(id)).secret)).toBe(OLD_SECRET);

    await server.request(EndpointRotate, {
      input: { id, secret: NEW_SECRET, graceSeconds: 60 },
    });
    const rotated = await storedColumns(id);
    expect(rotated.split(" ")).toHaveLength(2);
    for (const plain of [OLD_SECRET, NEW_SECRET]) expect(rotated).not.toContain(plain);
    const row = await storedRow(id);
    expect(server.secretBox.open(row.previousSecret!)).toBe(OLD_SECRET);
    // Sealed under the server's key: another key cannot open it.
    expect(() => createSecretBox(randomBytes(32)).open(row.secret)).toThrow(/does not open/);
  });

  it("keeps verifying a secret the migration marked as clear, and start-up seals it", async () => {
    const secret = "aftership_clear_secret_000000001";
    const { id } = await server.database.db.webhookEndpoint.create({
      data: { tenantId: server.tenant.tenantId, provider: "aftership", secret: `v0:${secret}` },
    });
    const path = `/webhooks/carriers/aftership/${id}`;
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
