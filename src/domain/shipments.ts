import type { PrismaClient, Shipment } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import { normalizeTrackingNumber } from "../carriers/tracking-numbers/index.ts";
import { canTransition, type OrderState, UNSHIPPABLE_ORDER_STATES } from "../vocabulary/index.ts";
import { type UserError, userError } from "./user-error.ts";

export interface ConfirmShipmentInput {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  shippingMethod?: string | null;
  shipDate?: Date | null;
  /** Attach a number that fails validation anyway (the seller knows better, e.g. a new format). */
  force?: boolean | null;
}

/**
 * Attaches a validated tracking number to an order. The marketplace push is recorded as pending
 * on the shipment row, so it survives restarts and is retried until it lands.
 */
export async function confirmShipment(
  db: PrismaClient,
  tenantId: string,
  input: ConfirmShipmentInput,
  deps: { now: Date; carriers: CarrierRegistry },
): Promise<{ shipment: Shipment | null; errors: UserError[] }> {
  const order = await db.order.findFirst({ where: { id: input.orderId, tenantId } });
  if (!order) return refuse(userError("NOT_FOUND", "no such order for this API key", "orderId"));
  if (UNSHIPPABLE_ORDER_STATES.has(order.state as OrderState)) {
    return refuse(
      userError("ORDER_NOT_SHIPPABLE", `order ${order.nativeOrderId} is ${order.state}`, "orderId"),
    );
  }
  const carrier = input.carrier.trim().toLowerCase();
  const normalized = normalizeTrackingNumber(input.trackingNumber);
  if ("error" in normalized) {
    return refuse(userError(normalized.error.code, normalized.error.message, "trackingNumber"));
  }
  const trackingNumber = normalized.normalized;
  if (!input.force) {
    if (!deps.carriers.find(carrier)) {
      return refuse(
        userError(
          "UNKNOWN_CARRIER",
          `unknown carrier "${carrier}"; pass force: true to attach it anyway`,
          "carrier",
        ),
      );
    }
    const check = deps.carriers.validate(carrier, trackingNumber);
    if (!check.valid) {
      const hint = check.suggestions.length
        ? ` Did you mean ${check.suggestions.map((s) => `${s.trackingNumber} (${s.carrier})`).join(", ")}?`
        : "";
      return {
        shipment: null,
        errors: check.errors.map((e) => userError(e.code, `${e.message}${hint}`, "trackingNumber")),
      };
    }
  }
  const existing = await db.shipment.findFirst({
    where: { orderId: order.id, carrier, trackingNumber },
  });
  if (existing) {
    return refuse(
      userError(
        "DUPLICATE",
        `${trackingNumber} is already attached to this order`,
        "trackingNumber",
      ),
    );
  }
  // An order already further along (delivered, say) keeps its state; a new parcel does not undo it.
  const state = canTransition(order.state as OrderState, "SHIPPED") ? "SHIPPED" : order.state;
  const [shipment] = await db.$transaction([
    db.shipment.create({
      data: {
        tenantId,
        orderId: order.id,
        storeId: order.storeId,
        carrier,
        trackingNumber,
        shippingMethod: input.shippingMethod?.trim() || null,
        shippedAt: input.shipDate ?? deps.now,
        status: "PENDING",
        substatus: "NOT_FOUND",
        syncState: "PENDING",
      },
    }),
    db.order.update({ where: { id: order.id }, data: { state } }),
  ]);
  return { shipment, errors: [] };
}

function refuse(error: UserError): { shipment: null; errors: UserError[] } {
  return { shipment: null, errors: [error] };
}
