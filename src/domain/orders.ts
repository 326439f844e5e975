import type { Order, PrismaClient } from "../../generated/prisma/client.ts";
import type { OrderState } from "../../generated/prisma/enums.ts";
import { type UserError, userError } from "./user-error.ts";

export interface CreateOrderInput {
  storeId: string;
  nativeOrderId: string;
  nativeStatus: string;
  state?: OrderState | null;
  buyerLocale: string;
  destinationCountry: string;
  placedAt: Date;
  shipByDate?: Date | null;
  promisedDeliveryFrom?: Date | null;
  promisedDeliveryTo?: Date | null;
  items?: { nativeItemId: string; sku?: string | null; title: string; quantity: number }[] | null;
}

export async function createOrder(
  db: PrismaClient,
  tenantId: string,
  input: CreateOrderInput,
): Promise<{ order: Order | null; errors: UserError[] }> {
  const errors = checkOrderInput(input);
  const store = await db.store.findFirst({ where: { id: input.storeId, tenantId } });
  if (!store) errors.push(userError("NOT_FOUND", "no such store for this API key", "storeId"));
  if (errors.length > 0) return { order: null, errors };
  const nativeOrderId = input.nativeOrderId.trim();
  const existing = await db.order.findUnique({
    where: { storeId_nativeOrderId: { storeId: input.storeId, nativeOrderId } },
  });
  if (existing) {
    return {
      order: null,
      errors: [
        userError(
          "DUPLICATE",
          `order ${nativeOrderId} already exists in this store`,
          "nativeOrderId",
        ),
      ],
    };
  }
  const order = await db.order.create({
    data: {
      tenantId,
      storeId: input.storeId,
      nativeOrderId,
      nativeStatus: input.nativeStatus.trim(),
      state: input.state ?? "READY_TO_SHIP",
      buyerLocale: Intl.getCanonicalLocales(input.buyerLocale.trim())[0]!,
      destinationCountry: input.destinationCountry.trim().toUpperCase(),
      placedAt: input.placedAt,
      shipByDate: input.shipByDate ?? null,
      promisedDeliveryFrom: input.promisedDeliveryFrom ?? null,
      promisedDeliveryTo: input.promisedDeliveryTo ?? null,
      items: { create: (input.items ?? []).map((item) => ({ ...item, sku: item.sku ?? null })) },
    },
  });
  return { order, errors: [] };
}

function checkOrderInput(input: CreateOrderInput): UserError[] {
  const errors: UserError[] = [];
  if (!input.nativeOrderId.trim()) {
    errors.push(userError("INVALID_INPUT", "nativeOrderId must not be empty", "nativeOrderId"));
  }
  if (!/^[A-Za-z]{2}$/.test(input.destinationCountry.trim())) {
    errors.push(
      userError(
        "INVALID_COUNTRY_CODE",
        "destinationCountry must be ISO 3166-1 alpha-2",
        "destinationCountry",
      ),
    );
  }
  try {
    Intl.getCanonicalLocales(input.buyerLocale.trim());
  } catch {
    errors.push(
      userError(
        "INVALID_INPUT",
        `buyerLocale "${input.buyerLocale}" is not a BCP 47 tag`,
        "buyerLocale",
      ),
    );
  }
  const from = input.promisedDeliveryFrom;
  const to = input.promisedDeliveryTo;
  if (from && to && from > to) {
    errors.push(
      userError(
        "INVALID_INPUT",
        "promisedDeliveryFrom is after promisedDeliveryTo",
        "promisedDeliveryFrom",
      ),
    );
  }
  (input.items ?? []).forEach((item, index) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      errors.push(
        userError(
          "INVALID_INPUT",
          "quantity must be a positive integer",
          `items.${index}.quantity`,
        ),
      );
    }
  });
  return errors;
}
