import type { LocaleCatalog } from "../catalog-types.ts";

export const de: LocaleCatalog = {
  locale: "de",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "Warten auf die erste Meldung des Versanddienstleisters",
      NOT_FOUND: "Sendungsnummer beim Versanddienstleister noch nicht gefunden",
      INFO_RECEIVED: "Sendungsdaten erhalten",
      LABEL_CREATED: "Versandetikett erstellt",
      IN_TRANSIT: "Unterwegs",
      PICKED_UP: "Vom Versanddienstleister abgeholt",
      ARRIVED_AT_FACILITY: "Im Verteilzentrum eingetroffen",
      DEPARTED_FACILITY: "Verteilzentrum verlassen",
      EXPORT_CUSTOMS: "In der Ausfuhrverzollung",
      DEPARTED_ORIGIN_COUNTRY: "Ursprungsland verlassen",
      ARRIVED_DESTINATION_COUNTRY: "Im Zielland angekommen",
      IMPORT_CUSTOMS: "In der Einfuhrverzollung",
      CUSTOMS_CLEARED: "Verzollung abgeschlossen",
      HANDED_TO_LAST_MILE: "An den lokalen Zustelldienst übergeben",
      OUT_FOR_DELIVERY: "In Zustellung",
      AVAILABLE_FOR_PICKUP: "Zur Abholung bereit",
      DELIVERED: "Zugestellt",
      SIGNED: "Zugestellt und quittiert",
      LEFT_AT_SAFE_PLACE: "An einem Ablageort zugestellt",
      COLLECTED_BY_BUYER: "Vom Empfänger abgeholt",
      DELIVERY_FAILED: "Zustellversuch erfolglos",
      ADDRESS_ISSUE: "Zustellung nicht möglich: Problem mit der Adresse",
      RECIPIENT_UNAVAILABLE: "Zustellung nicht möglich: Empfänger nicht angetroffen",
      REFUSED: "Annahme vom Empfänger verweigert",
      EXCEPTION: "Problem mit der Sendung",
      CUSTOMS_HELD: "Vom Zoll zurückgehalten",
      DELAYED: "Verzögert",
      DAMAGED: "Beim Transport beschädigt",
      LOST: "Als verloren gemeldet",
      RETURNING_TO_SENDER: "Wird an den Absender zurückgesendet",
      RETURNED_TO_SENDER: "An den Absender zurückgesendet",
      STALLED: "Seit mehreren Werktagen keine Sendungsbewegung",
      EXPIRED: "Sendungsverfolgung ohne abschließende Meldung beendet",
    },
    orderState: {
      PENDING: "Zahlung ausstehend",
      READY_TO_SHIP: "Versandbereit",
      PARTIALLY_SHIPPED: "Teilweise versandt",
      SHIPPED: "Versandt",
      DELIVERED: "Zugestellt",
      COMPLETED: "Abgeschlossen",
      CANCEL_REQUESTED: "Stornierung beantragt",
      CANCELLED: "Storniert",
      RETURN_REQUESTED: "Rücksendung beantragt",
      RETURNED: "Zurückgesendet",
    },
    milestone: {
      ORDER_SHIPPED:
        "Ihre Bestellung {orderId} wurde mit {carrier} versendet. Sendungsnummer: {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Ihre Bestellung {orderId} ist in Ihrem Land angekommen und wird an den lokalen Zustelldienst übergeben.",
      CUSTOMS_HELD:
        "Ihre Bestellung {orderId} wird vom Zoll zurückgehalten. Wir kümmern uns um die Freigabe.",
      OUT_FOR_DELIVERY: "Ihre Bestellung {orderId} wird heute von {carrier} zugestellt.",
      AVAILABLE_FOR_PICKUP:
        "Ihre Bestellung {orderId} liegt zur Abholung bereit{days, plural, =0 {.} one {. Bitte holen Sie sie innerhalb von # Tag ab.} other {. Bitte holen Sie sie innerhalb von # Tagen ab.}}",
      DELIVERY_FAILED:
        "{carrier} konnte Ihre Bestellung {orderId} nicht zustellen{attempts, plural, =0 {} one { (# Zustellversuch)} other { (# Zustellversuche)}}. Bitte prüfen Sie Ihre Adresse oder wenden Sie sich an den Versanddienstleister.",
      DELIVERED: "Ihre Bestellung {orderId} wurde zugestellt. Viel Freude damit!",
      DELAYED:
        "Ihre Bestellung {orderId} verzögert sich{days, plural, =0 {} one { um etwa # Tag} other { um etwa # Tage}}. Bitte entschuldigen Sie die Wartezeit.",
      RETURNING_TO_SENDER: "Ihre Bestellung {orderId} wird an den Verkäufer zurückgesendet.",
    },
    eta: {
      lane: "Grundlage: {count, plural, one {# Zustellung} other {# Zustellungen}} auf {lane}",
      shrunk:
        "Wenige Zustellungen auf dieser Strecke, daher mit {lane} kombiniert ({count, plural, one {# Zustellung} other {# Zustellungen}})",
      priorPromise:
        "Noch wenig Verlauf: Ausgangspunkt ist das vom Marktplatz zugesagte Zeitfenster ({from}–{to} Werktage)",
      priorChannel: "Noch wenig Verlauf: Ausgangspunkt ist {source} ({from}–{to} Werktage)",
      priorCarrier:
        "Noch wenig Verlauf: Ausgangspunkt ist die veröffentlichte Laufzeit des Versanddienstleisters, {source} ({from}–{to} Werktage)",
      priorDefault:
        "Noch wenig Verlauf: Ausgangspunkt ist der Standardwert von trackline ({from}–{to} Werktage)",
      businessDays: "In Werktagen von {country} gezählt: Wochenenden und Feiertage ausgenommen",
      holidayOrigin: "Wartet am Versandort über {holiday} ({date})",
      holidayDestination: "{holiday} ({date}) am Zielort nicht mitgezählt",
      from: "Gezählt ab {point, select, ORDERED {dem Bestelldatum} SHIPPED {der Übergabe an den Versanddienstleister} other {dem letzten Meilenstein}}, {date}",
      pastPromise: "Kann nach dem zugesagten Datum ({date}) ankommen",
    },
    exception: {
      STALLED:
        "Seit {days, plural, one {# Werktag} other {# Werktagen}} kein Scan des Zustellers, länger als auf dieser Strecke an dieser Stelle üblich. Bitten Sie {carrier} um einen Nachforschungsauftrag und sagen Sie dem Käufer, dass Sie sich kümmern.",
      DELIVERY_FAILED:
        "{carrier} konnte das Paket nicht zustellen. Prüfen Sie die Adresse mit dem Käufer und vereinbaren Sie mit {carrier} eine neue Zustellung oder Abholung.",
      CUSTOMS_HELD:
        "Der Zoll hält das Paket zurück. Senden Sie {carrier} die Rechnung und die Zollpapiere und fragen Sie, ob Abgaben fällig sind.",
      RETURNING_TO_SENDER:
        "Das Paket geht an Sie zurück. Bieten Sie dem Käufer einen neuen Versand oder eine Erstattung an, bevor er einen Antrag stellt.",
      LATE: "Das Paket sollte bis {date} ankommen und ist nicht zugestellt. Informieren Sie den Käufer und erwägen Sie Ersatz oder eine Teilerstattung.",
      NO_SCAN_AFTER_CONFIRMATION:
        "Die Sendungsnummer wurde vor {days, plural, one {# Werktag} other {# Werktagen}} bestätigt und {carrier} hat das Paket noch nicht gescannt. Prüfen Sie, ob es übergeben wurde, oder korrigieren Sie die Sendungsnummer.",
    },
  },
};
