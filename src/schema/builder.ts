import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import type PrismaTypes from "../../generated/pothos-types.ts";
import { getDatamodel } from "../../generated/pothos-types.ts";
import { LIST_INPUT_LIMITS, PAGE_LIMITS, pageSize } from "../domain/input-limits.ts";
import type { ZonedTime } from "../domain/zoned-time.ts";
import type { Context } from "./context.ts";

/**
 * Query cost (decision 028): every field costs 1 unless it says otherwise; a list multiplies what
 * is selected under it by the most items it can hold (its page size, its cap, or the count of ids
 * asked for). Lists of a fixed or small size keep the default multiplier of 10. The server
 * refuses a request whose cost is over budget before it runs (src/server/request-limits.ts); the
 * plugin only computes.
 */
const DEFAULT_LIST_MULTIPLIER = 10;

const connectionSize = (args: { first?: number | null; last?: number | null }) =>
  pageSize(args.first ?? args.last, PAGE_LIMITS.connection) ?? 0;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: ZonedTime; Output: Date | ZonedTime };
    Date: { Input: string; Output: string };
    ID: { Input: string; Output: string };
    Locale: { Input: string; Output: string };
    JSONObject: { Input: Record<string, unknown>; Output: unknown };
  };
}>({
  plugins: [ComplexityPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: DEFAULT_LIST_MULTIPLIER,
    // The check runs once per request, before execution, with variables resolved.
    disabled: true,
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    maxConnectionSize: PAGE_LIMITS.connection.max,
    defaultConnectionSize: PAGE_LIMITS.connection.default,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // A connection multiplies its page size once, on the connection field; edges add nothing.
    defaultConnectionFieldOptions: {
      complexity: (args) => ({ field: 1, multiplier: connectionSize(args) }),
    },
    edgesFieldOptions: { complexity: { field: 1, multiplier: 1 } },
    nodesQueryOptions: {
      description: `Objects by global id, in the order asked; at most ${LIST_INPUT_LIMITS.nodeIds} ids.`,
      complexity: (args) => ({ field: 1, multiplier: args.ids.length }),
      resolve: (_root, { ids }, _ctx, _info, resolveNodes) => {
        if (ids.length > LIST_INPUT_LIMITS.nodeIds) {
          const message = `nodes takes at most ${LIST_INPUT_LIMITS.nodeIds} ids, got ${ids.length}`;
          throw new GraphQLError(message, { extensions: { code: "TOO_MANY" } });
        }
        return resolveNodes(ids);
      },
    },
  },
});
