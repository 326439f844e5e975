import type { CodeTable } from "../normalize.ts";

/** Cainiao / AliExpress logistics detail `detailList[].actionCode`. */
export const cainiaoCodes: CodeTable = {
  GWMS_ACCEPT: { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  GWMS_PACKAGE: { status: "INFO_RECEIVED", substatus: "LABEL_CREATED" },
  GWMS_OUTBOUND: { status: "IN_TRANSIT", substatus: "DEPARTED_FACILITY" },
  PU_PICKUP_SUCCESS: { status: "IN_TRANSIT", substatus: "PICKED_UP" },
  SC_INBOUND_SUCCESS: { status: "IN_TRANSIT", substatus: "ARRIVED_AT_FACILITY" },
  SC_OUTBOUND_SUCCESS: { status: "IN_TRANSIT", substatus: "DEPARTED_FACILITY" },
  LH_HO_IN_SUCCESS: { status: "IN_TRANSIT" },
  LH_HO_AIRLINE: { status: "IN_TRANSIT" },
  LH_DEPART: { status: "IN_TRANSIT", substatus: "DEPARTED_ORIGIN_COUNTRY" },
  LH_ARRIVE: { status: "IN_TRANSIT", substatus: "ARRIVED_DESTINATION_COUNTRY" },
  CC_EX_START: { status: "IN_TRANSIT", substatus: "EXPORT_CUSTOMS" },
  CC_EX_SUCCESS: { status: "IN_TRANSIT", substatus: "EXPORT_CUSTOMS" },
  CC_IM_START: { status: "IN_TRANSIT", substatus: "IMPORT_CUSTOMS" },
  CC_IM_SUCCESS: { status: "IN_TRANSIT", substatus: "CUSTOMS_CLEARED" },
  GTMS_ACCEPT: { status: "IN_TRANSIT", substatus: "HANDED_TO_LAST_MILE" },
  GTMS_DO_DEPART: { status: "OUT_FOR_DELIVERY" },
  GTMS_SIGNED: { status: "DELIVERED" },
};
