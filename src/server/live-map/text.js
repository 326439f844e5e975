// How the live map words a parcel: in dots' accessible names, list rows and the timeline panel.

export function placeName(shipment) {
  const place = shipment.currentPlace;
  if (!place) return "place unknown";
  return [place.city ?? place.region, place.countryCode].filter(Boolean).join(", ");
}

export function words(code) {
  const text = code.toLowerCase().replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function exceptionText(shipment) {
  return shipment.exceptions.map((exception) => words(exception.type)).join(", ");
}

export function label(shipment) {
  const exceptions = exceptionText(shipment);
  return `${shipment.trackingNumber}: ${words(shipment.status)}, ${placeName(shipment)}${
    exceptions ? `, open exception: ${exceptions}` : ""
  }`;
}

/** The timeline panel's content: a summary, then the scans, latest first. */
export function timelineNodes(shipment) {
  if (!shipment)
    return [document.createTextNode("This parcel is not visible to this key any more.")];
  const summary = document.createElement("p");
  const exceptions = exceptionText(shipment);
  summary.textContent = `${shipment.carrier.name}, ${words(shipment.status)}${
    exceptions ? `; open exception: ${exceptions}` : ""
  }. ${shipment.timelineCount} scan${shipment.timelineCount === 1 ? "" : "s"}, latest first.`;
  const list = document.createElement("ol");
  list.className = "timeline";
  for (const entry of shipment.timeline.toReversed()) {
    const item = document.createElement("li");
    const time = document.createElement("time");
    time.dateTime = entry.occurredAt;
    time.textContent = new Date(entry.occurredAt).toLocaleString();
    const what = document.createElement("span");
    what.textContent = entry.description;
    const where = document.createElement("span");
    where.className = "where";
    const place = entry.location;
    where.textContent = place
      ? [place.city, place.region, place.countryCode].filter(Boolean).join(", ")
      : "";
    item.append(time, what, where);
    list.append(item);
  }
  return [summary, list];
}
