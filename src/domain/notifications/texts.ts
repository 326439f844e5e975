import type { Milestone, SupportedLocale, TextReview } from "../../vocabulary/index.ts";

/**
 * The words a notification wraps around the milestone message (TextCatalog.milestone, 14
 * locales): its subject, the tracking link and the delivery estimate. ICU MessageFormat.
 */
export interface NotificationTexts {
  subject: Record<Milestone, string>;
  /** Variables: `url`. */
  track: string;
  /** Variables: `from`, `to` (dates already formatted in the locale). */
  estimate: string;
}

/** One locale's words and who wrote them (decision 025: drafts until a native speaker reviews). */
export interface NotificationTextsEntry {
  review: TextReview;
  texts: NotificationTexts;
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

const de: NotificationTexts = {
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

const ja: NotificationTexts = {
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

const zhHans: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "您的订单 {orderId} 已发货",
    ARRIVED_IN_DESTINATION_COUNTRY: "您的订单 {orderId} 已到达您所在的国家",
    CUSTOMS_HELD: "您的订单 {orderId} 正在清关",
    OUT_FOR_DELIVERY: "您的订单 {orderId} 正在派送中",
    AVAILABLE_FOR_PICKUP: "您的订单 {orderId} 已可取件",
    DELIVERY_FAILED: "您的订单 {orderId} 派送未成功",
    DELIVERED: "您的订单 {orderId} 已送达",
    DELAYED: "您的订单 {orderId} 已延误",
    RETURNING_TO_SENDER: "您的订单 {orderId} 正在退回",
  },
  track: "查看物流: {url}",
  estimate: "预计送达: {from} – {to}",
};

const zhHant: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "您的訂單 {orderId} 已出貨",
    ARRIVED_IN_DESTINATION_COUNTRY: "您的訂單 {orderId} 已抵達您所在的國家",
    CUSTOMS_HELD: "您的訂單 {orderId} 正在清關",
    OUT_FOR_DELIVERY: "您的訂單 {orderId} 正在配送中",
    AVAILABLE_FOR_PICKUP: "您的訂單 {orderId} 已可取貨",
    DELIVERY_FAILED: "您的訂單 {orderId} 配送未成功",
    DELIVERED: "您的訂單 {orderId} 已送達",
    DELAYED: "您的訂單 {orderId} 已延誤",
    RETURNING_TO_SENDER: "您的訂單 {orderId} 正在退回",
  },
  track: "查詢物流: {url}",
  estimate: "預計送達: {from} – {to}",
};

const ko: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "주문 {orderId}이(가) 발송되었습니다",
    ARRIVED_IN_DESTINATION_COUNTRY: "주문 {orderId}이(가) 고객님의 국가에 도착했습니다",
    CUSTOMS_HELD: "주문 {orderId}이(가) 통관 중입니다",
    OUT_FOR_DELIVERY: "주문 {orderId}이(가) 배송 출발했습니다",
    AVAILABLE_FOR_PICKUP: "주문 {orderId}을(를) 수령하실 수 있습니다",
    DELIVERY_FAILED: "주문 {orderId}의 배송을 시도했습니다",
    DELIVERED: "주문 {orderId}이(가) 배송 완료되었습니다",
    DELAYED: "주문 {orderId}의 배송이 지연되고 있습니다",
    RETURNING_TO_SENDER: "주문 {orderId}이(가) 반송 중입니다",
  },
  track: "배송 조회: {url}",
  estimate: "도착 예정: {from} – {to}",
};

const fr: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "Votre commande {orderId} a été expédiée",
    ARRIVED_IN_DESTINATION_COUNTRY: "Votre commande {orderId} est arrivée dans votre pays",
    CUSTOMS_HELD: "Votre commande {orderId} est en douane",
    OUT_FOR_DELIVERY: "Votre commande {orderId} est en cours de livraison",
    AVAILABLE_FOR_PICKUP: "Votre commande {orderId} est prête à être retirée",
    DELIVERY_FAILED: "Tentative de livraison de votre commande {orderId}",
    DELIVERED: "Votre commande {orderId} a été livrée",
    DELAYED: "Votre commande {orderId} est retardée",
    RETURNING_TO_SENDER: "Votre commande {orderId} est renvoyée à l'expéditeur",
  },
  track: "Suivre votre colis : {url}",
  estimate: "Livraison prévue : {from} – {to}",
};

const es: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "Tu pedido {orderId} ha sido enviado",
    ARRIVED_IN_DESTINATION_COUNTRY: "Tu pedido {orderId} ha llegado a tu país",
    CUSTOMS_HELD: "Tu pedido {orderId} está en aduana",
    OUT_FOR_DELIVERY: "Tu pedido {orderId} está en reparto",
    AVAILABLE_FOR_PICKUP: "Tu pedido {orderId} está listo para recoger",
    DELIVERY_FAILED: "Se intentó entregar tu pedido {orderId}",
    DELIVERED: "Tu pedido {orderId} ha sido entregado",
    DELAYED: "Tu pedido {orderId} se ha retrasado",
    RETURNING_TO_SENDER: "Tu pedido {orderId} se está devolviendo al remitente",
  },
  track: "Sigue tu paquete: {url}",
  estimate: "Entrega prevista: {from} – {to}",
};

const it: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "Il tuo ordine {orderId} è stato spedito",
    ARRIVED_IN_DESTINATION_COUNTRY: "Il tuo ordine {orderId} è arrivato nel tuo paese",
    CUSTOMS_HELD: "Il tuo ordine {orderId} è in dogana",
    OUT_FOR_DELIVERY: "Il tuo ordine {orderId} è in consegna",
    AVAILABLE_FOR_PICKUP: "Il tuo ordine {orderId} è pronto per il ritiro",
    DELIVERY_FAILED: "Tentativo di consegna del tuo ordine {orderId}",
    DELIVERED: "Il tuo ordine {orderId} è stato consegnato",
    DELAYED: "Il tuo ordine {orderId} è in ritardo",
    RETURNING_TO_SENDER: "Il tuo ordine {orderId} sta tornando al mittente",
  },
  track: "Segui il tuo pacco: {url}",
  estimate: "Consegna prevista: {from} – {to}",
};

const ptBR: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "Seu pedido {orderId} foi enviado",
    ARRIVED_IN_DESTINATION_COUNTRY: "Seu pedido {orderId} chegou ao seu país",
    CUSTOMS_HELD: "Seu pedido {orderId} está na alfândega",
    OUT_FOR_DELIVERY: "Seu pedido {orderId} saiu para entrega",
    AVAILABLE_FOR_PICKUP: "Seu pedido {orderId} está pronto para retirada",
    DELIVERY_FAILED: "Tentativa de entrega do seu pedido {orderId}",
    DELIVERED: "Seu pedido {orderId} foi entregue",
    DELAYED: "Seu pedido {orderId} está atrasado",
    RETURNING_TO_SENDER: "Seu pedido {orderId} está sendo devolvido ao remetente",
  },
  track: "Acompanhe sua encomenda: {url}",
  estimate: "Entrega prevista: {from} – {to}",
};

const th: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "คำสั่งซื้อ {orderId} ของคุณจัดส่งแล้ว",
    ARRIVED_IN_DESTINATION_COUNTRY: "คำสั่งซื้อ {orderId} ของคุณถึงประเทศของคุณแล้ว",
    CUSTOMS_HELD: "คำสั่งซื้อ {orderId} ของคุณอยู่ระหว่างพิธีการศุลกากร",
    OUT_FOR_DELIVERY: "คำสั่งซื้อ {orderId} ของคุณกำลังนำส่ง",
    AVAILABLE_FOR_PICKUP: "คำสั่งซื้อ {orderId} ของคุณพร้อมให้รับแล้ว",
    DELIVERY_FAILED: "มีการพยายามจัดส่งคำสั่งซื้อ {orderId} ของคุณ",
    DELIVERED: "คำสั่งซื้อ {orderId} ของคุณจัดส่งสำเร็จแล้ว",
    DELAYED: "คำสั่งซื้อ {orderId} ของคุณล่าช้า",
    RETURNING_TO_SENDER: "คำสั่งซื้อ {orderId} ของคุณกำลังถูกส่งคืนผู้ส่ง",
  },
  track: "ติดตามพัสดุ: {url}",
  estimate: "คาดว่าจะได้รับ: {from} – {to}",
};

const vi: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "Đơn hàng {orderId} của bạn đã được gửi đi",
    ARRIVED_IN_DESTINATION_COUNTRY: "Đơn hàng {orderId} của bạn đã đến quốc gia của bạn",
    CUSTOMS_HELD: "Đơn hàng {orderId} của bạn đang làm thủ tục hải quan",
    OUT_FOR_DELIVERY: "Đơn hàng {orderId} của bạn đang được giao",
    AVAILABLE_FOR_PICKUP: "Đơn hàng {orderId} của bạn đã sẵn sàng để nhận",
    DELIVERY_FAILED: "Đã thử giao đơn hàng {orderId} của bạn",
    DELIVERED: "Đơn hàng {orderId} của bạn đã được giao",
    DELAYED: "Đơn hàng {orderId} của bạn bị chậm trễ",
    RETURNING_TO_SENDER: "Đơn hàng {orderId} của bạn đang được hoàn về người gửi",
  },
  track: "Theo dõi kiện hàng: {url}",
  estimate: "Dự kiến giao: {from} – {to}",
};

const id: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "Pesanan {orderId} Anda telah dikirim",
    ARRIVED_IN_DESTINATION_COUNTRY: "Pesanan {orderId} Anda telah tiba di negara Anda",
    CUSTOMS_HELD: "Pesanan {orderId} Anda sedang di bea cukai",
    OUT_FOR_DELIVERY: "Pesanan {orderId} Anda sedang diantar",
    AVAILABLE_FOR_PICKUP: "Pesanan {orderId} Anda siap diambil",
    DELIVERY_FAILED: "Pengiriman pesanan {orderId} Anda telah dicoba",
    DELIVERED: "Pesanan {orderId} Anda telah diterima",
    DELAYED: "Pesanan {orderId} Anda tertunda",
    RETURNING_TO_SENDER: "Pesanan {orderId} Anda sedang dikembalikan ke pengirim",
  },
  track: "Lacak paket Anda: {url}",
  estimate: "Perkiraan tiba: {from} – {to}",
};

const ms: NotificationTexts = {
  subject: {
    ORDER_SHIPPED: "Pesanan {orderId} anda telah dihantar",
    ARRIVED_IN_DESTINATION_COUNTRY: "Pesanan {orderId} anda telah tiba di negara anda",
    CUSTOMS_HELD: "Pesanan {orderId} anda berada di kastam",
    OUT_FOR_DELIVERY: "Pesanan {orderId} anda sedang dalam penghantaran",
    AVAILABLE_FOR_PICKUP: "Pesanan {orderId} anda sedia untuk diambil",
    DELIVERY_FAILED: "Penghantaran pesanan {orderId} anda telah dicuba",
    DELIVERED: "Pesanan {orderId} anda telah sampai",
    DELAYED: "Pesanan {orderId} anda tertangguh",
    RETURNING_TO_SENDER: "Pesanan {orderId} anda sedang dipulangkan kepada pengirim",
  },
  track: "Jejak bungkusan anda: {url}",
  estimate: "Jangkaan penghantaran: {from} – {to}",
};

const draft = (texts: NotificationTexts): NotificationTextsEntry => ({
  review: "machine-draft",
  texts,
});

/** Every supported locale, so TypeScript refuses a missing one; the test refuses a copy of en. */
export const NOTIFICATION_TEXTS: Readonly<Record<SupportedLocale, NotificationTextsEntry>> = {
  en: { review: "native", texts: en },
  "zh-Hans": draft(zhHans),
  "zh-Hant": draft(zhHant),
  ja: draft(ja),
  ko: draft(ko),
  de: draft(de),
  fr: draft(fr),
  es: draft(es),
  it: draft(it),
  "pt-BR": draft(ptBR),
  th: draft(th),
  vi: draft(vi),
  id: draft(id),
  ms: draft(ms),
};

/** A locale's wrapper texts. */
export function notificationTexts(locale: SupportedLocale): NotificationTexts {
  return NOTIFICATION_TEXTS[locale].texts;
}
