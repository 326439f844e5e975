import type { PrismaClient, StoreNotificationRules } from "../../../generated/prisma/client.ts";
import { MILESTONES, type Milestone, type NotificationChannel } from "../../vocabulary/index.ts";
import { type UserError, userError } from "../user-error.ts";

/** A store's rules as the domain reads them: stored, or the defaults. */
export interface NotificationRules {
  /** Off until the seller turns it on: messaging buyers unasked can break a marketplace's rules. */
  enabled: boolean;
  /** The milestones that notify, each on its channel; a milestone not listed is not told. */
  milestones: ReadonlyMap<Milestone, NotificationChannel>;
  /** Quiet hours in the buyer's time zone, minutes after midnight; start > end spans midnight. */
  quietStartMinute: number;
  quietEndMinute: number;
  /** Days after delivery to have the marketplace ask for a review (Amazon 5-30); null: never. */
  reviewRequestAfterDays: number | null;
}

/**
 * The milestones a buyer asks "where is my order?" about, and the problems they would want to
 * hear of from the seller first. AVAILABLE_FOR_PICKUP is left to the carrier's own notice.
 */
export const DEFAULT_MILESTONES: readonly Milestone[] = [
  "ORDER_SHIPPED",
  "ARRIVED_IN_DESTINATION_COUNTRY",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "DELIVERY_FAILED",
  "CUSTOMS_HELD",
  "DELAYED",
  "RETURNING_TO_SENDER",
];
export const DEFAULT_CHANNEL: NotificationChannel = "EMAIL";
export const DEFAULT_QUIET_HOURS = { startMinute: 21 * 60, endMinute: 8 * 60 } as const;

export const DEFAULT_RULES: NotificationRules = {
  enabled: false,
  milestones: new Map(DEFAULT_MILESTONES.map((milestone) => [milestone, DEFAULT_CHANNEL])),
  quietStartMinute: DEFAULT_QUIET_HOURS.startMinute,
  quietEndMinute: DEFAULT_QUIET_HOURS.endMinute,
  reviewRequestAfterDays: null,
};

/** Amazon takes a review request from 5 to 30 days after delivery. */
export const REVIEW_REQUEST_DAYS = { min: 5, max: 30 } as const;

/** The rules a stored row says, or the defaults when the store never set any. */
export function readRules(row: StoreNotificationRules | null): NotificationRules {
  if (!row) return DEFAULT_RULES;
  const stored = row.milestones as Record<string, NotificationChannel>;
  const milestones = new Map<Milestone, NotificationChannel>();
  for (const milestone of MILESTONES) {
    const channel = stored[milestone];
    if (channel) milestones.set(milestone, channel);
  }
  return {
    enabled: row.enabled,
    milestones,
    quietStartMinute: row.quietStartMinute,
    quietEndMinute: row.quietEndMinute,
    reviewRequestAfterDays: row.reviewRequestAfterDays,
  };
}

export interface SetRulesInput {
  storeId: string;
  enabled: boolean;
  /** Replaces the list; absent keeps what is stored (or the defaults). */
  milestones?: readonly { milestone: Milestone; channel: NotificationChannel }[] | null;
  /** "HH:MM" in the buyer's time zone; absent keeps what is stored (21:00-08:00 by default). */
  quietHoursStart?: string | null;
  quietHoursEnd?: string | null;
  /** Absent keeps what is stored; null turns review requests off. */
  reviewRequestAfterDays?: number | null;
}

/** Sets a store's rules; another tenant's store is NOT_FOUND like a missing one. */
export async function setStoreNotificationRules(
  db: PrismaClient,
  tenantId: string,
  input: SetRulesInput,
): Promise<{ rules: NotificationRules | null; storeId: string | null; errors: UserError[] }> {
  const fail = (errors: UserError[]) => ({ rules: null, storeId: null, errors });
  const store = await db.store.findFirst({
    where: { id: input.storeId, tenantId },
    include: { notificationRules: true },
  });
  if (!store) return fail([userError("NOT_FOUND", "no such store", "storeId")]);
  const current = readRules(store.notificationRules);
  const errors: UserError[] = [];
  const start = parseClock(input.quietHoursStart, current.quietStartMinute, "quietHoursStart");
  const end = parseClock(input.quietHoursEnd, current.quietEndMinute, "quietHoursEnd");
  for (const parsed of [start, end]) if ("error" in parsed) errors.push(parsed.error);
  const milestones = new Map(current.milestones);
  if (input.milestones) {
    milestones.clear();
    input.milestones.forEach(({ milestone, channel }, index) => {
      if (milestones.has(milestone)) {
        const message = `${milestone} is listed twice`;
        errors.push(userError("DUPLICATE", message, `milestones.${index}.milestone`));
      }
      milestones.set(milestone, channel);
    });
  }
  const days = input.reviewRequestAfterDays;
  if (days != null && (days < REVIEW_REQUEST_DAYS.min || days > REVIEW_REQUEST_DAYS.max)) {
    const message = `a review can be requested ${REVIEW_REQUEST_DAYS.min} to ${REVIEW_REQUEST_DAYS.max} days after delivery`;
    errors.push(userError("INVALID_INPUT", message, "reviewRequestAfterDays"));
  }
  if (errors.length > 0 || "error" in start || "error" in end) return fail(errors);
  const data = {
    enabled: input.enabled,
    reviewRequestAfterDays: days === undefined ? current.reviewRequestAfterDays : days,
    milestones: Object.fromEntries(milestones),
    quietStartMinute: start.minute,
    quietEndMinute: end.minute,
  };
  const row = await db.storeNotificationRules.upsert({
    where: { storeId: store.id },
    create: { storeId: store.id, tenantId, ...data },
    update: data,
  });
  return { rules: readRules(row), storeId: store.id, errors: [] };
}

/** "21:00" -> 1260; absent keeps `fallback`. */
function parseClock(
  value: string | null | undefined,
  fallback: number,
  field: string,
): { minute: number } | { error: UserError } {
  if (value === undefined || value === null) return { minute: fallback };
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) {
    const message = `"${value.slice(0, 20)}" is not a time of day as HH:MM (24-hour), such as 21:00`;
    return { error: userError("INVALID_INPUT", message, field) };
  }
  return { minute: Number(match[1]) * 60 + Number(match[2]) };
}

/** 1260 -> "21:00". */
export function clockOf(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}
