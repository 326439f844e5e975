import type { ExceptionType } from "./exception.ts";
import type { Milestone } from "./milestone.ts";

/** How a buyer is told; stored as the NotificationChannel enum. */
export const NOTIFICATION_CHANNELS = ["EMAIL", "SMS", "MARKETPLACE_MESSAGE"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Where one notification stands in the log; stored as the NotificationState enum. */
export const NOTIFICATION_STATES = ["QUEUED", "SENT", "SKIPPED", "FAILED"] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/** Why a notification was not sent; stored in BuyerNotification.reason, never renamed. */
export const NOTIFICATION_REASONS = [
  /** The buyer asked not to be told (recorded by the seller's system). */
  "OPTED_OUT",
  /** Another message went to this parcel's buyer less than 12 hours before. */
  "FREQUENCY_CAP",
  /** The milestone happened too long ago to be news. */
  "STALE",
  /** The server has no settings for this channel (TRACKLINE_SMTP_URL, TRACKLINE_SMS_URL). */
  "CHANNEL_NOT_CONFIGURED",
  /** No email address or phone number for the buyer. */
  "NO_ADDRESS",
  /** The marketplace does not let sellers message buyers unasked. */
  "MARKETPLACE_MESSAGING_NOT_SUPPORTED",
  /** The channel refused the message for good, or every attempt failed. */
  "SEND_FAILED",
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

/**
 * The milestone an opened exception tells the buyer about. NO_SCAN_AFTER_CONFIRMATION is the
 * seller's to act on: the buyer hears nothing until the parcel moves.
 */
export const EXCEPTION_MILESTONES: Readonly<Record<ExceptionType, Milestone | null>> = {
  STALLED: "DELAYED",
  LATE: "DELAYED",
  DELIVERY_FAILED: "DELIVERY_FAILED",
  CUSTOMS_HELD: "CUSTOMS_HELD",
  RETURNING_TO_SENDER: "RETURNING_TO_SENDER",
  NO_SCAN_AFTER_CONFIRMATION: null,
};
