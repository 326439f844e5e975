import { graphql } from "../generated/index.ts";

export const ConnectStore = graphql(`
  mutation ConnectStore($input: ConnectStoreInput!) {
    connectStore(input: $input) {
      store { id syncPolicy accountId apiBaseUrl credentials { names updatedAt lastUsedAt } }
      errors { code message field }
      warnings { code message field }
    }
  }
`);

export const UpdateStoreCredentials = graphql(`
  mutation UpdateStoreCredentials($input: UpdateStoreCredentialsInput!) {
    updateStoreCredentials(input: $input) {
      store { id credentials { names } }
      errors { code message field }
      warnings { code message field }
    }
  }
`);

export const SetStoreSyncPolicy = graphql(`
  mutation SetStoreSyncPolicy($storeId: ID!, $syncPolicy: StoreSyncPolicy!) {
    setStoreSyncPolicy(storeId: $storeId, syncPolicy: $syncPolicy) {
      store { id syncPolicy }
      errors { code message field }
    }
  }
`);

export const ConfirmForSync = graphql(`
  mutation ConfirmForSync($input: ConfirmShipmentInput!) {
    confirmShipment(input: $input) {
      shipment { id marketplaceSync { state } }
      errors { code message field }
      warnings { code message field }
    }
  }
`);

export const ShipmentSync = graphql(`
  query ShipmentSync($id: ID!) {
    shipment(id: $id) {
      id
      marketplaceSync {
        state attempts lastErrorCode lastError nextAttemptAt confirmedAt packageReference
      }
      risks { code }
    }
  }
`);

export const RetryMarketplaceSync = graphql(`
  mutation RetryMarketplaceSync($shipmentId: ID!) {
    retryMarketplaceSync(shipmentId: $shipmentId) {
      shipment { id marketplaceSync { state attempts } }
      errors { code message field }
    }
  }
`);

export const CorrectShipmentTracking = graphql(`
  mutation CorrectShipmentTracking($input: CorrectShipmentTrackingInput!) {
    correctShipmentTracking(input: $input) {
      shipment { id trackingNumber marketplaceSync { state attempts } }
      errors { code message field }
      warnings { code message field }
    }
  }
`);
