import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../../carriers/registry.ts";
import type { MarketplaceRegistry } from "../../plugins/registry.ts";
import type { Milestone, NotificationReason } from "../../vocabulary/index.ts";
import type { DeliveryEstimates } from "../eta/service.ts";
import type { JobQueue } from "../jobs.ts";
import type { SecretBox } from "../secret-box.ts";
import { negotiateLocale, type TextBook } from "../texts/index.ts";
import type { BuyerChannel, BuyerChannels, SendResult } from "./channels.ts";
import { composeMessage, fitPlainText } from "./compose.ts";
import { openMarketplaceChannel } from "./marketplace-channel.ts";
import { estimateFor, SEND_SELECT, trackingUrlFor } from "./message-facts.ts";
import { buyerTimeZone } from "./plan.ts";
import { maskAddress } from "./preferences.ts";
import { releaseAt } from "./quiet-hours.ts";
import { readRules } from "./rules.ts";

/** Waits before attempts 2, 3, ...: a provider's short outage passes, a long one ends FAILED. */
export const NOTIFICATION_RETRY_DELAYS_MS: readonly number[] = [60_000, 600_000, 3_600_000];

export interface SendDeps {
  now: () => Date;
  jobs: JobQueue;
  channels: BuyerChannels;
  marketplaces: MarketplaceRegistry;
  carriers: Pick<CarrierRegistry, "find">;
  texts: TextBook;
  estimates?: Pick<DeliveryEstimates, "estimate">;
  countryTimeZone(country: string): string | null;
  /** TRACKLINE_PUBLIC_URL: messages link the parcel's public tracking page when it is set. */
  publicUrl?: string;
  /** Opens (and seals, when one is issued here) the public tracking token (decision 043), and
   * the store's marketplace credentials for marketplace messages. */
  secretBox?: SecretBox;
  /** Marketplace messages call the marketplace's API with it; without it they are not sent. */
  fetch?: typeof fetch;
  retryDelaysMs?: readonly number[];
  /** Counts each message sent (metrics). */
  onSent?(channel: string, kind: string): void;
}

/**
 * Sends one queued notification. Its job starts no earlier than the row's scheduledFor (quiet
 * hours), so the time is not checked again; the opt-out is, as the buyer may have asked since.
 */
export async function sendBuyerNotification(
  db: PrismaClient,
  job: { notificationId: string; attempt: number },
  deps: SendDeps,
): Promise<void> {
  const row = await db.buyerNotification.findUnique({
    where: { id: job.notificationId },
    select: SEND_SELECT,
  });
  if (row?.state !== "QUEUED") return;
  const { order, shipment } = row;
  const preference = order.buyerPreferences;
  const settle = async (data: {
    state: "SENT" | "SKIPPED" | "FAILED";
    reason?: NotificationReason;
    detail?: string;
    to?: string;
  }) => {
    const sentAt = data.state === "SENT" ? deps.now() : null;
    await db.buyerNotification.updateMany({
      where: { id: row.id, state: "QUEUED" },
      data: { ...data, sentAt, attempts: job.attempt + 1 },
    });
  };
  if (preference?.optedOut) return settle({ state: "SKIPPED", reason: "OPTED_OUT" });
  let channel: BuyerChannel | null;
  let address: string | null | undefined;
  let maxLength: number | undefined;
  if (row.channel === "MARKETPLACE_MESSAGE") {
    const opened = openMarketplaceChannel(db, order.store, deps);
    if ("reason" in opened) return settle({ state: "SKIPPED", ...opened });
    ({ channel, maxLength } = opened);
    address = order.nativeOrderId;
  } else if (row.channel === "EMAIL") {
    channel = deps.channels.email;
    address = preference?.email;
  } else {
    channel = deps.channels.sms;
    address = preference?.phone;
  }
  if (!channel) {
    const detail = `this server has no ${row.channel === "EMAIL" ? "TRACKLINE_SMTP_URL" : "TRACKLINE_SMS_URL"}`;
    return settle({ state: "SKIPPED", reason: "CHANNEL_NOT_CONFIGURED", detail });
  }
  if (!address) {
    const detail = `no ${row.channel === "EMAIL" ? "email address" : "phone number"} for the buyer (setBuyerNotificationPreferences)`;
    return settle({ state: "SKIPPED", reason: "NO_ADDRESS", detail });
  }
  const locale = negotiateLocale([[preference?.locale], [order.buyerLocale]]);
  const milestone = row.kind as Milestone;
  const message = composeMessage(deps.texts, {
    marketplace: order.store.marketplace,
    locale,
    milestone,
    nativeOrderId: order.nativeOrderId,
    carrierName: deps.carriers.find(shipment.carrier)?.name ?? shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    attempts: shipment.events.filter((e) => e.status === "DELIVERY_FAILED").length,
    trackingUrl: await trackingUrlFor(db, shipment, deps),
    estimate:
      milestone === "DELIVERED" ? null : await estimateFor(shipment, order, deps, row.tenantId),
  });
  // Marketplace chats take plain text only, within their length; the address is the order.
  const text = maxLength === undefined ? message.text : fitPlainText(message.lines, maxLength);
  const result: SendResult = await channel
    .send({ ...message, text, to: address, locale, id: row.id })
    .catch((error: unknown) => ({ ok: false, retryable: true, error: String(error) }));
  const to = row.channel === "MARKETPLACE_MESSAGE" ? undefined : maskAddress(address);
  if (result.ok) {
    await settle({ state: "SENT", to });
    deps.onSent?.(row.channel, row.kind);
    return;
  }
  const delays = deps.retryDelaysMs ?? NOTIFICATION_RETRY_DELAYS_MS;
  const planned = delays[job.attempt];
  const delay = planned === undefined ? undefined : Math.max(planned, result.retryAfterMs ?? 0);
  if (!result.retryable || delay === undefined) {
    return settle({
      state: "FAILED",
      reason: "SEND_FAILED",
      detail: result.error.slice(0, 500),
      to,
    });
  }
  // The next attempt keeps to quiet hours too: a retry at 3 a.m. is still a message at 3 a.m.
  const rules = readRules(order.store.notificationRules);
  const timeZone = buyerTimeZone(preference, order.destinationCountry, deps.countryTimeZone);
  const next = releaseAt(new Date(deps.now().getTime() + delay), timeZone, {
    startMinute: rules.quietStartMinute,
    endMinute: rules.quietEndMinute,
  });
  await db.$transaction(async (tx) => {
    await tx.buyerNotification.updateMany({
      where: { id: row.id, state: "QUEUED" },
      data: {
        attempts: job.attempt + 1,
        detail: result.error.slice(0, 500),
        scheduledFor: next,
        to,
      },
    });
    const attempt = job.attempt + 1;
    await deps.jobs.enqueue(
      tx,
      "buyer-notification-send",
      { notificationId: row.id, attempt },
      { key: `${row.id}:${attempt}`, startAfter: next },
    );
  });
  deps.jobs.wake("buyer-notification-send");
}
