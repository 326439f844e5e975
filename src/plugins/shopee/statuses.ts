import type { LocalizedText, NativeOrderStatus } from "../types.ts";

// The tabs of Shopee's buyer app name several API statuses alike ("To Ship").
const toPay: LocalizedText = {
  en: "To Pay",
  ms: "Untuk Dibayar",
  "zh-Hans": "待付款",
  th: "ที่ต้องชำระ",
  vi: "Chờ thanh toán",
  "zh-Hant": "待付款",
  id: "Belum Bayar",
  "pt-BR": "A pagar",
  es: "Por pagar",
};
const toShip: LocalizedText = {
  en: "To Ship",
  ms: "Untuk Dihantar",
  "zh-Hans": "待发货",
  th: "ที่ต้องจัดส่ง",
  vi: "Chờ lấy hàng",
  "zh-Hant": "待出貨",
  id: "Dikemas",
  "pt-BR": "A enviar",
  es: "Por enviar",
};
const toReceive: LocalizedText = {
  en: "To Receive",
  ms: "Untuk Diterima",
  "zh-Hans": "待收货",
  th: "ที่ต้องได้รับ",
  vi: "Đang giao",
  "zh-Hant": "待收貨",
  id: "Dikirim",
  "pt-BR": "A receber",
  es: "Por recibir",
};
const completed: LocalizedText = {
  en: "Completed",
  ms: "Selesai",
  "zh-Hans": "已完成",
  th: "สำเร็จแล้ว",
  vi: "Hoàn thành",
  "zh-Hant": "已完成",
  id: "Selesai",
  "pt-BR": "Concluído",
  es: "Completado",
};
const cancelled: LocalizedText = {
  en: "Cancelled",
  ms: "Dibatalkan",
  "zh-Hans": "已取消",
  th: "ยกเลิกแล้ว",
  vi: "Đã hủy",
  "zh-Hant": "不成立",
  id: "Dibatalkan",
  "pt-BR": "Cancelado",
  es: "Cancelado",
};
const cancelRequested: LocalizedText = {
  en: "Cancellation requested",
  ms: "Pembatalan diminta",
  "zh-Hans": "取消申请中",
  th: "กำลังขอยกเลิก",
  vi: "Đang yêu cầu hủy",
  "zh-Hant": "取消申請中",
  id: "Pembatalan diajukan",
  "pt-BR": "Cancelamento solicitado",
  es: "Cancelación solicitada",
};
const returnRefund: LocalizedText = {
  en: "Return/Refund",
  ms: "Pemulangan/Bayaran Balik",
  "zh-Hans": "退货/退款",
  th: "คืนเงิน/คืนสินค้า",
  vi: "Trả hàng/Hoàn tiền",
  "zh-Hant": "退貨/退款",
  id: "Pengembalian",
  "pt-BR": "Devolução/Reembolso",
  es: "Devolución/Reembolso",
};

/** Shopee Open Platform v2 `order_status` values. */
export const shopeeOrderStatuses = {
  UNPAID: { state: "PENDING", label: toPay },
  READY_TO_SHIP: { state: "READY_TO_SHIP", label: toShip },
  // A shipping document was arranged: the seller's part is done, the parcel awaits pick-up.
  PROCESSED: { state: "SHIPPED", label: toShip },
  // The logistics partner failed to pick up; Shopee asks the seller to arrange shipment again.
  RETRY_SHIP: { state: "READY_TO_SHIP", label: toShip },
  SHIPPED: { state: "SHIPPED", label: toReceive },
  // Delivered; Shopee waits for the buyer to confirm receipt before releasing the payment.
  TO_CONFIRM_RECEIVE: { state: "DELIVERED", label: toReceive },
  IN_CANCEL: { state: "CANCEL_REQUESTED", label: cancelRequested },
  CANCELLED: { state: "CANCELLED", label: cancelled },
  TO_RETURN: { state: "RETURN_REQUESTED", label: returnRefund },
  COMPLETED: { state: "COMPLETED", label: completed },
} as const satisfies Record<string, NativeOrderStatus>;
