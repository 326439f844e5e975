import { defineCarrier } from "../define-carrier.ts";
import { yunexpressCodes } from "./codes.ts";
import { parseYunexpress } from "./parse.ts";

export const yunexpress = defineCarrier({
  code: "yunexpress",
  name: "YunExpress",
  codes: yunexpressCodes,
  parse: parseYunexpress,
});
