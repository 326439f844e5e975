import type { NativeOrderStatus } from "../types.ts";

/** SP-API Orders `OrderStatus` values, with the words Amazon's order pages use for them. */
export const amazonOrderStatuses = {
  PendingAvailability: {
    state: "PENDING",
    label: {
      en: "Pre-order",
      de: "Vorbestellung",
      ja: "予約注文",
      fr: "Précommande",
      es: "Preventa",
      it: "Preordine",
      "pt-BR": "Pré-venda",
    },
  },
  Pending: {
    state: "PENDING",
    label: {
      en: "Payment pending",
      de: "Zahlung ausstehend",
      ja: "支払い待ち",
      fr: "Paiement en attente",
      es: "Pago pendiente",
      it: "Pagamento in sospeso",
      "pt-BR": "Pagamento pendente",
    },
  },
  Unshipped: {
    state: "READY_TO_SHIP",
    label: {
      en: "Not yet shipped",
      de: "Noch nicht versandt",
      ja: "未発送",
      fr: "Pas encore expédié",
      es: "Aún no enviado",
      it: "Non ancora spedito",
      "pt-BR": "Ainda não enviado",
    },
  },
  PartiallyShipped: {
    state: "PARTIALLY_SHIPPED",
    label: {
      en: "Partially shipped",
      de: "Teilweise versandt",
      ja: "一部発送済み",
      fr: "Partiellement expédié",
      es: "Enviado parcialmente",
      it: "Spedito parzialmente",
      "pt-BR": "Enviado parcialmente",
    },
  },
  Shipped: {
    state: "SHIPPED",
    label: {
      en: "Shipped",
      de: "Versandt",
      ja: "発送済み",
      fr: "Expédié",
      es: "Enviado",
      it: "Spedito",
      "pt-BR": "Enviado",
    },
  },
  // Brazil and India: every item shipped, the invoice not yet confirmed.
  InvoiceUnconfirmed: {
    state: "SHIPPED",
    label: { en: "Shipped, invoice unconfirmed", "pt-BR": "Enviado, nota fiscal não confirmada" },
  },
  Canceled: {
    state: "CANCELLED",
    label: {
      en: "Cancelled",
      de: "Storniert",
      ja: "キャンセル済み",
      fr: "Annulé",
      es: "Cancelado",
      it: "Annullato",
      "pt-BR": "Cancelado",
    },
  },
  Unfulfillable: {
    state: "CANCELLED",
    label: {
      en: "Cannot be fulfilled",
      de: "Nicht lieferbar",
      ja: "出荷不可",
      fr: "Ne peut pas être traité",
      es: "No se puede completar",
      it: "Non evadibile",
      "pt-BR": "Não pode ser atendido",
    },
  },
} as const satisfies Record<string, NativeOrderStatus>;
