import { defineCarrier } from "../define-carrier.ts";
import { parentCodeFallback } from "../normalize.ts";
import { aftershipCodes } from "./codes.ts";
import { aftershipOverallStatus } from "./overall-status.ts";
import { parseAftership } from "./parse.ts";
import { aftershipWebhookEventId, verifyAftershipWebhook } from "./webhook.ts";

export const aftership = defineCarrier({
  code: "aftership",
  name: "AfterShip",
  aggregator: true,
  codes: aftershipCodes,
  fallback: parentCodeFallback(aftershipCodes, "_"),
  parse: parseAftership,
  overallStatus: aftershipOverallStatus,
  verifyWebhook: verifyAftershipWebhook,
  webhookEventId: aftershipWebhookEventId,
});
