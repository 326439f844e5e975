import { buildSchema, type ExecutionResult, execute, parse, validate } from "graphql";
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
  type TrackingPage {
    locale: String!
    status: String!
    statusText: String!
    trackingNumber: String!
    carrier: PublicCarrier!
    events: [PublicEvent!]!
    estimate: PublicEstimate
  }
  type PublicCarrier {
    name: String!
    trackingUrl: String
  }
  type PublicEvent {
    description: String!
    occurredAt: String!
    location: PublicPlace
  }
  type PublicPlace {
    city: String
    region: String
    countryCode: String
  }
  type PublicEstimate {
    earliest: String!
    latest: String!
    explanation: [String!]!
  }
`);

/** Persisted operations by id: the only documents the public endpoint runs. */
export const PUBLIC_OPERATIONS: Readonly<Record<string, string>> = {
  trackingPage: /* GraphQL */ `
    query trackingPage($token: String!, $locale: String) {
      trackingPage(token: $token, locale: $locale) {
        locale
        status
        statusText
        trackingNumber
        carrier { name trackingUrl }
        events { description occurredAt location { city region countryCode } }
        estimate { earliest latest explanation }
      }
    }
  `,
};

const DOCUMENTS = new Map(
  Object.entries(PUBLIC_OPERATIONS).map(([id, text]) => {
    const document = parse(text);
    const errors = validate(PUBLIC_SCHEMA, document);
    if (errors.length) throw new Error(`public operation ${id} is invalid: ${errors[0]!.message}`);
    return [id, document] as const;
  }),
);

export type PublicLoader = (
  token: string,
  locale: string | null,
) => Promise<PublicTrackingView | null>;

/** Runs persisted operation `id`; null when there is no such operation. */
export async function runPublicOperation(
  id: string,
  variables: Record<string, unknown>,
  load: PublicLoader,
): Promise<ExecutionResult | null> {
  const document = DOCUMENTS.get(id);
  if (!document) return null;
  const rootValue = {
    trackingPage: (args: { token: string; locale?: string | null }) =>
      load(args.token, args.locale ?? null),
  };
  return execute({ schema: PUBLIC_SCHEMA, document, rootValue, variableValues: variables });
}
