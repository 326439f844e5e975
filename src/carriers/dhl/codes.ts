import type { CodeTable } from "../normalize.ts";

/**
 * DHL Shipment Tracking - Unified API `events[].statusCode`. DHL documents only these
 * five; the detail lives in `description`, which we keep verbatim.
 */
export const dhlCodes: CodeTable = {
  "pre-transit": { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  transit: { status: "IN_TRANSIT" },
  delivered: { status: "DELIVERED" },
  failure: { status: "EXCEPTION" },
  // DHL's own "unknown" is a documented code for an event it could not classify.
  unknown: { status: "IN_TRANSIT" },
};
