import type { MarketplacePlugin } from "../types.ts";

/** Shopee's buyer-app words: a shipped order is "To Receive" until the buyer confirms. */
export const shopeeTexts: MarketplacePlugin["texts"] = {
  en: {
    orderState: { PENDING: "To Pay", READY_TO_SHIP: "To Ship", SHIPPED: "To Receive" },
    status: { DELIVERED: "Parcel delivered", OUT_FOR_DELIVERY: "Parcel is out for delivery" },
    milestone: {
      DELIVERED:
        "Your parcel for order {orderId} has been delivered. Please tap Order Received in the Shopee app once you have checked it.",
    },
  },
  ms: {
    orderState: {
      PENDING: "Untuk Dibayar",
      READY_TO_SHIP: "Untuk Dihantar",
      SHIPPED: "Untuk Diterima",
    },
  },
  "zh-Hans": { orderState: { PENDING: "待付款", READY_TO_SHIP: "待发货", SHIPPED: "待收货" } },
  "zh-Hant": { orderState: { PENDING: "待付款", READY_TO_SHIP: "待出貨", SHIPPED: "待收貨" } },
  th: { orderState: { PENDING: "ที่ต้องชำระ", READY_TO_SHIP: "ที่ต้องจัดส่ง", SHIPPED: "ที่ต้องได้รับ" } },
  vi: {
    orderState: { PENDING: "Chờ thanh toán", READY_TO_SHIP: "Chờ lấy hàng", SHIPPED: "Đang giao" },
  },
  id: { orderState: { PENDING: "Belum Bayar", READY_TO_SHIP: "Dikemas", SHIPPED: "Dikirim" } },
  "pt-BR": { orderState: { PENDING: "A pagar", READY_TO_SHIP: "A enviar", SHIPPED: "A receber" } },
  es: { orderState: { PENDING: "Por pagar", READY_TO_SHIP: "Por enviar", SHIPPED: "Por recibir" } },
};
