import { builder } from "./builder.ts";

export const StoreRef = builder.prismaNode("Store", {
  id: { field: "id" },
  // Another tenant's id resolves to null, exactly like an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  fields: (t) => ({
    marketplace: t.exposeString("marketplace", {
      description: 'Marketplace plugin id, e.g. "amazon"',
    }),
    site: t.exposeString("site", { description: 'Marketplace site, e.g. "US", "SG"' }),
    name: t.exposeString("name"),
  }),
});

builder.queryField("stores", (t) =>
  t.prismaField({
    type: ["Store"],
    description: "The caller's stores.",
    resolve: (query, _root, _args, ctx) =>
      ctx.db.store.findMany({
        ...query,
        where: { tenantId: ctx.viewer.tenantId },
        orderBy: { createdAt: "asc" },
      }),
  }),
);
