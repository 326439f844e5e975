import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { ApiKeyEvents } from "../domain/api-keys.ts";
import type { ChangeFeed, ChangePublisher } from "../domain/changes.ts";
import type { DeliveryEstimates } from "../domain/eta/service.ts";
import type { JobQueue } from "../domain/jobs.ts";
import type { WebhookSender } from "../domain/outbound-webhooks/deliver.ts";
import type { SecretBox } from "../domain/secret-box.ts";
import type { SharedReads } from "../domain/shared-reads.ts";
import type { TextBook } from "../domain/texts/index.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";

/** Who is calling: every query is scoped to this tenant. */
export interface Viewer {
  tenantId: string;
  apiKeyId: string;
  scopes: ReadonlySet<string>;
}

/**
 * What every resolver gets. Registries, time and I/O come in from buildApp so tests can inject
 * them; nothing here is a module singleton.
 */
export interface Context {
  db: PrismaClient;
  viewer: Viewer;
  publisher: ChangePublisher;
  feed: ChangeFeed;
  /** Instance-wide: subscribers of one change read its rows once between them (decision 035). */
  sharedReads: SharedReads;
  now: () => Date;
  carriers: CarrierRegistry;
  marketplaces: MarketplaceRegistry;
  texts: TextBook;
  /** Outbound HTTP for marketplace and carrier clients; never the global one in tests. */
  fetch: typeof fetch;
  /** Seals webhook signing secrets before they are stored (decision 026). */
  secretBox: SecretBox;
  /** Background jobs (marketplace pushes), enqueued in the transaction of their cause. */
  jobs: JobQueue;
  /** Delivery estimates: one fitted model per tenant, refitted when its history changes. */
  deliveryEstimates: DeliveryEstimates;
  /** Outbound webhooks' HTTP: checks a subscription's target before it is stored. */
  webhookSender: WebhookSender;
  /** Where a key's revocation is announced, so every instance stops it at once. */
  keyEvents: ApiKeyEvents;
  /** The caller's Accept-Language, best first; empty when it sent none. */
  acceptLanguages: readonly string[];
  /** Where buyers open public tracking links: TRACKLINE_PUBLIC_URL, else the request's origin. */
  publicBaseUrl: string;
}
