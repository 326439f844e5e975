import type { UploadRequest } from "../api-types.ts";
import type { Site } from "../types.ts";
import { amazonCarrierCode } from "./carriers.ts";

/** SP-API Orders v0 `ConfirmShipmentRequest`. */
export interface ConfirmShipmentBody {
  marketplaceId: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    shippingMethod?: string;
    trackingNumber: string;
    shipDate: string;
    orderItems: { orderItemId: string; quantity: number }[];
  };
}

export function shipmentConfirmationPath(nativeOrderId: string): string {
  return `/orders/v0/orders/${encodeURIComponent(nativeOrderId)}/shipmentConfirmation`;
}

export function shipmentConfirmationBody(site: Site, request: UploadRequest): ConfirmShipmentBody {
  const carrierCode = amazonCarrierCode(site, request.carrier);
  return {
    marketplaceId: site.apiId ?? site.code,
    packageDetail: {
      // The model types it as a string that holds a positive number.
      packageReferenceId: String(request.packageReference),
      carrierCode: carrierCode ?? "Other",
      ...(carrierCode === null ? { carrierName: request.carrierName } : {}),
      ...(request.shippingMethod !== null ? { shippingMethod: request.shippingMethod } : {}),
      trackingNumber: request.trackingNumber,
      shipDate: request.shipDate.toISOString(),
      orderItems: request.items.map((item) => ({
        orderItemId: item.nativeItemId,
        quantity: item.quantity,
      })),
    },
  };
}
