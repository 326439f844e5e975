import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient, Shipment } from "../../../generated/prisma/client.ts";
import type { SecretBox } from "../secret-box.ts";
import type { UserError } from "../user-error.ts";

/** 192 random bits in base64url: 32 characters (decision 043). */
const TOKEN_BYTES = 24;
export const PUBLIC_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** Looked up in place of a malformed token, so a miss costs the same query; never issued. */
const NEVER_ISSUED = "~".repeat(32);

export function newPublicToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** The lookup key: the database compares hashes, never the token's own characters. */
export function publicTokenHash(token: string): string {
  const candidate = PUBLIC_TOKEN_PATTERN.test(token) ? token : NEVER_ISSUED;
  return createHash("sha256").update(candidate).digest("hex");
}

/**
 * The shipment's token, issued on first read. Two first reads at once agree: only the one that
 * finds no token writes, the other reads what it wrote.
 */
export async function ensurePublicToken(
  db: PrismaClient,
  secretBox: SecretBox,
  shipment: { id: string; publicTokenSealed: string | null },
): Promise<string> {
  if (shipment.publicTokenSealed) return secretBox.open(shipment.publicTokenSealed);
  for (let attempt = 0; attempt < 3; attempt++) {
    const token = newPublicToken();
    // Raw, so updatedAt stays: it is the exception evaluator's version check, and issuing a
    // link changes nothing it reads.
    const count = await db.$executeRaw`
      UPDATE "Shipment" SET "publicTokenHash" = ${publicTokenHash(token)},
        "publicTokenSealed" = ${secretBox.seal(token)}
      WHERE "id" = ${shipment.id} AND "publicTokenSealed" IS NULL`;
    if (count === 1) return token;
    const stored = await db.shipment.findUnique({
      where: { id: shipment.id },
      select: { publicTokenSealed: true },
    });
    if (stored?.publicTokenSealed) return secretBox.open(stored.publicTokenSealed);
  }
  throw new Error(`no public token could be issued for shipment ${shipment.id}`);
}

/** Forgets the shipment's token (its link answers 404 from now on); the next read issues one. */
export async function revokePublicToken(
  db: PrismaClient,
  tenantId: string,
  shipmentId: string,
  now: Date,
): Promise<{ shipment: Shipment | null; errors: UserError[] }> {
  const { count } = await db.shipment.updateMany({
    where: { id: shipmentId, tenantId },
    data: { publicTokenHash: null, publicTokenSealed: null, publicTokenRevokedAt: now },
  });
  const shipment = count === 1 ? await db.shipment.findUnique({ where: { id: shipmentId } }) : null;
  if (shipment) return { shipment, errors: [] };
  return {
    shipment: null,
    errors: [{ code: "NOT_FOUND", field: "shipmentId", message: "no such shipment" }],
  };
}
