import type { LocaleCatalog } from "../catalog-types.ts";

export const fr: LocaleCatalog = {
  locale: "fr",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "En attente de la première mise à jour du transporteur",
      NOT_FOUND: "Numéro de suivi pas encore reconnu par le transporteur",
      INFO_RECEIVED: "Informations d’expédition reçues",
      LABEL_CREATED: "Étiquette d’expédition créée",
      IN_TRANSIT: "En cours d’acheminement",
      PICKED_UP: "Pris en charge par le transporteur",
      ARRIVED_AT_FACILITY: "Arrivé dans un centre de tri",
      DEPARTED_FACILITY: "A quitté un centre de tri",
      EXPORT_CUSTOMS: "En dédouanement à l’export",
      DEPARTED_ORIGIN_COUNTRY: "A quitté le pays d’origine",
      ARRIVED_DESTINATION_COUNTRY: "Arrivé dans le pays de destination",
      IMPORT_CUSTOMS: "En dédouanement à l’import",
      CUSTOMS_CLEARED: "Dédouané",
      HANDED_TO_LAST_MILE: "Remis au transporteur local pour la livraison",
      OUT_FOR_DELIVERY: "En cours de livraison",
      AVAILABLE_FOR_PICKUP: "Disponible au retrait",
      DELIVERED: "Livré",
      SIGNED: "Livré contre signature",
      LEFT_AT_SAFE_PLACE: "Déposé en lieu sûr",
      COLLECTED_BY_BUYER: "Retiré par le destinataire",
      DELIVERY_FAILED: "Tentative de livraison infructueuse",
      ADDRESS_ISSUE: "Livraison impossible : problème d’adresse",
      RECIPIENT_UNAVAILABLE: "Livraison impossible : destinataire absent",
      REFUSED: "Refusé par le destinataire",
      EXCEPTION: "Incident d’acheminement",
      CUSTOMS_HELD: "Retenu en douane",
      DELAYED: "Retardé",
      DAMAGED: "Endommagé pendant le transport",
      LOST: "Déclaré perdu",
      RETURNING_TO_SENDER: "En cours de retour à l’expéditeur",
      RETURNED_TO_SENDER: "Retourné à l’expéditeur",
      STALLED: "Aucun mouvement depuis plusieurs jours ouvrés",
      EXPIRED: "Suivi terminé sans mise à jour finale",
    },
    orderState: {
      PENDING: "En attente de paiement",
      READY_TO_SHIP: "Prête à être expédiée",
      PARTIALLY_SHIPPED: "Partiellement expédiée",
      SHIPPED: "Expédiée",
      DELIVERED: "Livrée",
      COMPLETED: "Terminée",
      CANCEL_REQUESTED: "Annulation demandée",
      CANCELLED: "Annulée",
      RETURN_REQUESTED: "Retour demandé",
      RETURNED: "Retournée",
    },
    milestone: {
      ORDER_SHIPPED:
        "Votre commande {orderId} a été expédiée avec {carrier}. Numéro de suivi : {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Votre commande {orderId} est arrivée dans votre pays et va être remise au transporteur local.",
      CUSTOMS_HELD:
        "Votre commande {orderId} est retenue en douane. Nous faisons le nécessaire pour la faire libérer.",
      OUT_FOR_DELIVERY: "Votre commande {orderId} sera livrée aujourd’hui par {carrier}.",
      AVAILABLE_FOR_PICKUP:
        "Votre commande {orderId} est disponible au retrait{days, plural, =0 {.} one {. Merci de la retirer sous # jour.} other {. Merci de la retirer sous # jours.}}",
      DELIVERY_FAILED:
        "{carrier} n’a pas pu livrer votre commande {orderId}{attempts, plural, =0 {} one { (# tentative)} other { (# tentatives)}}. Vérifiez votre adresse ou contactez le transporteur.",
      DELIVERED: "Votre commande {orderId} a été livrée. Profitez-en bien !",
      DELAYED:
        "Votre commande {orderId} a du retard{days, plural, =0 {} one { (environ # jour)} other { (environ # jours)}}. Merci de votre patience.",
      RETURNING_TO_SENDER: "Votre commande {orderId} est en cours de retour vers le vendeur.",
    },
    eta: {
      lane: "D'après {count, plural, one {# livraison} other {# livraisons}} sur {lane}",
      shrunk:
        "Peu de livraisons sur ce trajet, combiné avec {lane} ({count, plural, one {# livraison} other {# livraisons}})",
      priorPromise:
        "Encore peu d'historique : point de départ, la fenêtre promise par la place de marché ({from}–{to} jours ouvrés)",
      priorChannel:
        "Encore peu d'historique : point de départ, {source} ({from}–{to} jours ouvrés)",
      priorCarrier:
        "Encore peu d'historique : point de départ, le délai publié par le transporteur, {source} ({from}–{to} jours ouvrés)",
      priorDefault:
        "Encore peu d'historique : point de départ, la valeur par défaut de trackline ({from}–{to} jours ouvrés)",
      businessDays: "Compté en jours ouvrés de {country} : week-ends et jours fériés exclus",
      holidayOrigin: "Attend au départ la fin de {holiday} ({date})",
      holidayDestination: "{holiday} ({date}) non compté à destination",
      from: "Compté à partir {point, select, ORDERED {de la date de commande} SHIPPED {de la remise au transporteur} other {de la dernière étape}}, {date}",
      pastPromise: "Peut arriver après la date promise, {date}",
    },
    exception: {
      STALLED:
        "Aucun scan du transporteur depuis {days, plural, one {# jour ouvré} other {# jours ouvrés}}, plus que d'habitude à cette étape sur ce trajet. Demandez une enquête à {carrier} et prévenez l'acheteur que vous suivez le colis.",
      DELIVERY_FAILED:
        "{carrier} n'a pas pu livrer le colis. Vérifiez l'adresse avec l'acheteur et organisez une nouvelle livraison ou un retrait avec {carrier}.",
      CUSTOMS_HELD:
        "La douane retient le colis. Envoyez à {carrier} la facture et les documents douaniers, et demandez si des droits sont dus.",
      RETURNING_TO_SENDER:
        "Le colis vous est retourné. Contactez l'acheteur pour proposer un nouvel envoi ou un remboursement avant qu'il ouvre une réclamation.",
      LATE: "Le colis devait arriver au plus tard le {date} et n'est pas livré. Prévenez l'acheteur et envisagez un remplacement ou un remboursement partiel.",
      NO_SCAN_AFTER_CONFIRMATION:
        "Le numéro de suivi a été confirmé il y a {days, plural, one {# jour ouvré} other {# jours ouvrés}} et {carrier} n'a pas encore scanné le colis. Vérifiez qu'il a été remis, ou corrigez le numéro de suivi.",
    },
  },
};
