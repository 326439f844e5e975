import type { PrismaClient } from "../../../generated/prisma/client.ts";
import { TEXT_LIMITS, tooLong } from "../input-limits.ts";
import { type UserError, userError } from "../user-error.ts";
import { publicTokenHash } from "./token.ts";

/** A second rating replaces the first during this long after the first; later ones are refused. */
export const RATING_REPLACE_DAYS = 14;
const DAY_MS = 86_400_000;

export interface RateDeliveryInput {
  token: string;
  rating: number;
  comment?: string | null;
}

export interface RateDeliveryResult {
  rating: number | null;
  comment: string | null;
  errors: UserError[];
}

/** The input's own faults, before any row is read: a rating of 1 to 5, a comment that fits. */
export function feedbackInputErrors(input: RateDeliveryInput): UserError[] {
  const errors: UserError[] = [];
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    errors.push(userError("INVALID_INPUT", "rating is a whole number from 1 to 5", "rating"));
  }
  const comment = input.comment?.trim() ?? "";
  if (comment.length > TEXT_LIMITS.feedbackComment) {
    errors.push(tooLong("comment", comment.length, TEXT_LIMITS.feedbackComment));
  }
  return errors;
}

/**
 * A buyer's rating of a delivered parcel, by its public token (decision 044). One per shipment:
 * a second one within RATING_REPLACE_DAYS of the first replaces it, later ones are refused.
 * An unknown or revoked token answers NOT_FOUND, as the page does.
 */
export async function rateDelivery(
  db: PrismaClient,
  input: RateDeliveryInput,
  now: Date,
): Promise<RateDeliveryResult> {
  const refused = (errors: UserError[]) => ({ rating: null, comment: null, errors });
  const invalid = feedbackInputErrors(input);
  // The lookup runs for bad input too, so a refusal is not answered sooner than a hit.
  const shipment = await db.shipment.findUnique({
    where: { publicTokenHash: publicTokenHash(input.token) },
    select: {
      id: true,
      tenantId: true,
      storeId: true,
      carrier: true,
      status: true,
      order: { select: { destinationCountry: true } },
      feedback: { select: { createdAt: true } },
      events: {
        where: { countryCode: { not: null } },
        orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }],
        take: 1,
        select: { countryCode: true },
      },
    },
  });
  if (!shipment) {
    return refused([userError("NOT_FOUND", "no parcel has this tracking link", "token")]);
  }
  if (invalid.length) return refused(invalid);
  if (shipment.status !== "DELIVERED") {
    const message = "a parcel can be rated once it is delivered";
    return refused([userError("NOT_DELIVERED", message, "token")]);
  }
  const first = shipment.feedback?.createdAt;
  if (first && now.getTime() - first.getTime() > RATING_REPLACE_DAYS * DAY_MS) {
    const message = `a rating can be changed for ${RATING_REPLACE_DAYS} days after it was first given`;
    return refused([userError("RATING_CLOSED", message, "rating")]);
  }
  const comment = input.comment?.trim() || null;
  const values = { rating: input.rating, comment, updatedAt: now };
  const saved = await db.deliveryFeedback.upsert({
    where: { shipmentId: shipment.id },
    update: values,
    create: {
      ...values,
      createdAt: now,
      tenantId: shipment.tenantId,
      storeId: shipment.storeId,
      shipmentId: shipment.id,
      carrier: shipment.carrier,
      originCountry: shipment.events[0]?.countryCode?.toUpperCase() ?? null,
      destinationCountry: shipment.order.destinationCountry.toUpperCase(),
    },
  });
  return { rating: saved.rating, comment: saved.comment, errors: [] };
}
