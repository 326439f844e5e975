import { defineCarrier } from "../define-carrier.ts";
import { fedexCodes } from "./codes.ts";
import { parseFedex } from "./parse.ts";

export const fedex = defineCarrier({
  code: "fedex",
  name: "FedEx",
  codes: fedexCodes,
  parse: parseFedex,
});
