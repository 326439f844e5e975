import type { Scope } from "../domain/scopes.ts";
import { USER_ERROR_CODES, type UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";

export const UserErrorCodeEnum = builder.enumType("UserErrorCode", { values: USER_ERROR_CODES });

export const UserErrorRef = builder.objectRef<UserError>("UserError").implement({
  description: "An expected failure naming what is wrong and where.",
  fields: (t) => ({
    code: t.field({ type: UserErrorCodeEnum, resolve: (error) => error.code }),
    message: t.exposeString("message"),
    field: t.exposeString("field", {
      nullable: true,
      description: "Dot path of the input field at fault, e.g. events.2.occurredAt",
    }),
  }),
});

/**
 * Each mutation names the scope it needs (decision 034); a key without it gets a typed
 * FORBIDDEN in the payload, not an exception. Queries and subscriptions are checked before they
 * run, from READ_FIELD_SCOPES (src/server/request-limits.ts).
 */
export function scopeError(ctx: Context, scope: Scope): UserError[] {
  return ctx.viewer.scopes.has(scope)
    ? []
    : [{ code: "FORBIDDEN", message: `this API key lacks the ${scope} scope`, field: null }];
}
