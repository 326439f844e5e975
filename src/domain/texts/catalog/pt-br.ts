import type { LocaleCatalog } from "../catalog-types.ts";

export const ptBR: LocaleCatalog = {
  locale: "pt-BR",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "Aguardando a primeira atualização da transportadora",
      NOT_FOUND: "Código de rastreamento ainda não localizado na transportadora",
      INFO_RECEIVED: "Informações de envio recebidas",
      LABEL_CREATED: "Etiqueta de envio gerada",
      IN_TRANSIT: "Em trânsito",
      PICKED_UP: "Coletado pela transportadora",
      ARRIVED_AT_FACILITY: "Chegou a um centro de distribuição",
      DEPARTED_FACILITY: "Saiu de um centro de distribuição",
      EXPORT_CUSTOMS: "Em desembaraço aduaneiro de exportação",
      DEPARTED_ORIGIN_COUNTRY: "Saiu do país de origem",
      ARRIVED_DESTINATION_COUNTRY: "Chegou ao país de destino",
      IMPORT_CUSTOMS: "Em desembaraço aduaneiro de importação",
      CUSTOMS_CLEARED: "Liberado pela alfândega",
      HANDED_TO_LAST_MILE: "Repassado à transportadora local",
      OUT_FOR_DELIVERY: "Saiu para entrega",
      AVAILABLE_FOR_PICKUP: "Disponível para retirada",
      DELIVERED: "Entregue",
      SIGNED: "Entregue com assinatura",
      LEFT_AT_SAFE_PLACE: "Entregue em local seguro",
      COLLECTED_BY_BUYER: "Retirado pelo destinatário",
      DELIVERY_FAILED: "Tentativa de entrega sem sucesso",
      ADDRESS_ISSUE: "Entrega não realizada: problema no endereço",
      RECIPIENT_UNAVAILABLE: "Entrega não realizada: destinatário ausente",
      REFUSED: "Recusado pelo destinatário",
      EXCEPTION: "Problema com o envio",
      CUSTOMS_HELD: "Retido na alfândega",
      DELAYED: "Atrasado",
      DAMAGED: "Danificado durante o transporte",
      LOST: "Registrado como extraviado",
      RETURNING_TO_SENDER: "Em devolução ao remetente",
      RETURNED_TO_SENDER: "Devolvido ao remetente",
      STALLED: "Sem movimentação há vários dias úteis",
      EXPIRED: "Rastreamento encerrado sem atualização final",
    },
    orderState: {
      PENDING: "Aguardando pagamento",
      READY_TO_SHIP: "Pronto para envio",
      PARTIALLY_SHIPPED: "Enviado parcialmente",
      SHIPPED: "Enviado",
      DELIVERED: "Entregue",
      COMPLETED: "Concluído",
      CANCEL_REQUESTED: "Cancelamento solicitado",
      CANCELLED: "Cancelado",
      RETURN_REQUESTED: "Devolução solicitada",
      RETURNED: "Devolvido",
    },
    milestone: {
      ORDER_SHIPPED:
        "Seu pedido {orderId} foi enviado via {carrier}. Código de rastreamento: {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Seu pedido {orderId} chegou ao seu país e será repassado à transportadora local.",
      CUSTOMS_HELD:
        "Seu pedido {orderId} está retido na alfândega. Estamos trabalhando para liberá-lo.",
      OUT_FOR_DELIVERY: "Seu pedido {orderId} saiu para entrega hoje via {carrier}.",
      AVAILABLE_FOR_PICKUP:
        "Seu pedido {orderId} está disponível para retirada{days, plural, =0 {.} one {. Retire em até # dia.} other {. Retire em até # dias.}}",
      DELIVERY_FAILED:
        "{carrier} não conseguiu entregar seu pedido {orderId}{attempts, plural, =0 {} one { (# tentativa)} other { (# tentativas)}}. Confira seu endereço ou entre em contato com a transportadora.",
      DELIVERED: "Seu pedido {orderId} foi entregue. Aproveite!",
      DELAYED:
        "Seu pedido {orderId} está atrasado{days, plural, =0 {} one { em cerca de # dia} other { em cerca de # dias}}. Desculpe pela demora.",
      RETURNING_TO_SENDER: "Seu pedido {orderId} está sendo devolvido ao vendedor.",
    },
    eta: {
      lane: "Com base em {count, plural, one {# entrega} other {# entregas}} na rota {lane}",
      shrunk:
        "Poucas entregas nesta rota, combinada com {lane} ({count, plural, one {# entrega} other {# entregas}})",
      priorPromise:
        "Ainda pouco histórico: partiu da janela prometida pelo marketplace ({from}–{to} dias úteis)",
      priorChannel: "Ainda pouco histórico: partiu de {source} ({from}–{to} dias úteis)",
      priorCarrier:
        "Ainda pouco histórico: partiu do prazo publicado pela transportadora, {source} ({from}–{to} dias úteis)",
      priorDefault: "Ainda pouco histórico: partiu do padrão do trackline ({from}–{to} dias úteis)",
      businessDays: "Contado em dias úteis de {country}: fins de semana e feriados excluídos",
      holidayOrigin: "Aguarda na origem até depois de {holiday} ({date})",
      holidayDestination: "{holiday} ({date}) não contado no destino",
      from: "Contado a partir {point, select, ORDERED {da data do pedido} SHIPPED {da entrega à transportadora} other {da última etapa}}, {date}",
      pastPromise: "Pode chegar depois da data prometida, {date}",
    },
    exception: {
      STALLED:
        "Sem leitura da transportadora há {days, plural, one {# dia útil} other {# dias úteis}}, mais do que o normal nesta etapa desta rota. Peça à {carrier} que rastreie o pacote e avise o comprador que você está acompanhando.",
      DELIVERY_FAILED:
        "A {carrier} não conseguiu entregar o pacote. Confirme o endereço com o comprador e combine uma nova tentativa ou retirada com a {carrier}.",
      CUSTOMS_HELD:
        "A alfândega reteve o pacote. Envie à {carrier} a nota fiscal e os documentos aduaneiros e pergunte se há impostos a pagar.",
      RETURNING_TO_SENDER:
        "O pacote está voltando para você. Fale com o comprador e ofereça um novo envio ou reembolso antes que ele abra uma reclamação.",
      LATE: "O pacote deveria chegar até {date} e não foi entregue. Avise o comprador e considere um reenvio ou um reembolso parcial.",
      NO_SCAN_AFTER_CONFIRMATION:
        "O código de rastreio foi confirmado há {days, plural, one {# dia útil} other {# dias úteis}} e a {carrier} ainda não leu o pacote. Confirme que ele foi postado ou corrija o código de rastreio.",
    },
  },
};
