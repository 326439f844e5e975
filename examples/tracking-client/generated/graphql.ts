/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How precise coordinates are: EXACT as the carrier reported them, else geocoded offline from GeoNames to the CITY, the REGION (its population-weighted centre) or the COUNTRY (its centroid). */
export type GeoPrecision =
  | 'CITY'
  | 'COUNTRY'
  | 'EXACT'
  | 'REGION';

/** Where a parcel is in its life (canonical across carriers). */
export type TrackingStatus =
  | 'AVAILABLE_FOR_PICKUP'
  | 'DELIVERED'
  | 'DELIVERY_FAILED'
  | 'EXCEPTION'
  | 'EXPIRED'
  | 'INFO_RECEIVED'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'PENDING';

/** Why, or which leg: refines a TrackingStatus. */
export type TrackingSubstatus =
  | 'ADDRESS_ISSUE'
  | 'ARRIVED_AT_FACILITY'
  | 'ARRIVED_DESTINATION_COUNTRY'
  | 'COLLECTED_BY_BUYER'
  | 'CUSTOMS_CLEARED'
  | 'CUSTOMS_HELD'
  | 'DAMAGED'
  | 'DELAYED'
  | 'DEPARTED_FACILITY'
  | 'DEPARTED_ORIGIN_COUNTRY'
  | 'EXPORT_CUSTOMS'
  | 'HANDED_TO_LAST_MILE'
  | 'IMPORT_CUSTOMS'
  | 'LABEL_CREATED'
  | 'LEFT_AT_SAFE_PLACE'
  | 'LOST'
  | 'NOT_FOUND'
  | 'PICKED_UP'
  | 'RECIPIENT_UNAVAILABLE'
  | 'REFUSED'
  | 'RETURNED_TO_SENDER'
  | 'RETURNING_TO_SENDER'
  | 'SIGNED'
  | 'STALLED';

export type ShipmentTimelineQueryVariables = Exact<{
  id: string | number;
  locale?: string | null | undefined;
}>;


export type ShipmentTimelineQuery = { shipment: { id: string, trackingNumber: string, status: TrackingStatus, carrier: { name: string, trackingUrl: string | null }, currentPlace: { city: string | null, countryCode: string | null, coordinates: { latitude: number, longitude: number, precision: GeoPrecision } | null } | null, estimatedDelivery: { earliest: string, mostLikely: string, latest: string, explanation: Array<string> } | null, timeline: Array<{ occurredAt: string, status: TrackingStatus, description: string, location: { city: string | null, region: string | null, countryCode: string | null } | null }> } | null };

export type TrackingEventAddedSubscriptionVariables = Exact<{
  storeId?: string | number | null | undefined;
  locale?: string | null | undefined;
}>;


export type TrackingEventAddedSubscription = { trackingEventAdded: { shipment: { id: string, trackingNumber: string, status: TrackingStatus, currentPlace: { city: string | null, countryCode: string | null } | null }, events: Array<{ occurredAt: string, status: TrackingStatus, description: string }> } };

export type ShipmentUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ShipmentUpdatedSubscription = { shipmentUpdated: { id: string, status: TrackingStatus, substatus: TrackingSubstatus | null, lastEventAt: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ShipmentTimelineDocument = new TypedDocumentString(`
    query ShipmentTimeline($id: ID!, $locale: Locale) {
  shipment(id: $id) {
    id
    trackingNumber
    status
    carrier {
      name
      trackingUrl
    }
    currentPlace {
      city
      countryCode
      coordinates {
        latitude
        longitude
        precision
      }
    }
    estimatedDelivery {
      earliest
      mostLikely
      latest
      explanation(locale: $locale)
    }
    timeline(locale: $locale) {
      occurredAt
      status
      description
      location {
        city
        region
        countryCode
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ShipmentTimelineQuery, ShipmentTimelineQueryVariables>;
export const TrackingEventAddedDocument = new TypedDocumentString(`
    subscription TrackingEventAdded($storeId: ID, $locale: Locale) {
  trackingEventAdded(storeId: $storeId, locale: $locale) {
    shipment {
      id
      trackingNumber
      status
      currentPlace {
        city
        countryCode
      }
    }
    events {
      occurredAt
      status
      description
    }
  }
}
    `) as unknown as TypedDocumentString<TrackingEventAddedSubscription, TrackingEventAddedSubscriptionVariables>;
export const ShipmentUpdatedDocument = new TypedDocumentString(`
    subscription ShipmentUpdated($id: ID!) {
  shipmentUpdated(id: $id) {
    id
    status
    substatus
    lastEventAt
  }
}
    `) as unknown as TypedDocumentString<ShipmentUpdatedSubscription, ShipmentUpdatedSubscriptionVariables>;