import type { PrismaClient } from "../../generated/prisma/client.ts";
import { LIST_CAPS } from "./input-limits.ts";

/**
 * A tenant's stored events whose raw code the carrier's table did not know, counted by the
 * carrier that scanned and the code. The events are the count: nothing process-wide, nothing
 * refused, nothing another tenant sent.
 */
export async function unmappedCarrierCodes(
  db: PrismaClient,
  tenantId: string,
): Promise<{ carrier: string; rawCode: string; count: number }[]> {
  const rows = await db.$queryRaw<{ carrier: string; rawCode: string; count: bigint }[]>`
    SELECT COALESCE(e."carrier", s."carrier") AS "carrier", e."rawCode", COUNT(*) AS "count"
    FROM "TrackingEvent" e JOIN "Shipment" s ON s."id" = e."shipmentId"
    WHERE s."tenantId" = ${tenantId} AND e."codeKnown" = false
    GROUP BY 1, 2
    ORDER BY 3 DESC, 1, 2
    LIMIT ${LIST_CAPS.unmappedCarrierCodes}`;
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
