import type { IncomingMessage, ServerResponse } from "node:http";
import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import type { Plugin } from "graphql-yoga";
import { Counter, collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { JOB_QUEUES } from "../domain/jobs.ts";
import { EXCEPTION_TYPES } from "../vocabulary/exception.ts";
import type { JobEngine } from "./job-queue.ts";

/** pg-boss 10's job states. */
const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;

/**
 * Yoga's GraphQL metrics kept: requests, their durations (whole request, HTTP, execution),
 * errors, subscriptions and schema changes. Dropped for what they cost on every request
 * (bench/README.md, 2026-11-30): the deprecated-field counter walks every document, the
 * request-time summary computes quantiles on each observation (Prometheus derives them from the
 * duration histogram), and parse, validate and context timings measure cache lookups.
 */
const GRAPHQL_METRICS = {
  graphql_envelop_request: true,
  graphql_envelop_request_duration: true,
  graphql_yoga_http_duration: true,
  graphql_envelop_phase_execute: true,
  graphql_envelop_phase_subscribe: true,
  graphql_envelop_error_result: true,
  graphql_envelop_schema_change: true,
  graphql_envelop_deprecated_field: false,
  graphql_envelop_request_time_summary: false,
  graphql_envelop_phase_parse: false,
  graphql_envelop_phase_validate: false,
  graphql_envelop_phase_context: false,
  graphql_envelop_execute_resolver: false,
} as const;

/** A dependency readiness depends on: resolves when it answers, throws with the reason when not. */
export type ReadinessCheck = () => Promise<void>;

/** A check that does not answer within this counts as failed (a hung pool must not hang /readyz). */
const CHECK_TIMEOUT_MS = 2_000;

export interface OpsDeps {
  db: PrismaClient;
  jobs: JobEngine;
  /** Open WebSockets (graphql-ws clients) on this instance. */
  sockets(): number;
  /** More readiness checks by name, such as Redis when REDIS_URL is set. */
  checks?: Record<string, ReadinessCheck>;
  /** TRACKLINE_METRICS_TOKEN: when set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

export interface Ops {
  /** Yoga's Prometheus plugin: request counts and durations per operation. */
  plugin: Plugin;
  /** Counts events recorded (every recorded change passes here). */
  eventsRecorded(count: number): void;
  /** Counts a buyer notification sent on `channel` for milestone `kind`. */
  notificationSent(channel: string, kind: string): void;
  /** Counts `shipments` polled at `carrier` with `outcome` (decision 046). */
  carrierPolled(carrier: string, outcome: string, shipments: number): void;
  /** Counts a read looked up in the response cache: `hit`, `miss` or `bypass` (decision 049). */
  responseCacheLookup(outcome: "hit" | "miss" | "bypass"): void;
  /** From now on /readyz answers 503, so load balancers stop sending work. */
  beginShutdown(): void;
  /** Serves /healthz, /readyz and /metrics; false for any other path. */
  handle(path: string, req: IncomingMessage, res: ServerResponse): boolean;
}

/** Health, readiness and metrics for operators (README "Operations"). */
export function createOps(deps: OpsDeps): Ops {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const events = new Counter({
    name: "trackline_events_recorded_total",
    help: "Tracking events recorded on this instance (duplicates not counted).",
    registers: [registry],
  });
  const notifications = new Counter({
    name: "trackline_notifications_sent_total",
    help: "Buyer notifications sent by this instance, by channel and milestone.",
    labelNames: ["channel", "kind"],
    registers: [registry],
  });
  const polls = new Counter({
    name: "trackline_carrier_polls_total",
    help: "Shipments polled at carrier tracking APIs by this instance, by account carrier and outcome.",
    labelNames: ["carrier", "outcome"],
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: "trackline_response_cache_lookups_total",
    help: "Reads of cached fields on this instance by outcome: hit, miss, or bypass (generation unknown).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  new Gauge({
    name: "trackline_jobs",
    help: "Jobs in the job engine by queue and state (all instances).",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      // Every series exists, at 0 when empty, so a dashboard's rate and alert rules have data.
      for (const queue of Object.keys(JOB_QUEUES)) {
        for (const state of JOB_STATES) this.set({ queue, state }, 0);
      }
      for (const row of await deps.jobs.stateCounts()) {
        this.set({ queue: row.queue, state: row.state }, row.count);
      }
    },
  });
  new Gauge({
    name: "trackline_marketplace_sync_failed",
    help: "Shipments whose marketplace push failed for good, by marketplace (all instances).",
    labelNames: ["marketplace"],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await deps.db.$queryRaw<{ marketplace: string; count: number }[]>`
        SELECT st."marketplace", count(*)::int AS count
        FROM "Shipment" sh JOIN "Store" st ON st."id" = sh."storeId"
        WHERE sh."syncState" = 'FAILED' GROUP BY st."marketplace"`;
      for (const row of rows) this.set({ marketplace: row.marketplace }, row.count);
    },
  });
  new Gauge({
    name: "trackline_open_exceptions",
    help: "Open shipment exceptions by type (all instances).",
    labelNames: ["type"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const type of EXCEPTION_TYPES) this.set({ type }, 0);
      const rows = await deps.db.$queryRaw<{ type: string; count: number }[]>`
        SELECT "type", count(*)::int AS count FROM "ShipmentException"
        WHERE "closedAt" IS NULL GROUP BY "type"`;
      for (const row of rows) this.set({ type: row.type }, row.count);
    },
  });
  new Gauge({
    name: "trackline_websocket_connections",
    help: "Open graphql-ws connections on this instance.",
    registers: [registry],
    collect() {
      this.set(deps.sockets());
    },
  });
  let shuttingDown = false;
  const checks: Record<string, ReadinessCheck> = {
    database: async () => {
      await deps.db.$queryRaw`SELECT 1`;
    },
    jobs: () => deps.jobs.ping(),
    ...deps.checks,
  };

  async function readiness(): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => [name, await outcome(check)] as const),
    );
    const named = Object.fromEntries(results);
    if (shuttingDown) named.server = "shutting down";
    return { ready: Object.values(named).every((value) => value === "ok"), checks: named };
  }

  return {
    plugin: usePrometheus({ registry, endpoint: false, metrics: GRAPHQL_METRICS }),
    eventsRecorded: (count) => events.inc(count),
    responseCacheLookup: (outcome) => cacheLookups.inc({ outcome }),
    carrierPolled: (carrier, outcome, shipments) => polls.inc({ carrier, outcome }, shipments),
    notificationSent: (channel, kind) => notifications.inc({ channel, kind }),
    beginShutdown: () => {
      shuttingDown = true;
    },
    handle(path, req, res) {
      if (path === "/healthz") {
        reply(res, 200, { status: "ok" });
        return true;
      }
      if (path === "/readyz") {
        readiness().then(
          ({ ready, checks }) => {
            const failing = Object.keys(checks).filter((name) => checks[name] !== "ok");
            reply(res, ready ? 200 : 503, {
              status: ready ? "ready" : "unavailable",
              ...(failing.length ? { failing } : {}),
              checks,
            });
          },
          (error: unknown) => reply(res, 503, { status: "unavailable", error: String(error) }),
        );
        return true;
      }
      if (path === "/metrics") {
        if (deps.metricsToken && req.headers.authorization !== `Bearer ${deps.metricsToken}`) {
          reply(res, 401, { error: "UNAUTHENTICATED", message: "send the metrics token" });
          return true;
        }
        registry.metrics().then(
          (text) => {
            res.writeHead(200, { "content-type": registry.contentType });
            res.end(text);
          },
          (error: unknown) => {
            console.error("collecting metrics failed:", error);
            reply(res, 500, { error: "INTERNAL_SERVER_ERROR" });
          },
        );
        return true;
      }
      return false;
    },
  };
}

/** "ok", or what went wrong, without a stack. */
async function outcome(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check(), timeout]);
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
