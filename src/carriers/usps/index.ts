import { defineCarrier } from "../define-carrier.ts";
import { uspsCodes } from "./codes.ts";
import { parseUsps } from "./parse.ts";

export const usps = defineCarrier({
  code: "usps",
  name: "USPS",
  codes: uspsCodes,
  parse: parseUsps,
});
