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

/** Mutations need the "write" scope; reported as a typed error, not an exception. */
export function writeScopeError(ctx: Context): UserError[] {
  return ctx.viewer.scopes.has("write")
    ? []
    : [{ code: "FORBIDDEN", message: "this API key lacks the write scope", field: null }];
}

/**
 * Managing webhook subscriptions and replaying deliveries: the write scope (a key that cannot
 * write could otherwise send the tenant's data anywhere).
 */
export function webhooksScopeError(ctx: Context): UserError[] {
  return writeScopeError(ctx);
}
