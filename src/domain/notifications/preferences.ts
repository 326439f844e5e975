import type {
  BuyerNotificationPreference,
  PrismaClient,
} from "../../../generated/prisma/client.ts";
import type { NotificationChannel } from "../../vocabulary/index.ts";
import { canonicalLocale } from "../texts/index.ts";
import { type UserError, userError } from "../user-error.ts";
import { isTimeZone } from "./quiet-hours.ts";

export interface SetPreferencesInput {
  orderId: string;
  /** True records the buyer's opt-out: nothing more is sent for this order. */
  optedOut?: boolean | null;
  channel?: NotificationChannel | null;
  email?: string | null;
  /** E.164: "+14155550100". */
  phone?: string | null;
  locale?: string | null;
  timeZone?: string | null;
}

// Deliberately loose: the mail server is the judge; this only catches a pasted name or phone.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Records what an order's buyer asked for, as the seller's system knows it. Members left out
 * keep their stored value; null clears one. Another tenant's order is NOT_FOUND.
 */
export async function setBuyerPreferences(
  db: PrismaClient,
  tenantId: string,
  input: SetPreferencesInput,
  now: Date,
): Promise<{ preferences: BuyerNotificationPreference | null; errors: UserError[] }> {
  const order = await db.order.findFirst({
    where: { id: input.orderId, tenantId },
    include: { buyerPreferences: true },
  });
  if (!order) {
    return { preferences: null, errors: [userError("NOT_FOUND", "no such order", "orderId")] };
  }
  const errors: UserError[] = [];
  const email = input.email?.trim();
  if (email && (email.length > 254 || !EMAIL.test(email))) {
    errors.push(userError("INVALID_EMAIL", "not an email address", "email"));
  }
  const phone = input.phone?.replace(/[\s()-]/g, "");
  if (phone && !E164.test(phone)) {
    const message = "give the number in international form, such as +14155550100";
    errors.push(userError("INVALID_PHONE", message, "phone"));
  }
  const locale = input.locale ? canonicalLocale(input.locale) : input.locale;
  if (input.locale && !locale) {
    errors.push(userError("INVALID_LOCALE", "not a BCP 47 language tag", "locale"));
  }
  if (input.timeZone && !isTimeZone(input.timeZone)) {
    const message = `"${input.timeZone.slice(0, 40)}" is not an IANA time zone, such as Europe/Berlin`;
    errors.push(userError("INVALID_TIME_ZONE", message, "timeZone"));
  }
  if (errors.length > 0) return { preferences: null, errors };
  const before = order.buyerPreferences;
  const data = {
    ...(input.optedOut != null && {
      optedOut: input.optedOut,
      // The first opt-out's time is kept: it is what a complaint would ask about.
      optedOutAt: input.optedOut ? (before?.optedOutAt ?? now) : null,
    }),
    ...(input.channel !== undefined && { channel: input.channel }),
    ...(input.email !== undefined && { email: email || null }),
    ...(input.phone !== undefined && { phone: phone || null }),
    ...(input.locale !== undefined && { locale: locale || null }),
    ...(input.timeZone !== undefined && { timeZone: input.timeZone || null }),
  };
  const preferences = await db.buyerNotificationPreference.upsert({
    where: { orderId: order.id },
    create: { orderId: order.id, tenantId, ...data },
    update: data,
  });
  return { preferences, errors: [] };
}

/** "jane.doe@example.com" -> "j***@example.com"; "+14155550100" -> "+*******0100". */
export function maskAddress(address: string): string {
  const at = address.indexOf("@");
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  const keep = address.slice(-4);
  return `${address.startsWith("+") ? "+" : ""}${"*".repeat(Math.max(3, address.length - 5))}${keep}`;
}
