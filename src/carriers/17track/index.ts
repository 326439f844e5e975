import { defineCarrier } from "../define-carrier.ts";
import { parentCodeFallback } from "../normalize.ts";
import { seventeenTrackCodes } from "./codes.ts";
import { seventeenTrackOverallStatus } from "./overall-status.ts";
import { parseSeventeenTrack } from "./parse.ts";
import { seventeenTrackTracking } from "./tracking.ts";
import { seventeenTrackWebhookEventId, verifySeventeenTrackWebhook } from "./webhook.ts";

export const seventeenTrack = defineCarrier({
  code: "17track",
  name: "17TRACK",
  aggregator: true,
  codes: seventeenTrackCodes,
  fallback: parentCodeFallback(seventeenTrackCodes, "_"),
  parse: parseSeventeenTrack,
  overallStatus: seventeenTrackOverallStatus,
  verifyWebhook: verifySeventeenTrackWebhook,
  webhookEventId: seventeenTrackWebhookEventId,
  tracking: seventeenTrackTracking,
});
