/** What the fake SP-API keeps of one package once a shipment confirmation is accepted. */
export interface PackageContent {
  marketplaceId: string;
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  trackingNumber: string;
  shipDate: string;
  orderItems: { orderItemId: string; quantity: number }[];
}

export type ParsedConfirmation =
  | { ok: true; packageReferenceId: string; content: PackageContent }
  | { ok: false; message: string };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Checks a `ConfirmShipmentRequest` against the Orders v0 model: the first broken rule, named
 * by its field, as SP-API's InvalidInput message would name it.
 */
export function parseConfirmation(rawBody: string): ParsedConfirmation {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, message: "The request body is not valid JSON." };
  }
  const request = record(body);
  const detail = record(request?.packageDetail);
  if (!nonEmpty(request?.marketplaceId)) return fail("marketplaceId is required.");
  if (!detail) return fail("packageDetail is required.");
  const reference = detail.packageReferenceId;
  if (typeof reference !== "string" || !/^[1-9]\d*$/.test(reference)) {
    return fail("packageDetail.packageReferenceId must be a string holding a positive integer.");
  }
  if (!nonEmpty(detail.carrierCode)) return fail("packageDetail.carrierCode is required.");
  if (detail.carrierCode === "Other" && !nonEmpty(detail.carrierName)) {
    return fail('packageDetail.carrierName is required when carrierCode is "Other".');
  }
  if (detail.shippingMethod !== undefined && typeof detail.shippingMethod !== "string") {
    return fail("packageDetail.shippingMethod must be a string.");
  }
  if (!nonEmpty(detail.trackingNumber)) return fail("packageDetail.trackingNumber is required.");
  const shipDate = detail.shipDate;
  if (typeof shipDate !== "string" || !ISO_DATE_TIME.test(shipDate) || !Date.parse(shipDate)) {
    return fail("packageDetail.shipDate must be an ISO 8601 date-time.");
  }
  const items = detail.orderItems;
  if (!Array.isArray(items) || items.length === 0) {
    return fail("packageDetail.orderItems must list at least one item.");
  }
  for (const [index, item] of items.entries()) {
    const entry = record(item);
    if (!nonEmpty(entry?.orderItemId)) {
      return fail(`packageDetail.orderItems[${index}].orderItemId is required.`);
    }
    if (!Number.isInteger(entry?.quantity) || (entry?.quantity as number) < 1) {
      return fail(`packageDetail.orderItems[${index}].quantity must be a positive integer.`);
    }
  }
  return {
    ok: true,
    packageReferenceId: reference,
    content: {
      marketplaceId: request!.marketplaceId as string,
      carrierCode: detail.carrierCode as string,
      ...(typeof detail.carrierName === "string" ? { carrierName: detail.carrierName } : {}),
      ...(typeof detail.shippingMethod === "string"
        ? { shippingMethod: detail.shippingMethod }
        : {}),
      trackingNumber: detail.trackingNumber as string,
      shipDate,
      orderItems: items.map((item: { orderItemId: string; quantity: number }) => ({
        orderItemId: item.orderItemId,
        quantity: item.quantity,
      })),
    },
  };
}

/** True when two confirmations of one package say the same thing. */
export function sameContent(a: PackageContent, b: PackageContent): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The content fields only, in one order, with the date and items in a comparable form. */
function canonical(content: PackageContent) {
  return [
    content.marketplaceId,
    content.carrierCode,
    content.carrierName,
    content.shippingMethod,
    content.trackingNumber,
    new Date(content.shipDate).toISOString(),
    [...content.orderItems]
      .sort((x, y) => x.orderItemId.localeCompare(y.orderItemId))
      .map((item) => [item.orderItemId, item.quantity]),
  ];
}

function fail(message: string): ParsedConfirmation {
  return { ok: false, message };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
