import type { NativeOrderStatus } from "../types.ts";

/** TikTok Shop Partner API `order.status` values. */
export const tiktokShopOrderStatuses = {
  UNPAID: {
    state: "PENDING",
    label: {
      en: "Unpaid",
      id: "Belum dibayar",
      ms: "Belum dibayar",
      th: "รอชำระเงิน",
      vi: "Chờ thanh toán",
    },
  },
  // Paid, inside the window in which the buyer may still cancel freely.
  ON_HOLD: {
    state: "PENDING",
    label: { en: "On hold", id: "Ditahan", ms: "Ditahan", th: "ระงับไว้ชั่วคราว", vi: "Đang tạm giữ" },
  },
  AWAITING_SHIPMENT: {
    state: "READY_TO_SHIP",
    label: {
      en: "To ship",
      id: "Perlu dikirim",
      ms: "Untuk dihantar",
      th: "รอจัดส่ง",
      vi: "Chờ vận chuyển",
    },
  },
  PARTIALLY_SHIPPING: {
    state: "PARTIALLY_SHIPPED",
    label: {
      en: "Partially shipped",
      id: "Dikirim sebagian",
      ms: "Dihantar sebahagian",
      th: "จัดส่งบางส่วน",
      vi: "Đã gửi một phần",
    },
  },
  // Shipped by the seller, waiting for the carrier to collect it.
  AWAITING_COLLECTION: {
    state: "SHIPPED",
    label: {
      en: "Awaiting collection",
      id: "Menunggu penjemputan",
      ms: "Menunggu pengambilan",
      th: "รอขนส่งเข้ารับ",
      vi: "Chờ lấy hàng",
    },
  },
  IN_TRANSIT: {
    state: "SHIPPED",
    label: {
      en: "Shipped",
      id: "Dikirim",
      ms: "Dihantar",
      th: "อยู่ระหว่างขนส่ง",
      vi: "Đang vận chuyển",
    },
  },
  DELIVERED: {
    state: "DELIVERED",
    label: { en: "Delivered", id: "Terkirim", ms: "Telah dihantar", th: "จัดส่งแล้ว", vi: "Đã giao" },
  },
  COMPLETED: {
    state: "COMPLETED",
    label: { en: "Completed", id: "Selesai", ms: "Selesai", th: "เสร็จสมบูรณ์", vi: "Hoàn thành" },
  },
  CANCELLED: {
    state: "CANCELLED",
    label: { en: "Cancelled", id: "Dibatalkan", ms: "Dibatalkan", th: "ยกเลิกแล้ว", vi: "Đã hủy" },
  },
} as const satisfies Record<string, NativeOrderStatus>;
