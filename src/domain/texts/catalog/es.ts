import type { LocaleCatalog } from "../catalog-types.ts";

export const es: LocaleCatalog = {
  locale: "es",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "Esperando la primera actualización del transportista",
      NOT_FOUND: "Número de seguimiento aún no registrado por el transportista",
      INFO_RECEIVED: "Información de envío recibida",
      LABEL_CREATED: "Etiqueta de envío creada",
      IN_TRANSIT: "En tránsito",
      PICKED_UP: "Recogido por el transportista",
      ARRIVED_AT_FACILITY: "Llegó a un centro de distribución",
      DEPARTED_FACILITY: "Salió de un centro de distribución",
      EXPORT_CUSTOMS: "En trámite de aduana de exportación",
      DEPARTED_ORIGIN_COUNTRY: "Salió del país de origen",
      ARRIVED_DESTINATION_COUNTRY: "Llegó al país de destino",
      IMPORT_CUSTOMS: "En trámite de aduana de importación",
      CUSTOMS_CLEARED: "Liberado por la aduana",
      HANDED_TO_LAST_MILE: "Entregado al transportista local",
      OUT_FOR_DELIVERY: "En reparto",
      AVAILABLE_FOR_PICKUP: "Listo para recoger",
      DELIVERED: "Entregado",
      SIGNED: "Entregado con firma",
      LEFT_AT_SAFE_PLACE: "Entregado en un lugar seguro",
      COLLECTED_BY_BUYER: "Recogido por el destinatario",
      DELIVERY_FAILED: "Intento de entrega fallido",
      ADDRESS_ISSUE: "Entrega fallida: problema con la dirección",
      RECIPIENT_UNAVAILABLE: "Entrega fallida: destinatario ausente",
      REFUSED: "Rechazado por el destinatario",
      EXCEPTION: "Incidencia en el envío",
      CUSTOMS_HELD: "Retenido en aduana",
      DELAYED: "Retrasado",
      DAMAGED: "Dañado durante el transporte",
      LOST: "Reportado como extraviado",
      RETURNING_TO_SENDER: "En devolución al remitente",
      RETURNED_TO_SENDER: "Devuelto al remitente",
      STALLED: "Sin movimiento desde hace varios días hábiles",
      EXPIRED: "Seguimiento finalizado sin actualización final",
    },
    orderState: {
      PENDING: "Pendiente de pago",
      READY_TO_SHIP: "Listo para enviar",
      PARTIALLY_SHIPPED: "Enviado parcialmente",
      SHIPPED: "Enviado",
      DELIVERED: "Entregado",
      COMPLETED: "Completado",
      CANCEL_REQUESTED: "Cancelación solicitada",
      CANCELLED: "Cancelado",
      RETURN_REQUESTED: "Devolución solicitada",
      RETURNED: "Devuelto",
    },
    milestone: {
      ORDER_SHIPPED:
        "Tu pedido {orderId} ya está en camino con {carrier}. Número de seguimiento: {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Tu pedido {orderId} llegó a tu país y pronto pasará a manos del transportista local.",
      CUSTOMS_HELD:
        "Tu pedido {orderId} está retenido en aduana. Estamos trabajando para que lo liberen.",
      OUT_FOR_DELIVERY: "{carrier} entregará hoy tu pedido {orderId}.",
      AVAILABLE_FOR_PICKUP:
        "Tu pedido {orderId} está listo para recoger{days, plural, =0 {.} one {. Recógelo en un plazo de # día.} other {. Recógelo en un plazo de # días.}}",
      DELIVERY_FAILED:
        "{carrier} no pudo entregar tu pedido {orderId}{attempts, plural, =0 {} one { (# intento)} other { (# intentos)}}. Revisa tu dirección o ponte en contacto con el transportista.",
      DELIVERED: "Tu pedido {orderId} fue entregado. ¡Que lo disfrutes!",
      DELAYED:
        "Tu pedido {orderId} está retrasado{days, plural, =0 {} one { alrededor de # día} other { alrededor de # días}}. Disculpa la espera.",
      RETURNING_TO_SENDER: "Tu pedido {orderId} se está devolviendo al vendedor.",
    },
    eta: {
      lane: "Basado en {count, plural, one {# entrega} other {# entregas}} en {lane}",
      shrunk:
        "Pocas entregas en esta ruta, combinada con {lane} ({count, plural, one {# entrega} other {# entregas}})",
      priorPromise:
        "Aún poco historial: se parte de la ventana prometida por el marketplace ({from}–{to} días hábiles)",
      priorChannel: "Aún poco historial: se parte de {source} ({from}–{to} días hábiles)",
      priorCarrier:
        "Aún poco historial: se parte del plazo publicado por la paquetería, {source} ({from}–{to} días hábiles)",
      priorDefault:
        "Aún poco historial: se parte del valor predeterminado de trackline ({from}–{to} días hábiles)",
      businessDays: "Contado en días hábiles de {country}: sin fines de semana ni festivos",
      holidayOrigin: "Espera en origen hasta después de {holiday} ({date})",
      holidayDestination: "{holiday} ({date}) no contado en destino",
      from: "Contado desde {point, select, ORDERED {la fecha del pedido} SHIPPED {la entrega a la paquetería} other {el último hito}}, {date}",
      pastPromise: "Puede llegar después de la fecha prometida, {date}",
    },
    exception: {
      STALLED:
        "Sin escaneo del transportista desde hace {days, plural, one {# día hábil} other {# días hábiles}}, más de lo habitual en esta etapa de esta ruta. Pide a {carrier} que rastree el paquete y dile al comprador que lo estás revisando.",
      DELIVERY_FAILED:
        "{carrier} no pudo entregar el paquete. Comprueba la dirección con el comprador y organiza un nuevo intento o una recogida con {carrier}.",
      CUSTOMS_HELD:
        "La aduana retiene el paquete. Envía a {carrier} la factura y los documentos aduaneros, y pregunta si hay aranceles pendientes.",
      RETURNING_TO_SENDER:
        "El paquete vuelve a ti. Contacta al comprador para ofrecer un nuevo envío o un reembolso antes de que abra una reclamación.",
      LATE: "El paquete debía llegar a más tardar el {date} y no se ha entregado. Avisa al comprador y considera un reemplazo o un reembolso parcial.",
      NO_SCAN_AFTER_CONFIRMATION:
        "El número de seguimiento se confirmó hace {days, plural, one {# día hábil} other {# días hábiles}} y {carrier} aún no ha escaneado el paquete. Comprueba que se entregó al transportista o corrige el número de seguimiento.",
    },
  },
};
