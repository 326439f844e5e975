import { graphql } from "../generated/index.ts";

/** An order as a seller sees it after pushes: native status, canonical state and parcels. */
export const OrderAfterPush = graphql(`
  query OrderAfterPush($id: ID!) {
    node(id: $id) {
      ... on Order {
        id
        nativeStatus { code }
        state
        shipments { trackingNumber carrier { code } marketplaceSync { state } }
      }
    }
  }
`);
