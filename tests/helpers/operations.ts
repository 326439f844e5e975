import { graphql } from "../generated/index.ts";

/** Operations many test files share; feature-specific ones live beside their tests. */
export const CreateOrder = graphql(`
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) {
      order { id nativeOrderId state }
      errors { code message field }
    }
  }
`);

export const ConfirmShipment = graphql(`
  mutation ConfirmShipment($input: ConfirmShipmentInput!) {
    confirmShipment(input: $input) {
      shipment { id trackingNumber status substatus carrier { code name trackingUrl } }
      errors { code message field }
    }
  }
`);

export const RecordEvents = graphql(`
  mutation RecordEvents($input: RecordTrackingEventsInput!) {
    recordTrackingEvents(input: $input) {
      shipment { id status substatus lastEventAt }
      recordedCount
      duplicateCount
      errors { code message field }
    }
  }
`);

export const ShipmentTimeline = graphql(`
  query ShipmentTimeline($id: ID!, $locale: Locale) {
    shipment(id: $id) {
      id
      status
      substatus
      lastEventAt
      timeline(locale: $locale) {
        occurredAt
        status
        substatus
        description
        rawCode
        rawDescription
        isPhysicalScan
        location { city region postalCode countryCode latitude longitude }
      }
    }
  }
`);
