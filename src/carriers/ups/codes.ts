import type { CodeTable } from "../normalize.ts";

/**
 * UPS Track API v1 `activity[].status`: rawCode is "type/statusCode" (e.g. "D/011").
 * Bare `type` entries are the parent meaning used when a statusCode is new.
 * Types: M manifest, P pickup, I in transit, O out for delivery, D delivered,
 * X exception, RS returned to shipper, DO/DD delivered to origin/destination CFS,
 * W warehousing, NA not available.
 */
export const upsCodes: CodeTable = {
  M: { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  P: { status: "IN_TRANSIT", substatus: "PICKED_UP" },
  I: { status: "IN_TRANSIT" },
  O: { status: "OUT_FOR_DELIVERY" },
  D: { status: "DELIVERED" },
  X: { status: "EXCEPTION" },
  RS: { status: "EXCEPTION", substatus: "RETURNED_TO_SENDER" },
  DO: { status: "DELIVERED" },
  DD: { status: "DELIVERED" },
  W: { status: "IN_TRANSIT", substatus: "ARRIVED_AT_FACILITY" },
  NA: { status: "PENDING", substatus: "NOT_FOUND" },
  "M/003": { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  "P/038": { status: "IN_TRANSIT", substatus: "PICKED_UP" },
  "I/005": { status: "IN_TRANSIT" },
  "I/012": { status: "IN_TRANSIT", substatus: "IMPORT_CUSTOMS" },
  "I/014": { status: "IN_TRANSIT", substatus: "CUSTOMS_CLEARED" },
  "I/025": { status: "IN_TRANSIT", substatus: "HANDED_TO_LAST_MILE" },
  "I/021": { status: "OUT_FOR_DELIVERY" },
  "O/021": { status: "OUT_FOR_DELIVERY" },
  "D/011": { status: "DELIVERED" },
  "D/026": { status: "DELIVERED" },
  "D/040": { status: "AVAILABLE_FOR_PICKUP" },
  "X/013": { status: "EXCEPTION" },
  "X/016": { status: "EXCEPTION", substatus: "DELAYED" },
  "X/017": { status: "AVAILABLE_FOR_PICKUP" },
  "X/022": { status: "DELIVERY_FAILED", substatus: "RECIPIENT_UNAVAILABLE" },
  "X/023": { status: "DELIVERY_FAILED", substatus: "RECIPIENT_UNAVAILABLE" },
  "X/024": { status: "DELIVERY_FAILED", substatus: "RECIPIENT_UNAVAILABLE" },
  "X/027": { status: "DELIVERY_FAILED", substatus: "ADDRESS_ISSUE" },
  "X/029": { status: "EXCEPTION" },
  "X/032": { status: "EXCEPTION", substatus: "DELAYED" },
  "X/033": { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" },
  "X/035": { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" },
  "RS/034": { status: "EXCEPTION", substatus: "RETURNED_TO_SENDER" },
};
