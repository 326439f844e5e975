import { filter, pipe } from "graphql-yoga";
import type { RiskChange } from "../domain/changes.ts";
import { riskMessage } from "../domain/seller-risks.ts";
import { SELLER_RISK_CODES, type SellerRiskCode } from "../vocabulary/seller-risk.ts";
import { builder } from "./builder.ts";
import { ShipmentRef } from "./shipment.ts";
import { assertOwnStore, StoreRef } from "./store.ts";

const RISK_DESCRIPTIONS: Record<SellerRiskCode, string> = {
  NO_PHYSICAL_SCAN:
    "No physical carrier scan 24 hours after the tracking was confirmed (or attached, while it is not).",
  NOT_UPLOADED:
    "The ship-by date is within 24 hours or past and the marketplace has not confirmed the tracking.",
  SYNC_FAILED: "The marketplace refused the tracking upload.",
  UNSUPPORTED_CARRIER: "The carrier is not on the marketplace's carrier list for the store's site.",
};

const SellerRiskCodeEnum = builder.enumType("SellerRiskCode", {
  description: "Why a shipment may count against a marketplace metric.",
  values: Object.fromEntries(
    SELLER_RISK_CODES.map((code) => [code, { description: RISK_DESCRIPTIONS[code] }]),
  ),
});

export const ShipmentRiskRef = builder.prismaNode("ShipmentRisk", {
  id: { field: "id" },
  description:
    "A marketplace-metric risk on a shipment: raised once, cleared when its cause goes away.",
  // Another tenant's id resolves to null, exactly like an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  fields: (t) => ({
    code: t.field({ type: SellerRiskCodeEnum, resolve: (risk) => risk.code as SellerRiskCode }),
    raisedAt: t.expose("raisedAt", { type: "DateTime" }),
    clearedAt: t.expose("clearedAt", { type: "DateTime", nullable: true }),
    message: t.string({
      description: "What the risk means for this shipment, in English.",
      select: {
        shipment: { select: { carrier: true, syncError: true } },
        store: { select: { marketplace: true, site: true } },
      },
      resolve: (risk, _args, ctx) =>
        riskMessage(risk.code as SellerRiskCode, {
          carrier: risk.shipment.carrier,
          syncError: risk.shipment.syncError,
          marketplace:
            ctx.marketplaces.find(risk.store.marketplace)?.name ?? risk.store.marketplace,
          site: risk.store.site,
        }),
    }),
    shipment: t.relation("shipment"),
  }),
});

builder.prismaObjectField(ShipmentRef, "risks", (t) =>
  t.relation("risks", {
    description: "Open marketplace-metric risks on this shipment, oldest first.",
    query: { where: { clearedAt: null }, orderBy: [{ raisedAt: "asc" }, { code: "asc" }] },
  }),
);

builder.subscriptionField("sellerRiskRaised", (t) =>
  t.field({
    type: ShipmentRiskRef,
    description: "Each risk raised on one of the store's shipments, as the risk sweep raises it.",
    args: { storeId: t.arg.globalID({ for: StoreRef, required: true }) },
    subscribe: async (_root, { storeId }, ctx) => {
      await assertOwnStore(ctx, storeId.id);
      return pipe(
        ctx.feed.sellerRiskRaised(ctx.viewer.tenantId),
        filter((change: RiskChange) => change.storeId === storeId.id),
      );
    },
    resolve: (change, _args, ctx) =>
      ctx.db.shipmentRisk.findUniqueOrThrow({ where: { id: change.riskId } }),
  }),
);
