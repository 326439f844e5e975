import type { CodeTable } from "../normalize.ts";

/**
 * 17TRACK API v2.2 main statuses and sub-statuses ("Understanding Tracking Status",
 * help.17track.net) plus the per-event `stage` values. rawCode is the event's
 * `sub_status` ("Exception_Returning"), or its `stage` when 17TRACK sent none, or
 * NO_RAW_CODE when it sent neither; a new sub-status falls back to its main status (the
 * part before "_").
 */
export const seventeenTrackCodes: CodeTable = {
  NotFound: { status: "PENDING", substatus: "NOT_FOUND" },
  InfoReceived: { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  InTransit: { status: "IN_TRANSIT" },
  Expired: { status: "EXPIRED" },
  AvailableForPickup: { status: "AVAILABLE_FOR_PICKUP" },
  OutForDelivery: { status: "OUT_FOR_DELIVERY" },
  DeliveryFailure: { status: "DELIVERY_FAILED" },
  Delivered: { status: "DELIVERED" },
  Exception: { status: "EXCEPTION" },
  NotFound_Other: { status: "PENDING", substatus: "NOT_FOUND" },
  NotFound_InvalidCode: { status: "PENDING", substatus: "NOT_FOUND" },
  InTransit_PickedUp: { status: "IN_TRANSIT", substatus: "PICKED_UP" },
  InTransit_Other: { status: "IN_TRANSIT" },
  InTransit_Departure: { status: "IN_TRANSIT", substatus: "DEPARTED_ORIGIN_COUNTRY" },
  InTransit_Arrival: { status: "IN_TRANSIT", substatus: "ARRIVED_DESTINATION_COUNTRY" },
  InTransit_CustomsProcessing: { status: "IN_TRANSIT", substatus: "IMPORT_CUSTOMS" },
  InTransit_CustomsReleased: { status: "IN_TRANSIT", substatus: "CUSTOMS_CLEARED" },
  InTransit_CustomsRequiringInformation: { status: "EXCEPTION", substatus: "CUSTOMS_HELD" },
  Expired_Other: { status: "EXPIRED" },
  AvailableForPickup_Other: { status: "AVAILABLE_FOR_PICKUP" },
  OutForDelivery_Other: { status: "OUT_FOR_DELIVERY" },
  DeliveryFailure_Other: { status: "DELIVERY_FAILED" },
  DeliveryFailure_NoBody: { status: "DELIVERY_FAILED", substatus: "RECIPIENT_UNAVAILABLE" },
  DeliveryFailure_Security: { status: "DELIVERY_FAILED" },
  DeliveryFailure_Rejected: { status: "DELIVERY_FAILED", substatus: "REFUSED" },
  DeliveryFailure_InvalidAddress: { status: "DELIVERY_FAILED", substatus: "ADDRESS_ISSUE" },
  Delivered_Other: { status: "DELIVERED" },
  Exception_Other: { status: "EXCEPTION" },
  Exception_Returning: { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" },
  Exception_Returned: { status: "EXCEPTION", substatus: "RETURNED_TO_SENDER" },
  Exception_NoBody: { status: "EXCEPTION" },
  Exception_Security: { status: "EXCEPTION", substatus: "CUSTOMS_HELD" },
  Exception_Damage: { status: "EXCEPTION", substatus: "DAMAGED" },
  Exception_Rejected: { status: "DELIVERY_FAILED", substatus: "REFUSED" },
  Exception_Delayed: { status: "EXCEPTION", substatus: "DELAYED" },
  Exception_Lost: { status: "EXCEPTION", substatus: "LOST" },
  Exception_Destroyed: { status: "EXCEPTION", substatus: "LOST" },
  Exception_Cancel: { status: "EXCEPTION" },
  // Event stages (sent beside sub_status on every event).
  PickedUp: { status: "IN_TRANSIT", substatus: "PICKED_UP" },
  Departure: { status: "IN_TRANSIT", substatus: "DEPARTED_ORIGIN_COUNTRY" },
  Arrival: { status: "IN_TRANSIT", substatus: "ARRIVED_DESTINATION_COUNTRY" },
  Returning: { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" },
  Returned: { status: "EXCEPTION", substatus: "RETURNED_TO_SENDER" },
};
