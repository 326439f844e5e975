import type { Prisma } from "../../generated/prisma/client.ts";
import { JOURNEY_ENDING_SUBSTATUSES, TERMINAL_STATUSES } from "../vocabulary/index.ts";

/**
 * Shipments still on their way (`true`) or whose journey is over (`false`), as `isTravelling`
 * decides for one: a terminal status, or a substatus that ends the journey. `substatus NOT IN`
 * is false for a null substatus in SQL, hence the explicit `null`.
 */
export function travellingWhere(travelling: boolean): Prisma.ShipmentWhereInput {
  const terminal = [...TERMINAL_STATUSES];
  const ending = [...JOURNEY_ENDING_SUBSTATUSES];
  if (travelling) {
    return {
      status: { notIn: terminal },
      OR: [{ substatus: null }, { substatus: { notIn: ending } }],
    };
  }
  return { OR: [{ status: { in: terminal } }, { substatus: { in: ending } }] };
}
