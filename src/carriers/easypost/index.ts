import { defineCarrier } from "../define-carrier.ts";
import { parentCodeFallback } from "../normalize.ts";
import { easypostCodes } from "./codes.ts";
import { easypostOverallStatus } from "./overall-status.ts";
import { parseEasypost } from "./parse.ts";
import { easypostWebhookEventId, verifyEasypostWebhook } from "./webhook.ts";

export const easypost = defineCarrier({
  code: "easypost",
  name: "EasyPost",
  aggregator: true,
  codes: easypostCodes,
  fallback: parentCodeFallback(easypostCodes, "/"),
  parse: parseEasypost,
  overallStatus: easypostOverallStatus,
  verifyWebhook: verifyEasypostWebhook,
  webhookEventId: easypostWebhookEventId,
});
