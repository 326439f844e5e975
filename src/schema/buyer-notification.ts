import type { BuyerNotificationPreference } from "../../generated/prisma/client.ts";
import { maskAddress, setBuyerPreferences } from "../domain/notifications/preferences.ts";
import type { UserError } from "../domain/user-error.ts";
import {
  type Milestone,
  NOTIFICATION_REASONS,
  NOTIFICATION_STATES,
  type NotificationReason,
} from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { NotificationChannelEnum } from "./notification-rules.ts";
import { OrderRef } from "./order.ts";
import { MilestoneEnum } from "./scalars.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

/** A log of a few messages per parcel: a hundred covers any order. */
const LOG_CAP = 100;

const NotificationStateEnum = builder.enumType("NotificationState", {
  values: NOTIFICATION_STATES,
});
const NotificationReasonEnum = builder.enumType("NotificationReason", {
  description: "Why a notification was skipped or failed.",
  values: NOTIFICATION_REASONS,
});

builder.prismaObject("BuyerNotification", {
  description: "One milestone told (or not) to an order's buyer: the notification log.",
  fields: (t) => ({
    kind: t.field({ type: MilestoneEnum, resolve: (row) => row.kind as Milestone }),
    channel: t.field({ type: NotificationChannelEnum, resolve: (row) => row.channel }),
    state: t.field({ type: NotificationStateEnum, resolve: (row) => row.state }),
    reason: t.field({
      type: NotificationReasonEnum,
      nullable: true,
      resolve: (row) => row.reason as NotificationReason | null,
    }),
    detail: t.exposeString("detail", {
      nullable: true,
      description: "In words: the marketplace's policy, the mail server's or provider's answer.",
    }),
    to: t.exposeString("to", { nullable: true, description: "Masked: j***@example.com." }),
    scheduledFor: t.expose("scheduledFor", {
      type: "DateTime",
      description: "Not sent before: the end of the buyer's quiet hours, or a retry's back-off.",
    }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    attempts: t.exposeInt("attempts"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    shipment: t.relation("shipment"),
  }),
});

const BuyerPreferencesRef = builder.prismaObject("BuyerNotificationPreference", {
  name: "BuyerNotificationPreferences",
  description: "What an order's buyer asked for, as the seller's system recorded it.",
  fields: (t) => ({
    optedOut: t.exposeBoolean("optedOut"),
    optedOutAt: t.expose("optedOutAt", { type: "DateTime", nullable: true }),
    channel: t.field({
      type: NotificationChannelEnum,
      nullable: true,
      description: "Overrides the store's channel; null: the store's.",
      resolve: (row) => row.channel,
    }),
    email: t.string({
      nullable: true,
      description: "Masked.",
      resolve: (row) => (row.email ? maskAddress(row.email) : null),
    }),
    phone: t.string({
      nullable: true,
      description: "Masked.",
      resolve: (row) => (row.phone ? maskAddress(row.phone) : null),
    }),
    locale: t.exposeString("locale", { nullable: true }),
    timeZone: t.exposeString("timeZone", {
      nullable: true,
      description: "Null: the destination country's main time zone.",
    }),
  }),
});

builder.prismaObject("ReviewRequest", {
  description:
    "The marketplace's review request for an order (Amazon Solicitations), sent once, days after delivery.",
  fields: (t) => ({
    state: t.field({ type: NotificationStateEnum, resolve: (row) => row.state }),
    reason: t.field({
      type: NotificationReasonEnum,
      nullable: true,
      resolve: (row) => row.reason as NotificationReason | null,
    }),
    detail: t.exposeString("detail", { nullable: true }),
    scheduledFor: t.expose("scheduledFor", { type: "DateTime" }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    attempts: t.exposeInt("attempts"),
  }),
});

builder.prismaObjectFields(OrderRef, (t) => ({
  reviewRequest: t.relation("reviewRequest", { nullable: true }),
  notifications: t.relation("notifications", {
    description: `Messages to the buyer, oldest first (at most ${LOG_CAP}).`,
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: LOG_CAP },
  }),
  buyerNotificationPreferences: t.relation("buyerPreferences", { nullable: true }),
}));

const SetBuyerNotificationPreferencesInput = builder.inputType(
  "SetBuyerNotificationPreferencesInput",
  {
    description: "Members left out keep their value; null clears one.",
    fields: (t) => ({
      orderId: t.globalID({ for: OrderRef, required: true }),
      optedOut: t.boolean({
        description: "True: the buyer asked not to be told; nothing more is sent.",
      }),
      channel: t.field({ type: NotificationChannelEnum }),
      email: t.string(),
      phone: t.string({ description: "International form: +14155550100." }),
      locale: t.string({ description: "BCP 47; null: the order's buyerLocale." }),
      timeZone: t.string({ description: "IANA, e.g. America/Los_Angeles, for quiet hours." }),
    }),
  },
);

const SetBuyerNotificationPreferencesPayload = builder
  .objectRef<{ preferences: BuyerNotificationPreference | null; errors: UserError[] }>(
    "SetBuyerNotificationPreferencesPayload",
  )
  .implement({
    fields: (t) => ({
      preferences: t.field({
        type: BuyerPreferencesRef,
        nullable: true,
        resolve: (payload) => payload.preferences,
      }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("setBuyerNotificationPreferences", (t) =>
  t.field({
    type: SetBuyerNotificationPreferencesPayload,
    description:
      "Records an order's buyer's notification preferences (an opt-out, a channel, addresses, language, time zone).",
    args: { input: t.arg({ type: SetBuyerNotificationPreferencesInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { preferences: null, errors: denied };
      return setBuyerPreferences(
        ctx.db,
        ctx.viewer.tenantId,
        { ...input, orderId: input.orderId.id },
        ctx.now(),
      );
    },
  }),
);
