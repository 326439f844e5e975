import { GraphQLError } from "graphql";
import { type LimitSpec, textLimitErrors } from "../domain/input-limits.ts";

/**
 * For query arguments, which have no payload to carry a typed error: a text over its limit
 * (src/domain/input-limits.ts) fails the field with TOO_LONG, naming the argument in
 * `extensions.field`. Mutations report the same problem in their `errors`.
 */
export function assertTextLimits(args: unknown, spec: LimitSpec, path?: string): void {
  const [error] = textLimitErrors(args, spec, path);
  if (error) {
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, field: error.field },
    });
  }
}
