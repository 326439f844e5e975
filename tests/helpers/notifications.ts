import { graphql } from "../generated/index.ts";
import { buildOrder, uniqueUpsNumber } from "./factories.ts";
import { ConfirmShipment, RecordEvents } from "./operations.ts";
import type { TestServer } from "./test-server.ts";

export const SetRules = graphql(`
  mutation SetRules($input: SetStoreNotificationRulesInput!) {
    setStoreNotificationRules(input: $input) {
      notificationRules {
        enabled
        milestones { milestone channel }
        quietHoursStart
        quietHoursEnd
      }
      errors { code field message }
    }
  }
`);

export const SetPreferences = graphql(`
  mutation SetPreferences($input: SetBuyerNotificationPreferencesInput!) {
    setBuyerNotificationPreferences(input: $input) {
      preferences { optedOut optedOutAt channel email phone locale timeZone }
      errors { code field message }
    }
  }
`);

export const OrderNotifications = graphql(`
  query OrderNotifications($id: ID!) {
    node(id: $id) {
      ... on Order {
        notifications {
          kind
          channel
          state
          reason
          detail
          to
          scheduledFor
          sentAt
          attempts
        }
      }
    }
  }
`);

export const StoreRules = graphql(`
  query StoreRules {
    stores {
      id
      notificationRules {
        enabled
        milestones { milestone channel }
        quietHoursStart
        quietHoursEnd
      }
    }
  }
`);

/** An order with one UPS shipment on a fresh number, and the buyer's preferences set. */
export async function buildParcel(
  server: TestServer,
  preferences: Record<string, unknown> = {},
  storeId?: string,
  nativeOrderId = `114-${Math.floor(Math.random() * 1e7)}-${Date.now() % 1e7}`,
): Promise<{ orderId: string; shipmentId: string; nativeOrderId: string }> {
  const orderId = await buildOrder(server, { nativeOrderId, storeId });
  const confirmed = await server.request(ConfirmShipment, {
    input: {
      orderId,
      carrier: "ups",
      trackingNumber: uniqueUpsNumber(),
      shipDate: "2026-11-02T10:00:00-08:00",
    },
  });
  const shipmentId = confirmed.data?.confirmShipment.shipment?.id;
  if (!shipmentId) throw new Error(`confirmShipment failed: ${JSON.stringify(confirmed)}`);
  const set = await server.request(SetPreferences, { input: { orderId, ...preferences } });
  const errors = set.data?.setBuyerNotificationPreferences.errors;
  if (errors?.length) throw new Error(`preferences refused: ${JSON.stringify(errors)}`);
  return { orderId, shipmentId, nativeOrderId };
}

/** Records one event with a canonical status (UPS raw codes are not the point here). */
export async function scan(
  server: TestServer,
  shipmentId: string,
  occurredAt: Date,
  status: string,
  substatus?: string,
): Promise<void> {
  const result = await server.request(RecordEvents, {
    input: {
      shipmentId,
      events: [
        {
          occurredAt: occurredAt.toISOString(),
          status,
          substatus,
          rawCode: `${status}-${substatus ?? ""}-${occurredAt.getTime()}`.slice(0, 40),
          rawDescription: status,
          location: { city: "Los Angeles", countryCode: "US" },
        },
      ],
    } as never,
  });
  const errors = result.data?.recordTrackingEvents.errors;
  if (errors?.length) throw new Error(`events refused: ${JSON.stringify(errors)}`);
  await server.drainJobs();
}

export async function notificationsOf(server: TestServer, orderId: string) {
  const result = await server.request(OrderNotifications, { id: orderId });
  const node = result.data?.node as { notifications?: unknown[] } | null | undefined;
  if (!node?.notifications) throw new Error(`no notifications: ${JSON.stringify(result)}`);
  return node.notifications as {
    kind: string;
    channel: string;
    state: string;
    reason: string | null;
    detail: string | null;
    to: string | null;
    scheduledFor: string;
    sentAt: string | null;
    attempts: number;
  }[];
}
