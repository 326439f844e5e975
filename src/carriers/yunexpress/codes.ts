import type { CodeTable } from "../normalize.ts";

/**
 * YunExpress tracking details carry no per-event code, only ProcessContent text, so
 * parse.ts derives a code from documented wording (see text-codes.ts); these "~" codes
 * are ours, not YunExpress's (docs/decisions/022-yunexpress-text-codes.md).
 */
export const yunexpressCodes: CodeTable = {
  "~info_received": { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  "~picked_up": { status: "IN_TRANSIT", substatus: "PICKED_UP" },
  "~arrived_facility": { status: "IN_TRANSIT", substatus: "ARRIVED_AT_FACILITY" },
  "~departed_facility": { status: "IN_TRANSIT", substatus: "DEPARTED_FACILITY" },
  "~export_customs": { status: "IN_TRANSIT", substatus: "EXPORT_CUSTOMS" },
  "~departed_origin": { status: "IN_TRANSIT", substatus: "DEPARTED_ORIGIN_COUNTRY" },
  "~arrived_destination": { status: "IN_TRANSIT", substatus: "ARRIVED_DESTINATION_COUNTRY" },
  "~import_customs": { status: "IN_TRANSIT", substatus: "IMPORT_CUSTOMS" },
  "~customs_cleared": { status: "IN_TRANSIT", substatus: "CUSTOMS_CLEARED" },
  "~customs_held": { status: "EXCEPTION", substatus: "CUSTOMS_HELD" },
  "~handed_to_last_mile": { status: "IN_TRANSIT", substatus: "HANDED_TO_LAST_MILE" },
  "~out_for_delivery": { status: "OUT_FOR_DELIVERY" },
  "~available_for_pickup": { status: "AVAILABLE_FOR_PICKUP" },
  "~delivery_failed": { status: "DELIVERY_FAILED" },
  "~returned": { status: "EXCEPTION", substatus: "RETURNED_TO_SENDER" },
  "~returning": { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" },
  "~delivered": { status: "DELIVERED" },
  "~in_transit": { status: "IN_TRANSIT" },
};
