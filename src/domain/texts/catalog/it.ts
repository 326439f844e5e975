import type { LocaleCatalog } from "../catalog-types.ts";

export const it: LocaleCatalog = {
  locale: "it",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "In attesa del primo aggiornamento del corriere",
      NOT_FOUND: "Codice di tracciamento non ancora disponibile presso il corriere",
      INFO_RECEIVED: "Informazioni di spedizione ricevute",
      LABEL_CREATED: "Etichetta di spedizione creata",
      IN_TRANSIT: "In transito",
      PICKED_UP: "Ritirato dal corriere",
      ARRIVED_AT_FACILITY: "Arrivato in un centro di smistamento",
      DEPARTED_FACILITY: "Partito da un centro di smistamento",
      EXPORT_CUSTOMS: "In sdoganamento all’esportazione",
      DEPARTED_ORIGIN_COUNTRY: "Partito dal paese di origine",
      ARRIVED_DESTINATION_COUNTRY: "Arrivato nel paese di destinazione",
      IMPORT_CUSTOMS: "In sdoganamento all’importazione",
      CUSTOMS_CLEARED: "Sdoganato",
      HANDED_TO_LAST_MILE: "Affidato al corriere locale per la consegna",
      OUT_FOR_DELIVERY: "In consegna",
      AVAILABLE_FOR_PICKUP: "Pronto per il ritiro",
      DELIVERED: "Consegnato",
      SIGNED: "Consegnato con firma",
      LEFT_AT_SAFE_PLACE: "Lasciato in un luogo sicuro",
      COLLECTED_BY_BUYER: "Ritirato dal destinatario",
      DELIVERY_FAILED: "Tentativo di consegna non riuscito",
      ADDRESS_ISSUE: "Consegna non riuscita: problema con l’indirizzo",
      RECIPIENT_UNAVAILABLE: "Consegna non riuscita: destinatario assente",
      REFUSED: "Rifiutato dal destinatario",
      EXCEPTION: "Anomalia nella spedizione",
      CUSTOMS_HELD: "Trattenuto in dogana",
      DELAYED: "In ritardo",
      DAMAGED: "Danneggiato durante il trasporto",
      LOST: "Segnalato come smarrito",
      RETURNING_TO_SENDER: "In restituzione al mittente",
      RETURNED_TO_SENDER: "Restituito al mittente",
      STALLED: "Nessun movimento da diversi giorni lavorativi",
      EXPIRED: "Tracciamento terminato senza un aggiornamento finale",
    },
    orderState: {
      PENDING: "In attesa di pagamento",
      READY_TO_SHIP: "Pronto per la spedizione",
      PARTIALLY_SHIPPED: "Spedito parzialmente",
      SHIPPED: "Spedito",
      DELIVERED: "Consegnato",
      COMPLETED: "Completato",
      CANCEL_REQUESTED: "Annullamento richiesto",
      CANCELLED: "Annullato",
      RETURN_REQUESTED: "Reso richiesto",
      RETURNED: "Restituito",
    },
    milestone: {
      ORDER_SHIPPED:
        "Il tuo ordine {orderId} è stato spedito con {carrier}. Codice di tracciamento: {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Il tuo ordine {orderId} è arrivato nel tuo paese e verrà affidato al corriere locale.",
      CUSTOMS_HELD:
        "Il tuo ordine {orderId} è trattenuto in dogana. Ci stiamo occupando dello sblocco.",
      OUT_FOR_DELIVERY: "Il tuo ordine {orderId} è in consegna oggi con {carrier}.",
      AVAILABLE_FOR_PICKUP:
        "Il tuo ordine {orderId} è pronto per il ritiro{days, plural, =0 {.} one {. Ritiralo entro # giorno.} other {. Ritiralo entro # giorni.}}",
      DELIVERY_FAILED:
        "{carrier} non è riuscito a consegnare il tuo ordine {orderId}{attempts, plural, =0 {} one { (# tentativo)} other { (# tentativi)}}. Controlla il tuo indirizzo o contatta il corriere.",
      DELIVERED: "Il tuo ordine {orderId} è stato consegnato. Goditi il tuo acquisto!",
      DELAYED:
        "Il tuo ordine {orderId} è in ritardo{days, plural, =0 {} one { di circa # giorno} other { di circa # giorni}}. Ci scusiamo per l’attesa.",
      RETURNING_TO_SENDER: "Il tuo ordine {orderId} è in restituzione al venditore.",
    },
    eta: {
      lane: "In base a {count, plural, one {# consegna} other {# consegne}} sulla tratta {lane}",
      shrunk:
        "Poche consegne su questa tratta, combinata con {lane} ({count, plural, one {# consegna} other {# consegne}})",
      priorPromise:
        "Ancora poco storico: si parte dalla finestra promessa dal marketplace ({from}–{to} giorni lavorativi)",
      priorChannel: "Ancora poco storico: si parte da {source} ({from}–{to} giorni lavorativi)",
      priorCarrier:
        "Ancora poco storico: si parte dai tempi pubblicati dal corriere, {source} ({from}–{to} giorni lavorativi)",
      priorDefault:
        "Ancora poco storico: si parte dal valore predefinito di trackline ({from}–{to} giorni lavorativi)",
      businessDays: "Contato in giorni lavorativi di {country}: esclusi fine settimana e festivi",
      holidayOrigin: "In attesa all'origine fino a dopo {holiday} ({date})",
      holidayDestination: "{holiday} ({date}) escluso a destinazione",
      from: "Contato da {point, select, ORDERED {la data dell'ordine} SHIPPED {la consegna al corriere} other {l'ultima tappa}}, {date}",
      pastPromise: "Potrebbe arrivare dopo la data promessa, {date}",
    },
    exception: {
      STALLED:
        "Nessuna scansione del corriere da {days, plural, one {# giorno lavorativo} other {# giorni lavorativi}}, più del solito in questa fase su questa tratta. Chiedi a {carrier} di rintracciare il pacco e avvisa l'acquirente che te ne stai occupando.",
      DELIVERY_FAILED:
        "{carrier} non è riuscito a consegnare il pacco. Verifica l'indirizzo con l'acquirente e organizza un nuovo tentativo o un ritiro con {carrier}.",
      CUSTOMS_HELD:
        "La dogana trattiene il pacco. Invia a {carrier} la fattura e i documenti doganali e chiedi se sono dovuti dazi.",
      RETURNING_TO_SENDER:
        "Il pacco sta tornando da te. Contatta l'acquirente per offrire una nuova spedizione o un rimborso prima che apra un reclamo.",
      LATE: "Il pacco doveva arrivare entro il {date} e non è stato consegnato. Avvisa l'acquirente e valuta una sostituzione o un rimborso parziale.",
      NO_SCAN_AFTER_CONFIRMATION:
        "Il numero di tracciamento è stato confermato {days, plural, one {# giorno lavorativo} other {# giorni lavorativi}} fa e {carrier} non ha ancora scansionato il pacco. Verifica che sia stato consegnato al corriere o correggi il numero di tracciamento.",
    },
  },
};
