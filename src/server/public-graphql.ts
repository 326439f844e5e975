import { buildSchema, type ExecutionResult, execute, parse, validate } from "graphql";
import type { RateDeliveryInput, RateDeliveryResult } from "../domain/public-tracking/feedback.ts";
import type { PublicTrackingView } from "../domain/public-tracking/view.ts";

/**
 * The buyer's API: its own schema, written out here field by field (a whitelist; nothing of
 * the seller schema is reachable), and only the operations below run on it. No type has an id.
 */
export const PUBLIC_SCHEMA = buildSchema(/* GraphQL */ `
  type Query {
    "The parcel a public tracking token opens; null for an unknown or revoked token."
    trackingPage(token: String!, locale: String): TrackingPage
  }
  type Mutation {
    "Rates a delivered parcel 1 (bad) to 5 (good), with an optional comment (at most 1000 characters); a second rating within 14 days replaces the first."
    rateDelivery(token: String!, rating: Int!, comment: String): RateDeliveryResult!
  }
  type Subscription {
    "The parcel's page now, then again each time it changes; null (then the end) for an unknown or revoked token."
    shipmentUpdated(token: String!, locale: String): TrackingPage
  }
  type TrackingPage {
    locale: String!
    status: String!
    statusText: String!
    trackingNumber: String!
    carrier: PublicCarrier!
    events: [PublicEvent!]!
    estimate: PublicEstimate
    "Places the parcel went through, oldest first; the last is where it is now."
    route: [PublicStop!]!
    "The buyer's rating, once given."
    rating: Int
  }
  type PublicCarrier {
    name: String!
    trackingUrl: String
  }
  type PublicEvent {
    status: String!
    description: String!
    occurredAt: String!
    location: PublicPlace
  }
  type PublicPlace {
    city: String
    region: String
    countryCode: String
  }
  type PublicStop {
    name: String!
    latitude: Float!
    longitude: Float!
    "EXACT, CITY, REGION or COUNTRY: how far to trust the point."
    precision: String!
  }
  type PublicEstimate {
    earliest: String!
    latest: String!
    explanation: [String!]!
  }
  type RateDeliveryResult {
    rating: Int
    comment: String
    errors: [PublicError!]!
  }
  type PublicError {
    code: String!
    message: String!
    field: String
  }
`);

const PAGE_FIELDS = `
  locale
  status
  statusText
  trackingNumber
  carrier { name trackingUrl }
  events { status description occurredAt location { city region countryCode } }
  estimate { earliest latest explanation }
  route { name latitude longitude precision }
  rating
`;

/** Persisted operations by id: the only documents the public endpoint runs. */
export const PUBLIC_OPERATIONS: Readonly<Record<string, string>> = {
  trackingPage: /* GraphQL */ `
    query trackingPage($token: String!, $locale: String) {
      trackingPage(token: $token, locale: $locale) { ${PAGE_FIELDS} }
    }
  `,
  rateDelivery: /* GraphQL */ `
    mutation rateDelivery($token: String!, $rating: Int!, $comment: String) {
      rateDelivery(token: $token, rating: $rating, comment: $comment) {
        rating
        comment
        errors { code message field }
      }
    }
  `,
  shipmentUpdated: /* GraphQL */ `
    subscription shipmentUpdated($token: String!, $locale: String) {
      shipmentUpdated(token: $token, locale: $locale) { ${PAGE_FIELDS} }
    }
  `,
};

const DOCUMENTS = new Map(
  Object.entries(PUBLIC_OPERATIONS).map(([id, text]) => {
    const document = parse(text);
    const errors = validate(PUBLIC_SCHEMA, document);
    if (errors.length) throw new Error(`public operation ${id} is invalid: ${errors[0]!.message}`);
    const definition = document.definitions[0];
    const kind = definition?.kind === "OperationDefinition" ? definition.operation : "query";
    return [id, { document, kind }] as const;
  }),
);

export type PublicLoader = (
  token: string,
  locale: string | null,
) => Promise<PublicTrackingView | null>;

export interface PublicResolvers {
  trackingPage: PublicLoader;
  rateDelivery(input: RateDeliveryInput): Promise<RateDeliveryResult>;
}

/** Whether operation `id` is a query, a mutation or a subscription; null when there is none. */
export function publicOperationKind(id: string): "query" | "mutation" | "subscription" | null {
  return DOCUMENTS.get(id)?.kind ?? null;
}

/** Runs persisted query or mutation `id`; null when there is no such operation. */
export async function runPublicOperation(
  id: string,
  variables: Record<string, unknown>,
  resolvers: PublicResolvers,
): Promise<ExecutionResult | null> {
  const found = DOCUMENTS.get(id);
  if (!found || found.kind === "subscription") return null;
  const rootValue = {
    trackingPage: (args: { token: string; locale?: string | null }) =>
      resolvers.trackingPage(args.token, args.locale ?? null),
    rateDelivery: (args: RateDeliveryInput) => resolvers.rateDelivery(args),
  };
  return execute({
    schema: PUBLIC_SCHEMA,
    document: found.document,
    rootValue,
    variableValues: variables,
  });
}

/**
 * One event of persisted subscription `id`: its selection applied to `view` (as graphql-js maps
 * each source event). Run with a null view first, it checks the variables.
 */
export async function publicSubscriptionEvent(
  id: string,
  variables: Record<string, unknown>,
  view: PublicTrackingView | null,
): Promise<ExecutionResult> {
  const found = DOCUMENTS.get(id);
  if (found?.kind !== "subscription") throw new Error(`${id} is not a public subscription`);
  const result = await execute({
    schema: PUBLIC_SCHEMA,
    document: found.document,
    rootValue: { shipmentUpdated: view },
    variableValues: variables,
  });
  return result as ExecutionResult;
}
