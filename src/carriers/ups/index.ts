import { defineCarrier } from "../define-carrier.ts";
import { parentCodeFallback } from "../normalize.ts";
import { upsCodes } from "./codes.ts";
import { parseUps } from "./parse.ts";
import { upsTracking } from "./tracking.ts";

export const ups = defineCarrier({
  code: "ups",
  name: "UPS",
  codes: upsCodes,
  fallback: parentCodeFallback(upsCodes, "/"),
  parse: parseUps,
  tracking: upsTracking,
});
