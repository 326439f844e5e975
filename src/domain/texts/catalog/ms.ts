import type { LocaleCatalog } from "../catalog-types.ts";

export const ms: LocaleCatalog = {
  locale: "ms",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "Menunggu kemas kini pertama daripada kurier",
      NOT_FOUND: "Nombor penjejakan belum ditemui dalam sistem kurier",
      INFO_RECEIVED: "Maklumat penghantaran diterima",
      LABEL_CREATED: "Label penghantaran telah dijana",
      IN_TRANSIT: "Dalam perjalanan",
      PICKED_UP: "Telah diambil oleh kurier",
      ARRIVED_AT_FACILITY: "Tiba di pusat pemprosesan",
      DEPARTED_FACILITY: "Telah meninggalkan pusat pemprosesan",
      EXPORT_CUSTOMS: "Dalam proses pelepasan kastam eksport",
      DEPARTED_ORIGIN_COUNTRY: "Telah meninggalkan negara asal",
      ARRIVED_DESTINATION_COUNTRY: "Tiba di negara destinasi",
      IMPORT_CUSTOMS: "Dalam proses pelepasan kastam import",
      CUSTOMS_CLEARED: "Pelepasan kastam selesai",
      HANDED_TO_LAST_MILE: "Diserahkan kepada kurier tempatan",
      OUT_FOR_DELIVERY: "Keluar untuk penghantaran",
      AVAILABLE_FOR_PICKUP: "Sedia untuk diambil",
      DELIVERED: "Berjaya dihantar",
      SIGNED: "Berjaya dihantar dan ditandatangani",
      LEFT_AT_SAFE_PLACE: "Diletakkan di tempat selamat",
      COLLECTED_BY_BUYER: "Telah diambil oleh penerima",
      DELIVERY_FAILED: "Cubaan penghantaran gagal",
      ADDRESS_ISSUE: "Penghantaran gagal: masalah alamat",
      RECIPIENT_UNAVAILABLE: "Penghantaran gagal: penerima tiada",
      REFUSED: "Ditolak oleh penerima",
      EXCEPTION: "Masalah penghantaran",
      CUSTOMS_HELD: "Ditahan oleh kastam",
      DELAYED: "Penghantaran tertangguh",
      DAMAGED: "Rosak semasa penghantaran",
      LOST: "Dilaporkan hilang",
      RETURNING_TO_SENDER: "Sedang dikembalikan kepada pengirim",
      RETURNED_TO_SENDER: "Telah dikembalikan kepada pengirim",
      STALLED: "Tiada pergerakan selama beberapa hari bekerja",
      EXPIRED: "Penjejakan tamat tanpa kemas kini akhir",
    },
    orderState: {
      PENDING: "Menunggu pembayaran",
      READY_TO_SHIP: "Sedia untuk dihantar",
      PARTIALLY_SHIPPED: "Dihantar sebahagian",
      SHIPPED: "Telah dihantar",
      DELIVERED: "Telah sampai",
      COMPLETED: "Selesai",
      CANCEL_REQUESTED: "Pembatalan dimohon",
      CANCELLED: "Dibatalkan",
      RETURN_REQUESTED: "Pemulangan dimohon",
      RETURNED: "Dipulangkan",
    },
    milestone: {
      ORDER_SHIPPED:
        "Pesanan {orderId} anda telah dihantar melalui {carrier}. Nombor penjejakan: {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Pesanan {orderId} anda telah tiba di negara anda dan akan diserahkan kepada kurier tempatan.",
      CUSTOMS_HELD:
        "Pesanan {orderId} anda sedang ditahan oleh kastam. Kami sedang berusaha untuk mendapatkan pelepasannya.",
      OUT_FOR_DELIVERY: "{carrier} akan menghantar pesanan {orderId} anda hari ini.",
      AVAILABLE_FOR_PICKUP:
        "Pesanan {orderId} anda sedia untuk diambil{days, plural, =0 {.} other {. Sila ambil dalam tempoh # hari.}}",
      DELIVERY_FAILED:
        "{carrier} tidak dapat menghantar pesanan {orderId} anda{attempts, plural, =0 {} other { (# cubaan)}}. Sila semak alamat anda atau hubungi kurier.",
      DELIVERED: "Pesanan {orderId} anda telah sampai. Semoga anda berpuas hati!",
      DELAYED:
        "Pesanan {orderId} anda mengalami kelewatan{days, plural, =0 {} other { kira-kira # hari}}. Maaf kerana membuat anda menunggu.",
      RETURNING_TO_SENDER: "Pesanan {orderId} anda sedang dikembalikan kepada penjual.",
    },
    eta: {
      lane: "Berdasarkan {count, plural, other {#}} penghantaran di laluan {lane}",
      shrunk:
        "Sedikit penghantaran di laluan ini, jadi digabungkan dengan {lane} ({count, plural, other {#}} penghantaran)",
      priorPromise:
        "Sejarah masih sedikit: bermula daripada tempoh yang dijanjikan pasaran ({from}–{to} hari bekerja)",
      priorChannel: "Sejarah masih sedikit: bermula daripada {source} ({from}–{to} hari bekerja)",
      priorCarrier:
        "Sejarah masih sedikit: bermula daripada tempoh yang diterbitkan oleh syarikat penghantaran, {source} ({from}–{to} hari bekerja)",
      priorDefault:
        "Sejarah masih sedikit: bermula daripada nilai lalai trackline ({from}–{to} hari bekerja)",
      businessDays: "Dikira dalam hari bekerja {country}: hujung minggu dan cuti umum dilangkau",
      holidayOrigin: "Menunggu di tempat asal sehingga {holiday} ({date}) berlalu",
      holidayDestination: "{holiday} ({date}) dilangkau di destinasi",
      from: "Dikira dari {point, select, ORDERED {tarikh pesanan} SHIPPED {penyerahan kepada syarikat penghantaran} other {peringkat terkini}}, {date}",
      pastPromise: "Mungkin tiba selepas tarikh yang dijanjikan, {date}",
    },
    exception: {
      STALLED:
        "Tiada imbasan kurier selama {days, plural, other {# hari bekerja}}, lebih lama daripada biasa pada peringkat ini di laluan ini. Minta {carrier} mengesan bungkusan dan beritahu pembeli bahawa anda sedang menguruskannya.",
      DELIVERY_FAILED:
        "{carrier} tidak dapat menghantar bungkusan. Semak alamat dengan pembeli dan aturkan penghantaran semula atau pengambilan dengan {carrier}.",
      CUSTOMS_HELD:
        "Kastam menahan bungkusan. Hantar invois dan dokumen kastam kepada {carrier}, dan tanya sama ada duti perlu dibayar.",
      RETURNING_TO_SENDER:
        "Bungkusan sedang dipulangkan kepada anda. Hubungi pembeli untuk menawarkan penghantaran baharu atau bayaran balik sebelum mereka membuat tuntutan.",
      LATE: "Bungkusan sepatutnya tiba selewat-lewatnya {date} dan belum dihantar. Beritahu pembeli, dan pertimbangkan penggantian atau bayaran balik separa.",
      NO_SCAN_AFTER_CONFIRMATION:
        "Nombor penjejakan telah disahkan {days, plural, other {# hari bekerja}} yang lalu dan {carrier} belum mengimbas bungkusan. Pastikan bungkusan telah diserahkan, atau betulkan nombor penjejakan.",
    },
  },
};
