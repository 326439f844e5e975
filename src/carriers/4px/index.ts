import { defineCarrier } from "../define-carrier.ts";
import { fourPxCodes } from "./codes.ts";
import { parseFourPx } from "./parse.ts";

export const fourPx = defineCarrier({
  code: "4px",
  name: "4PX",
  codes: fourPxCodes,
  parse: parseFourPx,
});
