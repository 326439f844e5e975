import type { PrismaClient } from "../../generated/prisma/client.ts";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "./api-key-format.ts";
import { SCOPES } from "./scopes.ts";

export const MAX_TENANT_NAME_LENGTH = 100;

/** A tenant and its first key, holding every scope; the plain key is only ever seen here. */
export async function createTenantWithKey(
  db: PrismaClient,
  input: { name: string },
): Promise<{ tenantId: string; apiKey: string }> {
  const apiKey = generateApiKey("live");
  const tenant = await db.tenant.create({
    data: {
      name: input.name,
      apiKeys: {
        create: {
          name: "first key",
          prefix: apiKeyPrefix(apiKey),
          hash: hashApiKey(apiKey),
          scopes: [...SCOPES],
        },
      },
    },
  });
  return { tenantId: tenant.id, apiKey };
}
