// Prints a parcel's timeline, then follows its events until Ctrl-C:
//   TRACKLINE_API_KEY=<key> npx tsx examples/tracking-client/main.ts <shipment id>
import WebSocket from "ws";
import {
  createLiveClient,
  fetchTimeline,
  ShipmentUpdated,
  subscribe,
  TrackingEventAdded,
} from "./client.ts";

const options = {
  url: process.env.TRACKLINE_URL ?? "http://localhost:4000/graphql",
  apiKey: process.env.TRACKLINE_API_KEY ?? "",
};
const id = process.argv[2];
if (!options.apiKey || !id) {
  console.error(
    "usage: TRACKLINE_API_KEY=<key> tsx examples/tracking-client/main.ts <shipment id>",
  );
  process.exit(2);
}

const shipment = await fetchTimeline(options, id, "en");
if (!shipment) {
  console.error(`no shipment ${id} for this key`);
  process.exit(1);
}
console.log(`${shipment.trackingNumber} (${shipment.carrier.name}): ${shipment.status}`);
const place = shipment.currentPlace;
if (place) console.log(`now near ${place.city ?? ""} ${place.countryCode ?? ""}`.trim());
const estimate = shipment.estimatedDelivery;
if (estimate) console.log(`expected ${estimate.earliest} to ${estimate.latest}`);
for (const entry of shipment.timeline) {
  const where = [entry.location?.city, entry.location?.countryCode].filter(Boolean).join(", ");
  console.log(`  ${entry.occurredAt}  ${entry.description}${where ? ` (${where})` : ""}`);
}

// Node has no global WebSocket before 22: a browser needs no webSocketImpl.
const live = createLiveClient({ ...options, webSocketImpl: WebSocket });
subscribe(live, ShipmentUpdated, { id }, ({ shipmentUpdated }) => {
  console.log(`status now ${shipmentUpdated.status} (${shipmentUpdated.lastEventAt ?? "no scan"})`);
});
subscribe(live, TrackingEventAdded, { locale: "en" }, ({ trackingEventAdded }) => {
  for (const event of trackingEventAdded.events) {
    console.log(`  ${trackingEventAdded.shipment.trackingNumber}: ${event.description}`);
  }
});
console.log("following live events (Ctrl-C to stop)");
