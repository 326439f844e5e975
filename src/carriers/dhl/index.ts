import { defineCarrier } from "../define-carrier.ts";
import { dhlCodes } from "./codes.ts";
import { parseDhl } from "./parse.ts";
import { dhlTracking } from "./tracking.ts";

export const dhl = defineCarrier({
  code: "dhl",
  name: "DHL",
  codes: dhlCodes,
  parse: parseDhl,
  tracking: dhlTracking,
});
