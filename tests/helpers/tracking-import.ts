import type { TestServer } from "./test-server.ts";

export const TRACKING_HEADER =
  "order_id,store,carrier,tracking_number,shipped_at,shipping_method,items";

export interface TrackingImportAnswer {
  importId: string | null;
  accepted: number;
  applied: number;
  unchanged: number;
  rejected: number;
  errors: {
    row: number;
    column: string | null;
    value?: string;
    code: string;
    message: string;
    suggestions?: { carrier: string; trackingNumber: string }[];
  }[];
  warnings: { row: number; column: string | null; code: string; message: string }[];
}

/** POSTs a CSV body to /imports/tracking. */
export async function postTracking(
  server: TestServer,
  body: string,
  headers: Record<string, string> = {},
  apiKey = server.tenant.apiKey,
): Promise<{ status: number; body: TrackingImportAnswer }> {
  const response = await fetch(server.url.replace("/graphql", "/imports/tracking"), {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${apiKey}`, ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as TrackingImportAnswer };
}

/** GETs an import's error report. */
export function getReport(server: TestServer, importId: string, apiKey = server.tenant.apiKey) {
  return fetch(server.url.replace("/graphql", `/imports/tracking/${importId}/errors.csv`), {
    headers: { authorization: `Bearer ${apiKey}` },
  });
}

/** One data row; the ship date is a day after the factories' orders were placed. */
export function trackingRow(cells: {
  orderId: string;
  store: string;
  carrier?: string;
  trackingNumber: string;
  shippedAt?: string;
  shippingMethod?: string;
  items?: string;
}): string {
  return [
    cells.orderId,
    cells.store,
    cells.carrier ?? "ups",
    cells.trackingNumber,
    cells.shippedAt ?? "2026-11-02T10:00:00-08:00",
    cells.shippingMethod ?? "",
    cells.items ?? "",
  ].join(",");
}
