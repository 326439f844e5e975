import { createCarrierRegistry } from "../../src/carriers/registry.ts";
import { ConfirmShipment, CreateOrder } from "./operations.ts";
import type { TestServer } from "./test-server.ts";

let sequence = 0;

/** An order through the API, as a seller tool would create it; overrides win. */
export async function buildOrder(
  server: TestServer,
  overrides: { storeId?: string; apiKey?: string; nativeOrderId?: string; placedAt?: string } = {},
): Promise<string> {
  sequence += 1;
  const storeId = overrides.storeId ?? globalId("Store", server.tenant.amazonStoreId);
  const result = await server.request(
    CreateOrder,
    {
      input: {
        storeId,
        nativeOrderId:
          overrides.nativeOrderId ?? `114-0000000-${String(sequence).padStart(7, "0")}`,
        nativeStatus: "Unshipped",
        buyerLocale: "en-US",
        destinationCountry: "US",
        placedAt: overrides.placedAt ?? "2026-11-01T09:30:00-08:00",
        items: [{ nativeItemId: "A1", title: "Phone case", quantity: 1 }],
      },
    },
    overrides.apiKey,
  );
  const order = result.data?.createOrder.order;
  if (!order) throw new Error(`createOrder failed: ${JSON.stringify(result)}`);
  return order.id;
}

/**
 * A valid UPS number no other call returned: shipments of one number share a parcel's events,
 * so tests that do not mean to share must not reuse one.
 */
export function uniqueUpsNumber(): string {
  sequence += 1;
  const stem = `1Z5R893903${String(sequence).padStart(7, "0")}`;
  for (let digit = 0; digit <= 9; digit++) {
    if (createCarrierRegistry().validate("ups", `${stem}${digit}`).valid) return `${stem}${digit}`;
  }
  throw new Error(`no check digit completes ${stem}`);
}

/** An order with a shipment on a fresh valid UPS number; returns the shipment's global id. */
export async function buildShipment(
  server: TestServer,
  overrides: {
    apiKey?: string;
    storeId?: string;
    trackingNumber?: string;
    carrier?: string;
    placedAt?: string;
  } = {},
): Promise<string> {
  const orderId = await buildOrder(server, overrides);
  const result = await server.request(
    ConfirmShipment,
    {
      input: {
        orderId,
        carrier: overrides.carrier ?? "ups",
        trackingNumber: overrides.trackingNumber ?? uniqueUpsNumber(),
        shipDate: "2026-11-02T10:00:00-08:00",
      },
    },
    overrides.apiKey,
  );
  const shipment = result.data?.confirmShipment.shipment;
  if (!shipment) throw new Error(`confirmShipment failed: ${JSON.stringify(result)}`);
  return shipment.id;
}

export function globalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString("base64");
}
