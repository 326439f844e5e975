import {
  clockOf,
  type NotificationRules,
  readRules,
  setStoreNotificationRules,
} from "../domain/notifications/rules.ts";
import type { UserError } from "../domain/user-error.ts";
import {
  MILESTONES,
  type Milestone,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { MilestoneEnum } from "./scalars.ts";
import { StoreRef } from "./store.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

export const NotificationChannelEnum = builder.enumType("NotificationChannel", {
  description:
    "How a buyer is told: EMAIL (TRACKLINE_SMTP_URL), SMS (TRACKLINE_SMS_URL), MARKETPLACE_MESSAGE (the marketplace's buyer messaging, where it allows unsolicited messages).",
  values: NOTIFICATION_CHANNELS,
});

const NotificationRuleRef = builder
  .objectRef<{ milestone: Milestone; channel: NotificationChannel }>("NotificationRule")
  .implement({
    description: "A milestone this store tells buyers of, and on which channel.",
    fields: (t) => ({
      milestone: t.field({ type: MilestoneEnum, resolve: (rule) => rule.milestone }),
      channel: t.field({ type: NotificationChannelEnum, resolve: (rule) => rule.channel }),
    }),
  });

const StoreNotificationRulesRef = builder
  .objectRef<NotificationRules>("StoreNotificationRules")
  .implement({
    description:
      "Which milestones notify this store's buyers, on which channel, and the quiet hours (buyer's time zone). Defaults until set: off; shipped, arrived in the buyer's country, out for delivery, delivered, failed delivery, customs hold, delayed and returning, by email; 21:00-08:00.",
    fields: (t) => ({
      enabled: t.exposeBoolean("enabled"),
      milestones: t.field({
        type: [NotificationRuleRef],
        resolve: (rules) =>
          MILESTONES.filter((m) => rules.milestones.has(m)).map((milestone) => ({
            milestone,
            channel: rules.milestones.get(milestone)!,
          })),
      }),
      quietHoursStart: t.string({ resolve: (rules) => clockOf(rules.quietStartMinute) }),
      quietHoursEnd: t.string({ resolve: (rules) => clockOf(rules.quietEndMinute) }),
      reviewRequestAfterDays: t.int({
        nullable: true,
        description:
          "Days after delivery the marketplace is asked to request a review (Amazon Solicitations, once per order); null: never.",
        resolve: (rules) => rules.reviewRequestAfterDays,
      }),
    }),
  });

builder.prismaObjectFields(StoreRef, (t) => ({
  notificationRules: t.field({
    type: StoreNotificationRulesRef,
    select: { notificationRules: true },
    resolve: (store) => readRules(store.notificationRules),
  }),
}));

const NotificationRuleInput = builder.inputType("NotificationRuleInput", {
  fields: (t) => ({
    milestone: t.field({ type: MilestoneEnum, required: true }),
    channel: t.field({ type: NotificationChannelEnum, required: true }),
  }),
});

const SetStoreNotificationRulesInput = builder.inputType("SetStoreNotificationRulesInput", {
  fields: (t) => ({
    storeId: t.globalID({ for: StoreRef, required: true }),
    enabled: t.boolean({ required: true }),
    milestones: t.field({
      type: [NotificationRuleInput],
      description: "Replaces the list (each milestone at most once); omitted: kept.",
    }),
    quietHoursStart: t.string({ description: '"HH:MM" in the buyer\'s zone; omitted: kept.' }),
    quietHoursEnd: t.string({ description: '"HH:MM"; equal to the start: no quiet hours.' }),
    reviewRequestAfterDays: t.int({
      description:
        "5 to 30 (Amazon stores only); null: never; omitted: kept. Independent of enabled.",
    }),
  }),
});

const SetStoreNotificationRulesPayload = builder
  .objectRef<{ notificationRules: NotificationRules | null; errors: UserError[] }>(
    "SetStoreNotificationRulesPayload",
  )
  .implement({
    fields: (t) => ({
      notificationRules: t.field({
        type: StoreNotificationRulesRef,
        nullable: true,
        resolve: (payload) => payload.notificationRules,
      }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("setStoreNotificationRules", (t) =>
  t.field({
    type: SetStoreNotificationRulesPayload,
    description:
      "Sets which milestones notify this store's buyers and how. Applies to milestones reached from now on.",
    args: { input: t.arg({ type: SetStoreNotificationRulesInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { notificationRules: null, errors: denied };
      const result = await setStoreNotificationRules(ctx.db, ctx.viewer.tenantId, {
        ...input,
        storeId: input.storeId.id,
      });
      return { notificationRules: result.rules, errors: result.errors };
    },
  }),
);
