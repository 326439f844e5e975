import type { CarrierAccount, PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import { INPUT_LIMITS, LIST_INPUT_LIMITS, textLimitErrors, tooManyError } from "./input-limits.ts";
import type { SecretBox } from "./secret-box.ts";
import { type UserError, userError } from "./user-error.ts";

const MAX_CREDENTIAL_LENGTH = 4096;

type AccountResult = { account: CarrierAccount | null; errors: UserError[] };

export interface CarrierAccountDeps {
  carriers: Pick<CarrierRegistry, "adapter" | "adapters">;
  secretBox: SecretBox;
}

/**
 * Connects the tenant's account at a carrier's tracking API, or replaces its credentials (one
 * account per carrier and tenant). Sealed at once; a replaced account is ACTIVE again, and the
 * shipments a refused key left due are polled at the next sweep.
 */
export async function connectCarrierAccount(
  db: PrismaClient,
  tenantId: string,
  input: { carrier: string; credentials: readonly { name: string; value: string }[] },
  deps: CarrierAccountDeps,
): Promise<AccountResult> {
  const tooMany = tooManyError(
    "credentials",
    input.credentials.length,
    LIST_INPUT_LIMITS.carrierCredentials,
    "credentials",
  );
  const oversized = textLimitErrors(input, INPUT_LIMITS.connectCarrierAccount);
  if (tooMany || oversized.length > 0) {
    return { account: null, errors: tooMany ? [tooMany, ...oversized] : oversized };
  }
  const carrier = input.carrier.trim().toLowerCase();
  const tracking = deps.carriers.adapter(carrier)?.tracking;
  if (!tracking) {
    const message = `trackline polls no tracking API of "${carrier}"; carriers it polls: ${pollableList(deps)}`;
    return { account: null, errors: [userError("UNSUPPORTED_CARRIER", message, "carrier")] };
  }
  const errors: UserError[] = [];
  const values: Record<string, string> = {};
  const known = new Set(tracking.credentials.map((field) => field.name));
  input.credentials.forEach((given, index) => {
    if (!known.has(given.name)) {
      const message = `${carrier} takes no credential "${given.name}"; it takes ${[...known].join(", ")}`;
      errors.push(userError("INVALID_INPUT", message, `credentials.${index}.name`));
    } else if (given.value.trim().length > MAX_CREDENTIAL_LENGTH) {
      const message = `${given.name} is over ${MAX_CREDENTIAL_LENGTH} characters`;
      errors.push(userError("TOO_LONG", message, `credentials.${index}.value`));
    } else if (given.value.trim()) values[given.name] = given.value.trim();
  });
  for (const field of tracking.credentials) {
    const given = input.credentials.some((c) => c.name === field.name && c.value.trim());
    if (!given) {
      const message = `${field.name} is required (${field.description})`;
      errors.push(userError("MISSING_CREDENTIALS", message, `credentials.${field.name}`));
    }
  }
  if (errors.length > 0) return { account: null, errors };
  const data = {
    credentials: deps.secretBox.seal(JSON.stringify(values)),
    credentialNames: Object.keys(values),
    status: "ACTIVE" as const,
    lastError: null,
    pausedUntil: null,
  };
  const account = await db.carrierAccount.upsert({
    where: { tenantId_carrier: { tenantId, carrier } },
    create: { tenantId, carrier, ...data },
    update: data,
  });
  return { account, errors: [] };
}

/** Removes an account; its shipments are no longer polled (their next poll time stays). */
export async function disconnectCarrierAccount(
  db: PrismaClient,
  tenantId: string,
  input: { id: string },
): Promise<{ deletedId: string | null; errors: UserError[] }> {
  const { count } = await db.carrierAccount.deleteMany({ where: { id: input.id, tenantId } });
  if (count === 1) return { deletedId: input.id, errors: [] };
  const message = "no such carrier account for this API key";
  return { deletedId: null, errors: [userError("NOT_FOUND", message, "id")] };
}

/** An account's credentials, opened where a poll needs them. */
export function openCarrierCredentials(
  account: Pick<CarrierAccount, "credentials">,
  box: SecretBox,
): Record<string, string> {
  return JSON.parse(box.open(account.credentials)) as Record<string, string>;
}

function pollableList(deps: CarrierAccountDeps): string {
  return deps.carriers.adapters
    .filter((adapter) => adapter.tracking)
    .map((adapter) => adapter.code)
    .join(", ");
}
