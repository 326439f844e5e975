// The GraphQL documents the live map sends: plain JavaScript the page imports as it is, and that
// tests/live-map-page.test.ts validates against the schema, so a schema change cannot break the
// page unnoticed. Its types are in queries.d.ts.

/** What a dot and a list row show. */
const SHIPMENT_FIELDS = `id trackingNumber status substatus lastEventAt carrier { name }
  currentPlace { city region countryCode coordinates { latitude longitude } }
  exceptions(open: true) { type }`;
export const STORES =
  "query LiveMapStores { stores { id name marketplace { name } site { code } } }";
export const SHIPMENTS = `query LiveMapShipments($storeId: ID!, $first: Int, $after: String) {
  shipments(first: $first, after: $after, filter: { storeId: $storeId, travelling: true }) {
    pageInfo { hasNextPage endCursor }
    edges { node { ${SHIPMENT_FIELDS} } }
  }
}`;
export const EVENTS = `subscription LiveMapEvents($storeId: ID!) {
  trackingEventAdded(storeId: $storeId) { shipment { ${SHIPMENT_FIELDS} } }
}`;
export const EXCEPTIONS = `subscription LiveMapExceptions($storeId: ID!) {
  exceptionRaised(storeId: $storeId) { shipment { ${SHIPMENT_FIELDS} } }
}`;
export const TIMELINE = `query LiveMapTimeline($id: ID!) {
  shipment(id: $id) {
    id trackingNumber status carrier { name } exceptions(open: true) { type }
    timelineCount
    timeline(first: 100) { occurredAt status description location { city region countryCode } }
  }
}`;
