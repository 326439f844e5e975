import type { PrismaClient, WebhookEndpoint } from "../../generated/prisma/client.ts";
import type { CarrierAdapter } from "../carriers/types.ts";
import { type UserError, userError } from "./user-error.ts";

/** Registers where a tracking aggregator posts this tenant's updates, with its signing secret. */
export async function createCarrierWebhook(
  db: PrismaClient,
  tenantId: string,
  input: { provider: string; secret: string },
  deps: { findAdapter: (code: string) => CarrierAdapter | undefined },
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
  const webhook = await db.webhookEndpoint.create({ data: { tenantId, provider, secret } });
  return { webhook, errors: [] };
}
