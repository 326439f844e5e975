import type { Order, Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { MarketplacePlugin } from "../plugins/types.ts";
import { canTransition, ORDER_TRANSITIONS, type OrderState } from "../vocabulary/index.ts";
import { insertOnce } from "./db-errors.ts";
import { INPUT_LIMITS, LIST_INPUT_LIMITS, textLimitErrors, tooManyError } from "./input-limits.ts";
import { canonicalLocale } from "./texts/index.ts";
import { type UserError, userError } from "./user-error.ts";
import type { ZonedTime } from "./zoned-time.ts";

export interface CreateOrderInput {
  storeId: string;
  nativeOrderId: string;
  /** As the marketplace spells it; the plugin's initial status when absent. */
  nativeStatus?: string | null;
  /** BCP 47; the site's first locale when absent. */
  buyerLocale?: string | null;
  destinationCountry: string;
  /** The four dates keep the UTC offset they were reported in. */
  placedAt: ZonedTime;
  shipByDate?: ZonedTime | null;
  promisedDeliveryFrom?: ZonedTime | null;
  promisedDeliveryTo?: ZonedTime | null;
  items?: { nativeItemId: string; sku?: string | null; title: string; quantity: number }[] | null;
}

type OrderResult = { order: Order | null; errors: UserError[] };

/** Stores an order in its marketplace's own vocabulary, with the canonical state beside it. */
export async function createOrder(
  db: PrismaClient,
  tenantId: string,
  input: CreateOrderInput,
  deps: { marketplaces: MarketplaceRegistry },
): Promise<OrderResult> {
  const oversized = inputSizeErrors(input);
  if (oversized.length > 0) return { order: null, errors: oversized };
  const errors = checkOrderInput(input);
  const store = await db.store.findFirst({ where: { id: input.storeId, tenantId } });
  if (!store) errors.push(userError("NOT_FOUND", "no such store for this API key", "storeId"));
  const found = store ? deps.marketplaces.site(store.marketplace, store.site) : undefined;
  if (store && !found) {
    const message = `store's marketplace ${store.marketplace}/${store.site} is not served by this server`;
    errors.push(userError("UNKNOWN_MARKETPLACE", message, "storeId"));
  }
  const nativeStatus = input.nativeStatus?.trim() || found?.plugin.initialStatus;
  const native = found && nativeStatus ? nativeStatusOf(found.plugin, nativeStatus) : undefined;
  if (found && nativeStatus && !native) {
    errors.push(unknownNativeStatus(found.plugin, nativeStatus, "nativeStatus"));
  }
  if (!found || !native || errors.length > 0) return { order: null, errors };

  const nativeOrderId = input.nativeOrderId.trim();
  const existing = await db.order.findUnique({
    where: { storeId_nativeOrderId: { storeId: input.storeId, nativeOrderId } },
  });
  if (existing) {
    const message = `order ${nativeOrderId} already exists in this store`;
    return { order: null, errors: [userError("DUPLICATE", message, "nativeOrderId")] };
  }
  const buyerLocale = input.buyerLocale?.trim()
    ? canonicalLocale(input.buyerLocale)!
    : found.site.locales[0]!;
  const order = await insertOnce(() =>
    db.order.create({
      data: {
        tenantId,
        storeId: input.storeId,
        nativeOrderId,
        nativeStatus: native.code,
        state: native.state,
        buyerLocale,
        destinationCountry: input.destinationCountry.trim().toUpperCase(),
        placedAt: input.placedAt.instant,
        placedAtOffsetMinutes: input.placedAt.offsetMinutes,
        shipByDate: input.shipByDate?.instant ?? null,
        shipByDateOffsetMinutes: input.shipByDate?.offsetMinutes ?? 0,
        promisedDeliveryFrom: input.promisedDeliveryFrom?.instant ?? null,
        promisedDeliveryFromOffsetMinutes: input.promisedDeliveryFrom?.offsetMinutes ?? 0,
        promisedDeliveryTo: input.promisedDeliveryTo?.instant ?? null,
        promisedDeliveryToOffsetMinutes: input.promisedDeliveryTo?.offsetMinutes ?? 0,
        items: { create: (input.items ?? []).map((item) => ({ ...item, sku: item.sku ?? null })) },
      },
    }),
  );
  if (!order) {
    const message = `order ${nativeOrderId} already exists in this store`;
    return { order: null, errors: [userError("DUPLICATE", message, "nativeOrderId")] };
  }
  return { order, errors: [] };
}

/**
 * Moves an order to a native status the marketplace reported, when its canonical state may
 * follow the current one (ORDER_TRANSITIONS); anything else is refused and nothing changes.
 */
export async function updateOrderStatus(
  db: PrismaClient | Prisma.TransactionClient,
  tenantId: string,
  input: { orderId: string; nativeStatus: string },
  deps: { marketplaces: MarketplaceRegistry; now: Date },
): Promise<OrderResult> {
  const oversized = textLimitErrors(input, INPUT_LIMITS.updateOrderStatus);
  if (oversized.length > 0) return { order: null, errors: oversized };
  const order = await db.order.findFirst({
    where: { id: input.orderId, tenantId },
    include: { store: true },
  });
  if (!order) {
    return {
      order: null,
      errors: [userError("NOT_FOUND", "no such order for this API key", "orderId")],
    };
  }
  const plugin = deps.marketplaces.find(order.store.marketplace);
  if (!plugin) {
    const message = `marketplace ${order.store.marketplace} is not served by this server`;
    return { order: null, errors: [userError("UNKNOWN_MARKETPLACE", message, "orderId")] };
  }
  const native = nativeStatusOf(plugin, input.nativeStatus.trim());
  if (!native) {
    return {
      order: null,
      errors: [unknownNativeStatus(plugin, input.nativeStatus, "nativeStatus")],
    };
  }
  const from = order.state as OrderState;
  if (!canTransition(from, native.state)) {
    const allowed = [from, ...ORDER_TRANSITIONS[from]];
    const codes = Object.entries(plugin.orderStatuses)
      .filter(([, status]) => allowed.includes(status.state))
      .map(([code]) => code);
    const message = `${plugin.name} order ${order.nativeOrderId} is ${order.nativeStatus} (${from}); it cannot become ${native.code} (${native.state}). Allowed: ${codes.join(", ") || "none"}`;
    return { order: null, errors: [userError("TRANSITION_NOT_ALLOWED", message, "nativeStatus")] };
  }
  // The guard on state makes a concurrent move lose instead of skipping the transition check.
  const moved = await db.order.updateMany({
    where: { id: order.id, state: order.state },
    data: {
      nativeStatus: native.code,
      state: native.state,
      // Pre-fulfilment cancel rate counts only cancellations the buyer did not ask for.
      ...(native.state === "CANCEL_REQUESTED" ? { cancelRequestedByBuyer: true } : {}),
      ...(native.state === "CANCELLED" && from !== "CANCELLED" ? { cancelledAt: deps.now } : {}),
    },
  });
  if (moved.count === 0) return updateOrderStatus(db, tenantId, input, deps);
  return { order: await db.order.findUniqueOrThrow({ where: { id: order.id } }), errors: [] };
}

/** Opens a store on one of a marketplace's sites. */
export async function createStore(
  db: PrismaClient,
  tenantId: string,
  input: { marketplace: string; site: string; name: string },
  deps: { marketplaces: MarketplaceRegistry },
  /** API access for connectStore: sealed credentials, endpoint overrides, sync policy. */
  connection: Omit<
    Prisma.StoreUncheckedCreateInput,
    "tenantId" | "marketplace" | "site" | "name"
  > = {},
) {
  const oversized = textLimitErrors(input, INPUT_LIMITS.createStore);
  if (oversized.length > 0) return { store: null, errors: oversized };
  const marketplace = input.marketplace.trim().toLowerCase();
  const plugin = deps.marketplaces.find(marketplace);
  if (!plugin) {
    const known = deps.marketplaces.plugins.map((p) => p.id).join(", ");
    const message = `unknown marketplace "${input.marketplace}"; known: ${known}`;
    return { store: null, errors: [userError("UNKNOWN_MARKETPLACE", message, "marketplace")] };
  }
  const site = input.site.trim().toUpperCase();
  if (!plugin.sites.some((candidate) => candidate.code === site)) {
    const known = plugin.sites.map((s) => s.code).join(", ");
    const message = `${plugin.name} has no site "${input.site}"; its sites: ${known}`;
    return { store: null, errors: [userError("UNKNOWN_SITE", message, "site")] };
  }
  const name = input.name.trim();
  if (!name)
    return { store: null, errors: [userError("INVALID_INPUT", "name must not be empty", "name")] };
  const existing = await db.store.findFirst({ where: { tenantId, marketplace, site, name } });
  if (existing) {
    const message = `a ${plugin.name} ${site} store named "${name}" already exists`;
    return { store: null, errors: [userError("DUPLICATE", message, "name")] };
  }
  const store = await insertOnce(() =>
    db.store.create({ data: { ...connection, tenantId, marketplace, site, name } }),
  );
  if (!store) {
    const message = `a ${plugin.name} ${site} store named "${name}" already exists`;
    return { store: null, errors: [userError("DUPLICATE", message, "name")] };
  }
  return { store, errors: [] };
}

function nativeStatusOf(plugin: MarketplacePlugin, code: string) {
  const status = Object.hasOwn(plugin.orderStatuses, code) ? plugin.orderStatuses[code] : undefined;
  return status ? { code, state: status.state } : undefined;
}

function unknownNativeStatus(plugin: MarketplacePlugin, code: string, field: string): UserError {
  const known = Object.keys(plugin.orderStatuses).join(", ");
  const message = `"${code}" is not a ${plugin.name} order status; allowed: ${known}`;
  return userError("UNKNOWN_NATIVE_STATUS", message, field);
}

/** Texts over their limits, and more items than an order takes: refused before anything else. */
function inputSizeErrors(input: CreateOrderInput): UserError[] {
  const items = input.items ?? [];
  const tooMany = tooManyError(
    "items",
    items.length,
    LIST_INPUT_LIMITS.orderItems,
    "items per order",
  );
  return tooMany ? [tooMany] : textLimitErrors(input, INPUT_LIMITS.createOrder);
}

function checkOrderInput(input: CreateOrderInput): UserError[] {
  const errors: UserError[] = [];
  if (!input.nativeOrderId.trim()) {
    errors.push(userError("INVALID_INPUT", "nativeOrderId must not be empty", "nativeOrderId"));
  }
  if (!/^[A-Za-z]{2}$/.test(input.destinationCountry.trim())) {
    const message = "destinationCountry must be ISO 3166-1 alpha-2";
    errors.push(userError("INVALID_COUNTRY_CODE", message, "destinationCountry"));
  }
  if (input.buyerLocale?.trim() && !canonicalLocale(input.buyerLocale)) {
    const message = `buyerLocale "${input.buyerLocale}" is not a BCP 47 tag`;
    errors.push(userError("INVALID_LOCALE", message, "buyerLocale"));
  }
  const from = input.promisedDeliveryFrom?.instant;
  const to = input.promisedDeliveryTo?.instant;
  if (from && to && from > to) {
    const message = "promisedDeliveryFrom is after promisedDeliveryTo";
    errors.push(userError("INVALID_INPUT", message, "promisedDeliveryFrom"));
  }
  (input.items ?? []).forEach((item, index) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      const message = "quantity must be a positive integer";
      errors.push(userError("INVALID_INPUT", message, `items.${index}.quantity`));
    }
  });
  return errors;
}
