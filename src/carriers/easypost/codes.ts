import type { CodeTable } from "../normalize.ts";

/**
 * EasyPost Tracker `status` and "status/status_detail" pairs of `tracking_details[]`.
 * rawCode is "status/status_detail" (or the bare status; NO_RAW_CODE stands in for a
 * missing status); an unlisted pair falls back to its status, still marked unknown so the
 * table grows.
 */
export const easypostCodes: CodeTable = {
  unknown: { status: "PENDING", substatus: "NOT_FOUND" },
  pre_transit: { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  in_transit: { status: "IN_TRANSIT" },
  out_for_delivery: { status: "OUT_FOR_DELIVERY" },
  delivered: { status: "DELIVERED" },
  available_for_pickup: { status: "AVAILABLE_FOR_PICKUP" },
  return_to_sender: { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" },
  failure: { status: "EXCEPTION" },
  cancelled: { status: "EXCEPTION" },
  error: { status: "EXCEPTION" },
  "pre_transit/label_created": { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  "pre_transit/status_update": { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  "in_transit/status_update": { status: "IN_TRANSIT" },
  "in_transit/in_transit": { status: "IN_TRANSIT" },
  // FedEx "On the way" scans in EasyPost's own tracker.updated webhook fixture carry it.
  "in_transit/unknown": { status: "IN_TRANSIT" },
  "in_transit/received_at_origin_facility": { status: "IN_TRANSIT", substatus: "PICKED_UP" },
  "in_transit/arrived_at_facility": { status: "IN_TRANSIT", substatus: "ARRIVED_AT_FACILITY" },
  "in_transit/departed_facility": { status: "IN_TRANSIT", substatus: "DEPARTED_FACILITY" },
  "in_transit/received_at_destination_facility": {
    status: "IN_TRANSIT",
    substatus: "ARRIVED_AT_FACILITY",
  },
  "in_transit/arrived_at_destination": { status: "IN_TRANSIT", substatus: "ARRIVED_AT_FACILITY" },
  "in_transit/transferred_to_destination_carrier": {
    status: "IN_TRANSIT",
    substatus: "HANDED_TO_LAST_MILE",
  },
  "in_transit/weather_delay": { status: "EXCEPTION", substatus: "DELAYED" },
  "in_transit/delayed": { status: "EXCEPTION", substatus: "DELAYED" },
  "in_transit/missorted": { status: "EXCEPTION", substatus: "DELAYED" },
  "out_for_delivery/out_for_delivery": { status: "OUT_FOR_DELIVERY" },
  "out_for_delivery/status_update": { status: "OUT_FOR_DELIVERY" },
  "delivered/arrived_at_destination": { status: "DELIVERED" },
  "delivered/delivered": { status: "DELIVERED" },
  "delivered/status_update": { status: "DELIVERED" },
  "available_for_pickup/arrived_at_pickup_location": { status: "AVAILABLE_FOR_PICKUP" },
  "available_for_pickup/status_update": { status: "AVAILABLE_FOR_PICKUP" },
  "return_to_sender/return": { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" },
  "return_to_sender/status_update": { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" },
  "failure/delivery_exception": { status: "DELIVERY_FAILED" },
  "failure/address_correction": { status: "DELIVERY_FAILED", substatus: "ADDRESS_ISSUE" },
  "failure/refused": { status: "DELIVERY_FAILED", substatus: "REFUSED" },
  "failure/damaged": { status: "EXCEPTION", substatus: "DAMAGED" },
  "failure/lost": { status: "EXCEPTION", substatus: "LOST" },
  "failure/status_update": { status: "EXCEPTION" },
  "cancelled/cancelled": { status: "EXCEPTION" },
};
