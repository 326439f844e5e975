import { createSchema, createYoga } from "graphql-yoga";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../generated/prisma/client.ts";
import { type DatabaseHandle, isPostgresUrl, openPostgres } from "../src/server/database.ts";
import { applyMigrations } from "../src/server/migrate.ts";
import { tenantScope, tenantScopePlugin } from "../src/server/tenant-scope.ts";

/**
 * The second wall (decision 042): on PostgreSQL a statement run for one tenant's operation sees
 * only that tenant's rows, even when the query forgot to filter. Checked as the server would
 * connect in production, a role that is not a superuser (superusers bypass every policy).
 */
const url = process.env.DATABASE_URL;
const schema = `rls_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const role = `rls_role_${process.pid}`;
let owner: DatabaseHandle;
let restricted: DatabaseHandle;
let admin: PrismaClient;
let db: PrismaClient;
const tenants: { id: string; storeId: string }[] = [];

describe.skipIf(!isPostgresUrl(url))("row-level security on PostgreSQL", () => {
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`DROP ROLE IF EXISTS ${role}`);
    await client.query(`CREATE ROLE ${role} LOGIN`);
    owner = openPostgres(url!, schema);
    await applyMigrations(owner);
    await client.query(`GRANT USAGE ON SCHEMA "${schema}" TO ${role}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO ${role}`,
    );
    await client.end();
    const asRole = new URL(url!);
    asRole.username = role;
    asRole.password = "";
    restricted = openPostgres(asRole.toString(), schema);
    admin = new PrismaClient({ adapter: owner.adapter });
    db = new PrismaClient({ adapter: restricted.adapter });
    for (const name of ["A", "B"]) {
      const tenant = await admin.tenant.create({ data: { name } });
      const store = await admin.store.create({
        data: { tenantId: tenant.id, marketplace: "amazon", site: "US", name: `Store ${name}` },
      });
      const order = await admin.order.create({
        data: {
          tenantId: tenant.id,
          storeId: store.id,
          nativeOrderId: `113-${name}`,
          nativeStatus: "Unshipped",
          state: "READY_TO_SHIP",
          destinationCountry: "US",
          buyerLocale: "en-US",
          placedAt: new Date("2026-11-01T00:00:00Z"),
        },
      });
      await admin.shipment.create({
        data: {
          tenantId: tenant.id,
          storeId: store.id,
          orderId: order.id,
          carrier: "ups",
          trackingNumber: "1Z5R89390357567127",
        },
      });
      tenants.push({ id: tenant.id, storeId: store.id });
    }
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await admin?.$disconnect();
    await restricted?.close();
    await owner?.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
    await client.query(`DROP ROLE IF EXISTS ${role}`);
    await client.end();
  });

  it("shows a tenant's operation only its rows, though the query has no tenant filter", async () => {
    const [a, b] = tenants;
    const seen = await tenantScope.run(a!.id, async () => await db.shipment.findMany());
    expect(seen.map((shipment) => shipment.tenantId)).toEqual([a!.id]);
    const counted = await tenantScope.run(
      b!.id,
      async () => await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Shipment"`,
    );
    expect(counted).toEqual([{ n: 1 }]);
    const inTransaction = await tenantScope.run(
      a!.id,
      async () => await db.$transaction((tx) => tx.store.findMany({ select: { id: true } })),
    );
    expect(inTransaction).toEqual([{ id: a!.storeId }]);
    // Outside an operation (jobs, ingestion) every row is there.
    expect(await db.shipment.count()).toBe(2);
  });

  it("keeps tenants apart when their statements interleave on the pool's connections", async () => {
    const rounds = Array.from({ length: 40 }, (_, i) => tenants[i % 2]!);
    const results = await Promise.all(
      rounds.map((tenant) =>
        tenantScope.run(tenant.id, async () => {
          const stores = await db.store.findMany({ select: { tenantId: true } });
          return stores.every((store) => store.tenantId === tenant.id) && stores.length === 1;
        }),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
  });

  it("refuses to write another tenant's rows and changes none of them", async () => {
    const [a, b] = tenants;
    const updated = await tenantScope.run(
      a!.id,
      async () => await db.shipment.updateMany({ data: { shippingMethod: "Changed by A" } }),
    );
    expect(updated.count).toBe(1);
    const untouched = await admin.shipment.findFirst({ where: { tenantId: b!.id } });
    expect(untouched?.shippingMethod).toBeNull();
    await expect(
      tenantScope.run(
        a!.id,
        async () =>
          await db.store.create({
            data: { tenantId: b!.id, marketplace: "amazon", site: "US", name: "Planted" },
          }),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("covers every table that has a tenantId column", async () => {
    const rows = await admin.$queryRaw<
      { table: string; enabled: boolean; forced: boolean; policies: number }[]
    >`
      SELECT c.relname AS "table", c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
        (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema} AND c.relkind = 'r' AND EXISTS (
        SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenantId')`;
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((row) => !row.enabled || !row.forced || row.policies !== 1)).toEqual([]);
  });
});

describe("the tenant of a GraphQL operation", () => {
  it("is the viewer's while resolvers run, and no one's outside", async () => {
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: "type Query { tenant: String! }",
        resolvers: { Query: { tenant: () => tenantScope.current() || "(none)" } },
      }),
      context: () => ({ viewer: { tenantId: "tenant-a", apiKeyId: "k", scopes: new Set() } }),
      plugins: [tenantScopePlugin()],
    });
    const response = await yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ tenant }" }),
    });
    expect(await response.json()).toEqual({ data: { tenant: "tenant-a" } });
    expect(tenantScope.current()).toBe("");
  });
});
