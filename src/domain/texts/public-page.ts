import type { SupportedLocale } from "../../vocabulary/index.ts";

/** The words around the timeline on the buyer's tracking page (`/t/<token>`). */
export interface PublicPageTexts {
  title: string;
  status: string;
  estimate: string;
  carrier: string;
  timeline: string;
  noEvents: string;
  notFoundTitle: string;
  notFoundBody: string;
  tooMany: string;
}

/** Everything but en is a machine draft (decision 025): review: "machine-draft". */
export const PUBLIC_PAGE_TEXTS: Readonly<Record<SupportedLocale, PublicPageTexts>> = {
  en: {
    title: "Your parcel",
    status: "Status",
    estimate: "Expected delivery",
    carrier: "Carrier",
    timeline: "Tracking history",
    noEvents: "No scans yet.",
    notFoundTitle: "Tracking link not found",
    notFoundBody: "This tracking link is unknown or no longer valid. Ask the seller for a new one.",
    tooMany: "Too many requests from your network. Please try again in a minute.",
  },
  "zh-Hans": {
    title: "您的包裹",
    status: "状态",
    estimate: "预计送达",
    carrier: "承运商",
    timeline: "物流记录",
    noEvents: "暂无扫描记录。",
    notFoundTitle: "未找到跟踪链接",
    notFoundBody: "此跟踪链接不存在或已失效。请向卖家索取新链接。",
    tooMany: "来自您网络的请求过多。请一分钟后再试。",
  },
  "zh-Hant": {
    title: "您的包裹",
    status: "狀態",
    estimate: "預計送達",
    carrier: "承運商",
    timeline: "物流紀錄",
    noEvents: "尚無掃描紀錄。",
    notFoundTitle: "找不到追蹤連結",
    notFoundBody: "此追蹤連結不存在或已失效。請向賣家索取新連結。",
    tooMany: "來自您網路的請求過多。請一分鐘後再試。",
  },
  ja: {
    title: "お荷物",
    status: "状況",
    estimate: "お届け予定",
    carrier: "配送業者",
    timeline: "配送履歴",
    noEvents: "まだスキャン記録はありません。",
    notFoundTitle: "追跡リンクが見つかりません",
    notFoundBody:
      "この追跡リンクは存在しないか、無効になっています。販売者に新しいリンクをお尋ねください。",
    tooMany:
      "お使いのネットワークからのアクセスが多すぎます。1分ほどしてからもう一度お試しください。",
  },
  ko: {
    title: "고객님의 소포",
    status: "상태",
    estimate: "도착 예정",
    carrier: "배송사",
    timeline: "배송 기록",
    noEvents: "아직 스캔 기록이 없습니다.",
    notFoundTitle: "추적 링크를 찾을 수 없습니다",
    notFoundBody:
      "이 추적 링크는 존재하지 않거나 더 이상 유효하지 않습니다. 판매자에게 새 링크를 요청하세요.",
    tooMany: "네트워크에서 요청이 너무 많습니다. 1분 후에 다시 시도하세요.",
  },
  de: {
    title: "Ihr Paket",
    status: "Status",
    estimate: "Voraussichtliche Zustellung",
    carrier: "Versanddienstleister",
    timeline: "Sendungsverlauf",
    noEvents: "Noch keine Scans.",
    notFoundTitle: "Sendungslink nicht gefunden",
    notFoundBody:
      "Dieser Sendungslink ist unbekannt oder nicht mehr gültig. Bitten Sie den Verkäufer um einen neuen.",
    tooMany: "Zu viele Anfragen aus Ihrem Netzwerk. Bitte versuchen Sie es in einer Minute erneut.",
  },
  fr: {
    title: "Votre colis",
    status: "Statut",
    estimate: "Livraison prévue",
    carrier: "Transporteur",
    timeline: "Historique du suivi",
    noEvents: "Aucun scan pour le moment.",
    notFoundTitle: "Lien de suivi introuvable",
    notFoundBody:
      "Ce lien de suivi est inconnu ou n’est plus valide. Demandez-en un nouveau au vendeur.",
    tooMany: "Trop de requêtes depuis votre réseau. Réessayez dans une minute.",
  },
  es: {
    title: "Tu paquete",
    status: "Estado",
    estimate: "Entrega prevista",
    carrier: "Transportista",
    timeline: "Historial de seguimiento",
    noEvents: "Aún no hay escaneos.",
    notFoundTitle: "Enlace de seguimiento no encontrado",
    notFoundBody:
      "Este enlace de seguimiento no existe o ya no es válido. Pide uno nuevo al vendedor.",
    tooMany: "Demasiadas solicitudes desde tu red. Vuelve a intentarlo en un minuto.",
  },
  it: {
    title: "Il tuo pacco",
    status: "Stato",
    estimate: "Consegna prevista",
    carrier: "Corriere",
    timeline: "Cronologia della spedizione",
    noEvents: "Nessuna scansione per ora.",
    notFoundTitle: "Link di tracciamento non trovato",
    notFoundBody:
      "Questo link di tracciamento è sconosciuto o non è più valido. Chiedine uno nuovo al venditore.",
    tooMany: "Troppe richieste dalla tua rete. Riprova tra un minuto.",
  },
  "pt-BR": {
    title: "Seu pacote",
    status: "Status",
    estimate: "Entrega prevista",
    carrier: "Transportadora",
    timeline: "Histórico de rastreamento",
    noEvents: "Ainda não há leituras.",
    notFoundTitle: "Link de rastreamento não encontrado",
    notFoundBody:
      "Este link de rastreamento é desconhecido ou não é mais válido. Peça um novo ao vendedor.",
    tooMany: "Muitas solicitações da sua rede. Tente novamente em um minuto.",
  },
  th: {
    title: "พัสดุของคุณ",
    status: "สถานะ",
    estimate: "กำหนดส่งโดยประมาณ",
    carrier: "ผู้ให้บริการขนส่ง",
    timeline: "ประวัติการติดตาม",
    noEvents: "ยังไม่มีการสแกน",
    notFoundTitle: "ไม่พบลิงก์ติดตามพัสดุ",
    notFoundBody: "ลิงก์ติดตามพัสดุนี้ไม่มีอยู่หรือใช้ไม่ได้แล้ว โปรดขอลิงก์ใหม่จากผู้ขาย",
    tooMany: "มีคำขอจากเครือข่ายของคุณมากเกินไป โปรดลองอีกครั้งในอีกหนึ่งนาที",
  },
  vi: {
    title: "Bưu kiện của bạn",
    status: "Trạng thái",
    estimate: "Dự kiến giao hàng",
    carrier: "Đơn vị vận chuyển",
    timeline: "Lịch sử vận chuyển",
    noEvents: "Chưa có lượt quét nào.",
    notFoundTitle: "Không tìm thấy liên kết theo dõi",
    notFoundBody:
      "Liên kết theo dõi này không tồn tại hoặc không còn hiệu lực. Hãy xin người bán một liên kết mới.",
    tooMany: "Có quá nhiều yêu cầu từ mạng của bạn. Vui lòng thử lại sau một phút.",
  },
  id: {
    title: "Paket Anda",
    status: "Status",
    estimate: "Perkiraan tiba",
    carrier: "Kurir",
    timeline: "Riwayat pelacakan",
    noEvents: "Belum ada pemindaian.",
    notFoundTitle: "Tautan pelacakan tidak ditemukan",
    notFoundBody:
      "Tautan pelacakan ini tidak dikenal atau sudah tidak berlaku. Mintalah tautan baru kepada penjual.",
    tooMany: "Terlalu banyak permintaan dari jaringan Anda. Coba lagi dalam satu menit.",
  },
  ms: {
    title: "Bungkusan anda",
    status: "Status",
    estimate: "Jangkaan penghantaran",
    carrier: "Syarikat penghantaran",
    timeline: "Sejarah penjejakan",
    noEvents: "Belum ada imbasan.",
    notFoundTitle: "Pautan penjejakan tidak ditemui",
    notFoundBody:
      "Pautan penjejakan ini tidak dikenali atau tidak sah lagi. Minta pautan baharu daripada penjual.",
    tooMany: "Terlalu banyak permintaan daripada rangkaian anda. Cuba lagi dalam seminit.",
  },
};

/** Scripts written right to left; none of the supported locales today, but the page asks. */
const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"]);

export function textDirection(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(locale.split("-")[0]!.toLowerCase()) ? "rtl" : "ltr";
}
