import type { PrismaClient, WebhookEndpoint } from "../../generated/prisma/client.ts";
import type { CarrierAdapter } from "../carriers/types.ts";
import { CLEAR_SECRET_PREFIX, type SecretBox } from "./secret-box.ts";
import { type UserError, userError } from "./user-error.ts";

/** Registers where a tracking aggregator posts this tenant's updates, with its signing secret. */
export async function createCarrierWebhook(
  db: PrismaClient,
  tenantId: string,
  input: { provider: string; secret: string },
  deps: { findAdapter: (code: string) => CarrierAdapter | undefined; secretBox: SecretBox },
): Promise<{ webhook: WebhookEndpoint | null; errors: UserError[] }> {
  const provider = input.provider.trim().toLowerCase();
  if (!deps.findAdapter(provider)?.verifyWebhook) {
    const message = `"${provider}" sends no signed webhooks trackline can verify`;
    return { webhook: null, errors: [userError("UNKNOWN_CARRIER", message, "provider")] };
  }
  const secret = input.secret.trim();
  if (secret.length < 8) {
    const message = "secret must be the provider's signing secret (8 characters or more)";
    return { webhook: null, errors: [userError("INVALID_INPUT", message, "secret")] };
  }
  const webhook = await db.webhookEndpoint.create({
    data: { tenantId, provider, secret: deps.secretBox.seal(secret) },
  });
  return { webhook, errors: [] };
}

/**
 * Start-up: seals the secrets migration 20261129150500 found in the clear, and returns how many.
 * First it opens one already sealed secret: a wrong key must stop start-up before it seals
 * anything, or the rows would be sealed under two keys and some could never be opened again.
 */
export async function sealClearSecrets(db: PrismaClient, secretBox: SecretBox): Promise<number> {
  const clear = { secret: { startsWith: CLEAR_SECRET_PREFIX } };
  const sealed = await db.webhookEndpoint.findFirst({ where: { NOT: clear } });
  if (sealed) secretBox.open(sealed.secret);
  const rows = await db.webhookEndpoint.findMany({
    where: clear,
    select: { id: true, secret: true },
  });
  let count = 0;
  for (const row of rows) {
    // Unless the row changed meanwhile: another instance sealed it first, or it was rotated.
    const updated = await db.webhookEndpoint.updateMany({
      where: { id: row.id, secret: row.secret },
      data: { secret: secretBox.seal(secretBox.open(row.secret)) },
    });
    count += updated.count;
  }
  return count;
}
