import type { LocaleCatalog } from "../catalog-types.ts";

export const id: LocaleCatalog = {
  locale: "id",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "Menunggu pembaruan pertama dari kurir",
      NOT_FOUND: "Nomor resi belum ditemukan di sistem kurir",
      INFO_RECEIVED: "Informasi pengiriman diterima",
      LABEL_CREATED: "Label pengiriman telah dibuat",
      IN_TRANSIT: "Dalam perjalanan",
      PICKED_UP: "Paket telah diambil oleh kurir",
      ARRIVED_AT_FACILITY: "Tiba di pusat sortir",
      DEPARTED_FACILITY: "Telah meninggalkan pusat sortir",
      EXPORT_CUSTOMS: "Dalam proses bea cukai ekspor",
      DEPARTED_ORIGIN_COUNTRY: "Telah meninggalkan negara asal",
      ARRIVED_DESTINATION_COUNTRY: "Tiba di negara tujuan",
      IMPORT_CUSTOMS: "Dalam proses bea cukai impor",
      CUSTOMS_CLEARED: "Lolos bea cukai",
      HANDED_TO_LAST_MILE: "Diserahkan ke kurir lokal",
      OUT_FOR_DELIVERY: "Sedang diantar ke alamat tujuan",
      AVAILABLE_FOR_PICKUP: "Siap diambil",
      DELIVERED: "Terkirim",
      SIGNED: "Terkirim dan ditandatangani penerima",
      LEFT_AT_SAFE_PLACE: "Diletakkan di tempat yang aman",
      COLLECTED_BY_BUYER: "Telah diambil oleh penerima",
      DELIVERY_FAILED: "Percobaan pengiriman gagal",
      ADDRESS_ISSUE: "Gagal dikirim: masalah alamat",
      RECIPIENT_UNAVAILABLE: "Gagal dikirim: penerima tidak di tempat",
      REFUSED: "Ditolak oleh penerima",
      EXCEPTION: "Kendala pengiriman",
      CUSTOMS_HELD: "Ditahan bea cukai",
      DELAYED: "Pengiriman tertunda",
      DAMAGED: "Rusak dalam perjalanan",
      LOST: "Dilaporkan hilang",
      RETURNING_TO_SENDER: "Dalam proses retur ke pengirim",
      RETURNED_TO_SENDER: "Telah dikembalikan ke pengirim",
      STALLED: "Tidak ada pergerakan selama beberapa hari kerja",
      EXPIRED: "Pelacakan berakhir tanpa pembaruan akhir",
    },
    orderState: {
      PENDING: "Menunggu pembayaran",
      READY_TO_SHIP: "Siap dikirim",
      PARTIALLY_SHIPPED: "Dikirim sebagian",
      SHIPPED: "Dikirim",
      DELIVERED: "Terkirim",
      COMPLETED: "Selesai",
      CANCEL_REQUESTED: "Pembatalan diajukan",
      CANCELLED: "Dibatalkan",
      RETURN_REQUESTED: "Pengembalian diajukan",
      RETURNED: "Dikembalikan",
    },
    milestone: {
      ORDER_SHIPPED:
        "Pesanan {orderId} Anda telah dikirim melalui {carrier}. Nomor resi: {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Pesanan {orderId} Anda telah tiba di negara Anda dan akan segera diserahkan ke kurir lokal.",
      CUSTOMS_HELD:
        "Pesanan {orderId} Anda sedang ditahan bea cukai. Kami sedang mengupayakan agar pesanan segera dilepaskan.",
      OUT_FOR_DELIVERY: "Pesanan {orderId} Anda sedang diantar oleh {carrier} hari ini.",
      AVAILABLE_FOR_PICKUP:
        "Pesanan {orderId} Anda siap diambil{days, plural, =0 {.} other {. Harap ambil dalam # hari.}}",
      DELIVERY_FAILED:
        "{carrier} tidak berhasil mengantarkan pesanan {orderId} Anda{attempts, plural, =0 {} other { (# kali percobaan)}}. Silakan periksa alamat Anda atau hubungi kurir.",
      DELIVERED: "Pesanan {orderId} Anda telah sampai. Semoga Anda suka!",
      DELAYED:
        "Pesanan {orderId} Anda mengalami keterlambatan{days, plural, =0 {} other { sekitar # hari}}. Mohon maaf telah membuat Anda menunggu.",
      RETURNING_TO_SENDER: "Pesanan {orderId} Anda sedang dikembalikan ke penjual.",
    },
    eta: {
      lane: "Berdasarkan {count, plural, other {#}} pengiriman di rute {lane}",
      shrunk:
        "Pengiriman di rute ini sedikit, jadi digabung dengan {lane} ({count, plural, other {#}} pengiriman)",
      priorPromise:
        "Riwayat masih sedikit: dimulai dari rentang yang dijanjikan marketplace ({from}–{to} hari kerja)",
      priorChannel: "Riwayat masih sedikit: dimulai dari {source} ({from}–{to} hari kerja)",
      priorCarrier:
        "Riwayat masih sedikit: dimulai dari standar yang diumumkan kurir, {source} ({from}–{to} hari kerja)",
      priorDefault:
        "Riwayat masih sedikit: dimulai dari nilai bawaan trackline ({from}–{to} hari kerja)",
      businessDays:
        "Dihitung dalam hari kerja {country}: akhir pekan dan hari libur nasional dilewati",
      holidayOrigin: "Menunggu di asal hingga {holiday} ({date}) berlalu",
      holidayDestination: "{holiday} ({date}) dilewati di tujuan",
      from: "Dihitung sejak {point, select, ORDERED {tanggal pesanan} SHIPPED {serah terima ke kurir} other {status terakhir}}, {date}",
      pastPromise: "Mungkin tiba setelah tanggal yang dijanjikan, {date}",
    },
    exception: {
      STALLED:
        "Tidak ada pemindaian kurir selama {days, plural, other {# hari kerja}}, lebih lama dari biasanya di tahap ini pada rute ini. Minta {carrier} melacak paket dan beri tahu pembeli bahwa Anda sedang menanganinya.",
      DELIVERY_FAILED:
        "{carrier} gagal mengantar paket. Periksa alamat dengan pembeli dan atur pengantaran ulang atau pengambilan dengan {carrier}.",
      CUSTOMS_HELD:
        "Bea cukai menahan paket. Kirim faktur dan dokumen kepabeanan ke {carrier}, dan tanyakan apakah ada bea yang harus dibayar.",
      RETURNING_TO_SENDER:
        "Paket sedang dikembalikan kepada Anda. Hubungi pembeli untuk menawarkan pengiriman ulang atau pengembalian dana sebelum mereka mengajukan klaim.",
      LATE: "Paket seharusnya tiba paling lambat {date} dan belum terkirim. Beri tahu pembeli, dan pertimbangkan penggantian atau pengembalian dana sebagian.",
      NO_SCAN_AFTER_CONFIRMATION:
        "Nomor resi sudah dikonfirmasi {days, plural, other {# hari kerja}} yang lalu dan {carrier} belum memindai paket. Pastikan paket sudah diserahkan, atau perbaiki nomor resi.",
    },
  },
};
