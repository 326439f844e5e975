import { builder } from "./builder.ts";
import "./scalars.ts";
import "./user-error.ts";
import "./carrier.ts";
import "./tracking-number.ts";
import "./marketplace.ts";
import "./store.ts";
import "./order.ts";
import "./shipment.ts";
import "./timeline-entry.ts";
import "./confirm-shipment.ts";
import "./marketplace-sync.ts";
import "./store-connection.ts";
import "./tracking-event.ts";
import "./carrier-webhook.ts";
import "./seller-metrics.ts";
import "./valid-tracking-report.ts";
import "./seller-risk.ts";
import "./shipment-exception.ts";
import "./delivery-estimate.ts";
import "./estimate-deliveries.ts";
import "./shipment-estimate.ts";

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema({ sortSchema: true });
