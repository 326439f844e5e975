import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { Milestone, NotificationChannel } from "../../vocabulary/index.ts";
import type { NotificationReason } from "../../vocabulary/notification.ts";
import type { JobQueue } from "../jobs.ts";
import { releaseAt } from "./quiet-hours.ts";
import { scheduleReviewRequest } from "./review-request.ts";
import { readRules } from "./rules.ts";
import { CAP_EXEMPT, exceptionMilestones, statusMilestone } from "./triggers.ts";

/** At most one message per parcel in this long, delivery apart. */
export const FREQUENCY_CAP_MS = 12 * 3_600_000;
/** A milestone older than this is history, not news (a late carrier feed, an import). */
export const STALE_AFTER_MS = 72 * 3_600_000;

export interface PlanDeps {
  now: Date;
  jobs: JobQueue;
  /** The destination country's main time zone, for buyers who gave none. */
  countryTimeZone(country: string): string | null;
}

/** The zone a buyer's quiet hours are kept in: theirs, else their country's, else UTC. */
export function buyerTimeZone(
  preference: { timeZone: string | null } | null,
  destinationCountry: string,
  countryTimeZone: PlanDeps["countryTimeZone"],
): string {
  return preference?.timeZone ?? countryTimeZone(destinationCountry) ?? "UTC";
}

/**
 * Logs what a shipment's buyer should hear now, once per milestone (the unique key decides a
 * race), and queues the sending of each message in the transaction that logs it. A milestone
 * the store does not notify leaves no row, so turning it on later still tells the next one.
 */
export async function planBuyerNotifications(
  db: PrismaClient,
  shipmentId: string,
  deps: PlanDeps,
): Promise<number> {
  const shipment = await db.shipment.findUnique({
    where: { id: shipmentId },
    select: {
      id: true,
      tenantId: true,
      orderId: true,
      status: true,
      substatus: true,
      firstScanAt: true,
      lastEventAt: true,
      deliveredAt: true,
      store: { select: { notificationRules: true } },
      order: { select: { destinationCountry: true, buyerPreferences: true } },
      exceptions: {
        where: { closedAt: null },
        select: { type: true, openedAt: true },
        orderBy: { openedAt: "asc" },
      },
      notifications: { select: { kind: true, state: true, scheduledFor: true, sentAt: true } },
    },
  });
  if (!shipment) return 0;
  const rules = readRules(shipment.store.notificationRules);
  const current = statusMilestone(shipment);
  const reviewDays = rules.reviewRequestAfterDays;
  if (current === "DELIVERED" && reviewDays !== null) {
    const order = {
      orderId: shipment.orderId,
      tenantId: shipment.tenantId,
      deliveredAt: shipment.deliveredAt ?? deps.now,
    };
    await db.$transaction((tx) => scheduleReviewRequest(tx, deps.jobs, order, reviewDays));
  }
  if (!rules.enabled) return 0;
  const preference = shipment.order.buyerPreferences;
  const timeZone = buyerTimeZone(
    preference,
    shipment.order.destinationCountry,
    deps.countryTimeZone,
  );
  const told = new Set(shipment.notifications.map((row) => row.kind));
  let lastMessage = Math.max(
    0,
    ...shipment.notifications
      .filter((row) => row.state === "SENT" || row.state === "QUEUED")
      .map((row) => (row.sentAt ?? row.scheduledFor).getTime()),
  );
  const happened = new Map<Milestone, Date | null>();
  if (current) happened.set(current, shipment.lastEventAt);
  for (const milestone of exceptionMilestones(shipment.exceptions)) {
    const opened = shipment.exceptions.find((e) => exceptionMilestones([e])[0] === milestone);
    if (!happened.has(milestone)) happened.set(milestone, opened?.openedAt ?? null);
  }
  const now = deps.now;
  let queued = 0;
  for (const [milestone, at] of happened) {
    const ruleChannel = rules.milestones.get(milestone);
    if (told.has(milestone) || !ruleChannel) continue;
    const channel: NotificationChannel = preference?.channel ?? ruleChannel;
    let skip: NotificationReason | null = null;
    if (preference?.optedOut) skip = "OPTED_OUT";
    else if (at && now.getTime() - at.getTime() > STALE_AFTER_MS) skip = "STALE";
    else if (!CAP_EXEMPT.has(milestone) && now.getTime() - lastMessage < FREQUENCY_CAP_MS) {
      skip = "FREQUENCY_CAP";
    }
    const scheduledFor = skip
      ? now
      : releaseAt(now, timeZone, {
          startMinute: rules.quietStartMinute,
          endMinute: rules.quietEndMinute,
        });
    const id = randomUUID();
    const logged = await db.$transaction(async (tx) => {
      const rows = await tx.buyerNotification.createManyAndReturn({
        data: [
          {
            id,
            tenantId: shipment.tenantId,
            orderId: shipment.orderId,
            shipmentId: shipment.id,
            kind: milestone,
            channel,
            state: skip ? "SKIPPED" : "QUEUED",
            reason: skip,
            scheduledFor,
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      if (rows.length === 0 || skip) return rows.length > 0;
      await deps.jobs.enqueue(
        tx,
        "buyer-notification-send",
        { notificationId: id, attempt: 0 },
        { key: `${id}:0`, startAfter: scheduledFor > now ? scheduledFor : undefined },
      );
      return true;
    });
    if (logged && !skip) {
      queued += 1;
      lastMessage = scheduledFor.getTime();
    }
  }
  if (queued > 0) deps.jobs.wake("buyer-notification-send");
  return queued;
}
