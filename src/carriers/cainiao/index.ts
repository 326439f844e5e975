import { defineCarrier } from "../define-carrier.ts";
import { cainiaoCodes } from "./codes.ts";
import { parseCainiao } from "./parse.ts";

export const cainiao = defineCarrier({
  code: "cainiao",
  name: "Cainiao",
  codes: cainiaoCodes,
  parse: parseCainiao,
});
