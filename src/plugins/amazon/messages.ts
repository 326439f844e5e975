import type { MarketplacePlugin } from "../types.ts";

/** Amazon's own words on its order pages: "Arriving" for a parcel on its way. */
export const amazonTexts: MarketplacePlugin["texts"] = {
  en: {
    status: { IN_TRANSIT: "Arriving", OUT_FOR_DELIVERY: "Out for delivery today" },
    milestone: {
      ORDER_SHIPPED:
        "Your Amazon order {orderId} has shipped with {carrier}. Track it with {trackingNumber}.",
    },
  },
  de: { status: { IN_TRANSIT: "Unterwegs", OUT_FOR_DELIVERY: "Heute in Zustellung" } },
  ja: { status: { IN_TRANSIT: "お届け予定", OUT_FOR_DELIVERY: "本日お届け予定" } },
  fr: { status: { IN_TRANSIT: "En cours d'acheminement" } },
  es: { status: { IN_TRANSIT: "En camino" } },
  it: { status: { IN_TRANSIT: "In arrivo" } },
  "pt-BR": { status: { IN_TRANSIT: "A caminho" } },
};
