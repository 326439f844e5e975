import type { PrismaClient, WebhookEndpoint } from "../../generated/prisma/client.ts";
import type { CarrierAdapter } from "../carriers/types.ts";
import { INPUT_LIMITS, textLimitErrors } from "./input-limits.ts";
import { CLEAR_SECRET_PREFIX, type SecretBox } from "./secret-box.ts";
import { type UserError, userError } from "./user-error.ts";

/** Enough for a store per marketplace site and provider; more is a script gone wrong. */
export const MAX_WEBHOOKS_PER_TENANT = 20;
/** Providers' generated secrets are longer; a short one is a password a forger could guess. */
export const MIN_SECRET_LENGTH = 24;
/** An HMAC key longer than a hash block is hashed first anyway; this only bounds the row. */
export const MAX_SECRET_LENGTH = 256;
/** Long enough to change the secret at the provider; short enough that a leaked one dies. */
export const MAX_GRACE_SECONDS = 7 * 24 * 60 * 60;

type WebhookResult = { webhook: WebhookEndpoint | null; errors: UserError[] };

/** Where the provider posts: the endpoint is named in the path, so no request costs a search. */
export function carrierWebhookPath(endpoint: Pick<WebhookEndpoint, "provider" | "id">): string {
  return `/webhooks/carriers/${endpoint.provider}/${endpoint.id}`;
}

/** Until when the secret replaced by the last rotation still verifies; null once it does not. */
export function previousSecretExpiresAt(
  endpoint: Pick<WebhookEndpoint, "previousSecret" | "previousSecretUntil">,
  now: Date,
): Date | null {
  const until = endpoint.previousSecretUntil;
  return endpoint.previousSecret && until && until > now ? until : null;
}

/** Registers where a tracking aggregator posts this tenant's updates, with its signing secret. */
export async function createCarrierWebhook(
  db: PrismaClient,
  tenantId: string,
  input: { provider: string; secret: string },
  deps: { findAdapter: (code: string) => CarrierAdapter | undefined; secretBox: SecretBox },
): Promise<WebhookResult> {
  const oversized = textLimitErrors(input, INPUT_LIMITS.createCarrierWebhook);
  if (oversized.length) return { webhook: null, errors: oversized };
  const provider = input.provider.trim().toLowerCase();
  if (!deps.findAdapter(provider)?.verifyWebhook) {
    const message = `"${provider}" sends no signed webhooks trackline can verify`;
    return { webhook: null, errors: [userError("UNKNOWN_CARRIER", message, "provider")] };
  }
  const secret = input.secret.trim();
  const invalid = secretError(secret);
  if (invalid) return { webhook: null, errors: [invalid] };
  const webhook = await db.$transaction(async (tx) => {
    // Locks the tenant's row so two concurrent creates cannot both see room for one more.
    await tx.$queryRaw`SELECT "id" FROM "Tenant" WHERE "id" = ${tenantId} FOR UPDATE`;
    if ((await tx.webhookEndpoint.count({ where: { tenantId } })) >= MAX_WEBHOOKS_PER_TENANT) {
      return null;
    }
    return tx.webhookEndpoint.create({
      data: { tenantId, provider, secret: deps.secretBox.seal(secret) },
    });
  });
  if (!webhook) {
    const message = `a tenant has at most ${MAX_WEBHOOKS_PER_TENANT} carrier webhooks; delete one first`;
    return { webhook: null, errors: [userError("TOO_MANY", message)] };
  }
  return { webhook, errors: [] };
}

/**
 * Replaces an endpoint's secret. For `graceSeconds` the replaced one still verifies, so the
 * tenant can rotate here first and then at the provider without losing a delivery; a rotation
 * during a grace period ends that one (only the latest previous secret is kept).
 */
export async function rotateCarrierWebhookSecret(
  db: PrismaClient,
  tenantId: string,
  input: { id: string; secret: string; graceSeconds: number },
  deps: { secretBox: SecretBox; now: Date },
): Promise<WebhookResult> {
  const secret = input.secret.trim();
  const errors: UserError[] = [];
  const invalid = secretError(secret);
  if (invalid) errors.push(invalid);
  if (
    !Number.isInteger(input.graceSeconds) ||
    input.graceSeconds < 0 ||
    input.graceSeconds > MAX_GRACE_SECONDS
  ) {
    const message = `graceSeconds must be from 0 to ${MAX_GRACE_SECONDS} (7 days)`;
    errors.push(userError("INVALID_INPUT", message, "graceSeconds"));
  }
  if (errors.length) return { webhook: null, errors };
  const grace = input.graceSeconds > 0;
  const webhook = await db.$transaction(async (tx) => {
    // Locks the row: of two concurrent rotations the second sees the first's secret as previous.
    const [current] = await tx.$queryRaw<{ secret: string }[]>`
      SELECT "secret" FROM "WebhookEndpoint"
      WHERE "id" = ${input.id} AND "tenantId" = ${tenantId}
      FOR UPDATE`;
    if (!current) return null;
    return tx.webhookEndpoint.update({
      where: { id: input.id },
      data: {
        secret: deps.secretBox.seal(secret),
        previousSecret: grace ? sealed(current.secret, deps.secretBox) : null,
        previousSecretUntil: grace
          ? new Date(deps.now.getTime() + input.graceSeconds * 1000)
          : null,
      },
    });
  });
  return webhook ? { webhook, errors: [] } : notFound();
}

/** Deletes an endpoint and its inbox; its URL answers 404 from then on. */
export async function deleteCarrierWebhook(
  db: PrismaClient,
  tenantId: string,
  input: { id: string },
): Promise<{ deletedId: string | null; errors: UserError[] }> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id: input.id, tenantId } });
  return count === 1
    ? { deletedId: input.id, errors: [] }
    : { deletedId: null, errors: notFound().errors };
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

/** A secret still in the clear (not yet sealed at start-up) is sealed before it is kept again. */
function sealed(stored: string, secretBox: SecretBox): string {
  return stored.startsWith(CLEAR_SECRET_PREFIX) ? secretBox.seal(secretBox.open(stored)) : stored;
}

function secretError(secret: string): UserError | null {
  if (secret.length < MIN_SECRET_LENGTH) {
    const message = `secret must be the provider's signing secret, ${MIN_SECRET_LENGTH} characters or more (for a secret you choose, as EasyPost's: openssl rand -hex 16)`;
    return userError("INVALID_INPUT", message, "secret");
  }
  if (secret.length > MAX_SECRET_LENGTH) {
    const message = `secret must be at most ${MAX_SECRET_LENGTH} characters`;
    return userError("TOO_LONG", message, "secret");
  }
  return null;
}

function notFound(): WebhookResult {
  const message = "no such carrier webhook for this API key";
  return { webhook: null, errors: [userError("NOT_FOUND", message, "id")] };
}
