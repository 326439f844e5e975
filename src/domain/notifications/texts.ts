import type { Milestone, SupportedLocale } from "../../vocabulary/index.ts";

/**
 * The words a notification wraps around the milestone message (TextCatalog.milestone, 14
 * locales): its subject, the tracking link and the delivery estimate. ICU MessageFormat.
 * English is complete; the others are machine drafts awaiting review and fall back to English.
 */
export interface NotificationTexts {
  subject: Record<Milestone, string>;
  /** Variables: `url`. */
  track: string;
  /** Variables: `from`, `to` (dates already formatted in the locale). */
  estimate: string;
}

const en: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "Your order {orderId} has shipped",
    ARRIVED_IN_DESTINATION_COUNTRY: "Your order {orderId} has arrived in your country",
    CUSTOMS_HELD: "Your order {orderId} is in customs",
    OUT_FOR_DELIVERY: "Your order {orderId} is out for delivery",
    AVAILABLE_FOR_PICKUP: "Your order {orderId} is ready for pickup",
    DELIVERY_FAILED: "Delivery of your order {orderId} was attempted",
    DELIVERED: "Your order {orderId} has been delivered",
    DELAYED: "Your order {orderId} is delayed",
    RETURNING_TO_SENDER: "Your order {orderId} is being returned",
  },
  track: "Track your parcel: {url}",
  estimate: "Expected delivery: {from} – {to}",
};

const de: Partial<NotificationTexts> = {
  subject: {
    ORDER_SHIPPED: "Ihre Bestellung {orderId} wurde versandt",
    ARRIVED_IN_DESTINATION_COUNTRY: "Ihre Bestellung {orderId} ist in Ihrem Land angekommen",
    CUSTOMS_HELD: "Ihre Bestellung {orderId} ist beim Zoll",
    OUT_FOR_DELIVERY: "Ihre Bestellung {orderId} wird heute zugestellt",
    AVAILABLE_FOR_PICKUP: "Ihre Bestellung {orderId} liegt zur Abholung bereit",
    DELIVERY_FAILED: "Zustellversuch für Ihre Bestellung {orderId}",
    DELIVERED: "Ihre Bestellung {orderId} wurde zugestellt",
    DELAYED: "Ihre Bestellung {orderId} verzögert sich",
    RETURNING_TO_SENDER: "Ihre Bestellung {orderId} geht zurück an den Absender",
  },
  track: "Sendung verfolgen: {url}",
  estimate: "Voraussichtliche Zustellung: {from} – {to}",
};

const ja: Partial<NotificationTexts> = {
  subject: {
    ORDER_SHIPPED: "ご注文 {orderId} を発送しました",
    ARRIVED_IN_DESTINATION_COUNTRY: "ご注文 {orderId} がお届け先の国に到着しました",
    CUSTOMS_HELD: "ご注文 {orderId} は税関で保留中です",
    OUT_FOR_DELIVERY: "ご注文 {orderId} は本日配達予定です",
    AVAILABLE_FOR_PICKUP: "ご注文 {orderId} の受け取り準備ができました",
    DELIVERY_FAILED: "ご注文 {orderId} の配達ができませんでした",
    DELIVERED: "ご注文 {orderId} をお届けしました",
    DELAYED: "ご注文 {orderId} の配達が遅れています",
    RETURNING_TO_SENDER: "ご注文 {orderId} は返送中です",
  },
  track: "配送状況: {url}",
  estimate: "お届け予定: {from}～{to}",
};

const DRAFTS: Partial<Record<SupportedLocale, Partial<NotificationTexts>>> = { de, ja };

/** A locale's wrapper texts, English where the locale has none yet. */
export function notificationTexts(locale: SupportedLocale): NotificationTexts {
  const draft = DRAFTS[locale];
  return draft ? { ...en, ...draft, subject: { ...en.subject, ...draft.subject } } : en;
}
