/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ShipmentTimeline($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      id\n      trackingNumber\n      status\n      carrier { name trackingUrl }\n      currentPlace { city countryCode coordinates { latitude longitude precision } }\n      estimatedDelivery { earliest mostLikely latest explanation(locale: $locale) }\n      timeline(locale: $locale) {\n        occurredAt\n        status\n        description\n        location { city region countryCode }\n      }\n    }\n  }\n": typeof types.ShipmentTimelineDocument,
    "\n  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {\n    trackingEventAdded(storeId: $storeId, locale: $locale) {\n      shipment { id trackingNumber status currentPlace { city countryCode } }\n      events { occurredAt status description }\n    }\n  }\n": typeof types.TrackingEventAddedDocument,
    "\n  subscription ShipmentUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { id status substatus lastEventAt }\n  }\n": typeof types.ShipmentUpdatedDocument,
};
const documents: Documents = {
    "\n  query ShipmentTimeline($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      id\n      trackingNumber\n      status\n      carrier { name trackingUrl }\n      currentPlace { city countryCode coordinates { latitude longitude precision } }\n      estimatedDelivery { earliest mostLikely latest explanation(locale: $locale) }\n      timeline(locale: $locale) {\n        occurredAt\n        status\n        description\n        location { city region countryCode }\n      }\n    }\n  }\n": types.ShipmentTimelineDocument,
    "\n  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {\n    trackingEventAdded(storeId: $storeId, locale: $locale) {\n      shipment { id trackingNumber status currentPlace { city countryCode } }\n      events { occurredAt status description }\n    }\n  }\n": types.TrackingEventAddedDocument,
    "\n  subscription ShipmentUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { id status substatus lastEventAt }\n  }\n": types.ShipmentUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentTimeline($id: ID!, $locale: Locale) {\n    shipment(id: $id) {\n      id\n      trackingNumber\n      status\n      carrier { name trackingUrl }\n      currentPlace { city countryCode coordinates { latitude longitude precision } }\n      estimatedDelivery { earliest mostLikely latest explanation(locale: $locale) }\n      timeline(locale: $locale) {\n        occurredAt\n        status\n        description\n        location { city region countryCode }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ShipmentTimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {\n    trackingEventAdded(storeId: $storeId, locale: $locale) {\n      shipment { id trackingNumber status currentPlace { city countryCode } }\n      events { occurredAt status description }\n    }\n  }\n"): typeof import('./graphql.js').TrackingEventAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShipmentUpdated($id: ID!) {\n    shipmentUpdated(id: $id) { id status substatus lastEventAt }\n  }\n"): typeof import('./graphql.js').ShipmentUpdatedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
