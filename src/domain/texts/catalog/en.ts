import type { LocaleCatalog } from "../catalog-types.ts";

export const en: LocaleCatalog = {
  locale: "en",
  review: "native",
  texts: {
    status: {
      PENDING: "Waiting for the carrier's first update",
      NOT_FOUND: "Tracking number not yet found at the carrier",
      INFO_RECEIVED: "Shipping information received",
      LABEL_CREATED: "Shipping label created",
      IN_TRANSIT: "In transit",
      PICKED_UP: "Picked up by the carrier",
      ARRIVED_AT_FACILITY: "Arrived at a carrier facility",
      DEPARTED_FACILITY: "Departed a carrier facility",
      EXPORT_CUSTOMS: "In export customs clearance",
      DEPARTED_ORIGIN_COUNTRY: "Departed the country of origin",
      ARRIVED_DESTINATION_COUNTRY: "Arrived in the destination country",
      IMPORT_CUSTOMS: "In import customs clearance",
      CUSTOMS_CLEARED: "Cleared customs",
      HANDED_TO_LAST_MILE: "Handed over to the local delivery carrier",
      OUT_FOR_DELIVERY: "Out for delivery",
      AVAILABLE_FOR_PICKUP: "Ready for pickup",
      DELIVERED: "Delivered",
      SIGNED: "Delivered and signed for",
      LEFT_AT_SAFE_PLACE: "Delivered to a safe place",
      COLLECTED_BY_BUYER: "Collected by the recipient",
      DELIVERY_FAILED: "Delivery attempt failed",
      ADDRESS_ISSUE: "Delivery failed: address problem",
      RECIPIENT_UNAVAILABLE: "Delivery failed: recipient not available",
      REFUSED: "Delivery refused by the recipient",
      EXCEPTION: "Shipment exception",
      CUSTOMS_HELD: "Held by customs",
      DELAYED: "Delayed",
      DAMAGED: "Damaged in transit",
      LOST: "Reported lost",
      RETURNING_TO_SENDER: "Returning to sender",
      RETURNED_TO_SENDER: "Returned to sender",
      STALLED: "No movement for several business days",
      EXPIRED: "Tracking ended without a final update",
    },
    orderState: {
      PENDING: "Awaiting payment",
      READY_TO_SHIP: "Ready to ship",
      PARTIALLY_SHIPPED: "Partially shipped",
      SHIPPED: "Shipped",
      DELIVERED: "Delivered",
      COMPLETED: "Completed",
      CANCEL_REQUESTED: "Cancellation requested",
      CANCELLED: "Cancelled",
      RETURN_REQUESTED: "Return requested",
      RETURNED: "Returned",
    },
    milestone: {
      ORDER_SHIPPED:
        "Your order {orderId} has shipped with {carrier}. Tracking number: {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Your order {orderId} has arrived in your country and will be handed to the local carrier.",
      CUSTOMS_HELD:
        "Your order {orderId} is being held by customs. We are working to get it released.",
      OUT_FOR_DELIVERY: "Your order {orderId} is out for delivery today with {carrier}.",
      AVAILABLE_FOR_PICKUP:
        "Your order {orderId} is ready for pickup{days, plural, =0 {.} one {: please collect it within # day.} other {: please collect it within # days.}}",
      DELIVERY_FAILED:
        "{carrier} could not deliver your order {orderId}{attempts, plural, =0 {} one { (# attempt)} other { (# attempts)}}. Please check your address or contact the carrier.",
      DELIVERED: "Your order {orderId} has been delivered. Enjoy!",
      DELAYED:
        "Your order {orderId} is delayed{days, plural, =0 {} one { by about # day} other { by about # days}}. Sorry for the wait.",
      RETURNING_TO_SENDER: "Your order {orderId} is being returned to the seller.",
    },
    eta: {
      lane: "Based on {count, plural, one {# delivery} other {# deliveries}} on {lane}",
      shrunk:
        "Few deliveries on this lane, so blended with {lane} ({count, plural, one {# delivery} other {# deliveries}})",
      priorPromise:
        "Little history yet: started from the marketplace's promised window ({from}–{to} business days)",
      priorChannel: "Little history yet: started from {source} ({from}–{to} business days)",
      priorCarrier:
        "Little history yet: started from the carrier's published standard, {source} ({from}–{to} business days)",
      priorDefault:
        "Little history yet: started from trackline's default ({from}–{to} business days)",
      businessDays: "Counted in business days of {country}: weekends and public holidays skipped",
      holidayOrigin: "Waits at the origin over {holiday} ({date})",
      holidayDestination: "{holiday} ({date}) skipped at the destination",
      from: "Counted from {point, select, ORDERED {the order date} SHIPPED {the hand-over to the carrier} other {the latest milestone}}, {date}",
      pastPromise: "May arrive after the promised date, {date}",
    },
    exception: {
      STALLED:
        "No carrier scan for {days, plural, one {# business day} other {# business days}}, longer than usual at this point on this lane. Ask {carrier} to trace the parcel and tell the buyer you are on it.",
      DELIVERY_FAILED:
        "{carrier} could not deliver the parcel. Check the address with the buyer and arrange a new attempt or a pickup with {carrier}.",
      CUSTOMS_HELD:
        "Customs is holding the parcel. Send {carrier} the invoice and customs documents, and ask whether duties are due.",
      RETURNING_TO_SENDER:
        "The parcel is going back to you. Contact the buyer to offer a new shipment or a refund before they open a claim.",
      LATE: "The parcel was due by {date} and has not been delivered. Tell the buyer, and consider a replacement or a partial refund.",
      NO_SCAN_AFTER_CONFIRMATION:
        "The tracking was confirmed {days, plural, one {# business day} other {# business days}} ago and {carrier} has not scanned the parcel yet. Make sure it was handed over, or correct the tracking number.",
    },
  },
};
